import Chip from '@mui/material/Chip';
import { useFieldValue, type FieldProps } from 'react-admin';
import type { Look } from './labels';

export interface StatusChipProps extends FieldProps {
  source: string;
  looks: Record<string, Look>;
}

/** A status value as a coloured chip with its label ("Partially paid"), never the raw value. */
export const StatusChip = ({ source, looks }: StatusChipProps) => {
  const value = useFieldValue({ source });
  if (value == null || value === '') return null;
  const look = looks[String(value)] ?? { label: String(value), color: 'default' as const };
  return <Chip size="small" label={look.label} color={look.color} variant={look.color === 'default' ? 'outlined' : 'filled'} />;
};
