import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useWatch } from 'react-hook-form';
import { useSourceContext } from 'react-admin';
import { formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { lineTotal } from './totals';

/** The live total of a form line (inside a SimpleFormIterator): quantity × the unit amount. */
export const LineTotal = ({ unitSource }: { unitSource: 'unitPrice' | 'unitCost' }) => {
  const currency = useStoreCurrency();
  const sourceContext = useSourceContext();
  const [quantity, unit] = useWatch({ name: [sourceContext.getSource('quantity'), sourceContext.getSource(unitSource)] });
  const total = lineTotal(quantity, unit);
  return (
    <Stack sx={{ minWidth: 110, alignItems: 'flex-end', justifyContent: 'center', pt: 1.5 }}>
      <Typography variant="caption" color="text.secondary">
        Line total
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: 600 }} data-line-total>
        {total == null ? '—' : formatMoney(total, currency)}
      </Typography>
    </Stack>
  );
};
