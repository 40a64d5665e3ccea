import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { alpha, type Theme } from '@mui/material/styles';
import { useRecordContext } from 'react-admin';
import type { VariantAttributes } from '../types';

/** A variant's attributes as chips ("size: M"); "—" when it has none. */
export const AttributeChips = ({ source = 'attributes' }: { source?: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const attributes = (record?.[source] ?? {}) as VariantAttributes;
  const entries = Object.entries(attributes);
  if (entries.length === 0) return <span>—</span>;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
      {entries.map(([key, value]) => (
        <Chip key={key} size="small" variant="outlined" label={`${key}: ${value}`} />
      ))}
    </Stack>
  );
};

/** "Low stock" when the record (product or variant) is at or below its threshold. */
export const LowStockChip = () => {
  const record = useRecordContext<{ lowStock?: boolean; stock?: number }>();
  if (!record?.lowStock) return null;
  return <Chip size="small" color="warning" label={record.stock === 0 ? 'Out of stock' : 'Low stock'} />;
};

/** The background of a low-stock row: a light tint of the warning colour. */
export const lowStockHighlight = {
  bgcolor: (theme: Theme) => alpha(theme.palette.warning.main, 0.12),
  '&:hover': { bgcolor: (theme: Theme) => alpha(theme.palette.warning.main, 0.2) },
} as const;
