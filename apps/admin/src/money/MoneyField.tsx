import Typography from '@mui/material/Typography';
import { sanitizeFieldRestProps, useFieldValue, useRecordContext, type FieldProps } from 'react-admin';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { formatMoney } from './money';

export interface MoneyFieldProps extends FieldProps {
  source: string;
  /** A fixed ISO 4217 code; otherwise `currencySource` on the record, otherwise the store currency. */
  currency?: string;
  currencySource?: string;
  locale?: string;
}

/** Shows an amount held in minor units (`1999`) as money (`$19.99`). */
export const MoneyField = ({ source, currency, currencySource, locale, emptyText, ...rest }: MoneyFieldProps) => {
  const record = useRecordContext();
  const amount = useFieldValue({ source, record });
  const storeCurrency = useStoreCurrency();
  const recordCurrency = currencySource ? (record?.[currencySource] as string | undefined) : undefined;
  const text = formatMoney(typeof amount === 'number' ? amount : null, currency ?? recordCurrency ?? storeCurrency, locale);
  return (
    <Typography component="span" variant="body2" {...sanitizeFieldRestProps(rest)}>
      {text || emptyText || ''}
    </Typography>
  );
};
