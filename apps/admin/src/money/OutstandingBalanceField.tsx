import Typography from '@mui/material/Typography';
import { FunctionField } from 'react-admin';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { formatMoney } from './money';

/** What a customer (an account or an in-store customer) still owes: `outstandingBalance`, in red when anything. */
export const OutstandingBalanceField = (_props: { label?: string }) => {
  const currency = useStoreCurrency();
  return (
    <FunctionField<{ id: number; outstandingBalance: number }>
      render={(customer) => (
        <Typography
          component="span"
          variant="body2"
          sx={{ fontWeight: customer.outstandingBalance > 0 ? 600 : undefined }}
          color={customer.outstandingBalance > 0 ? 'error' : 'text.secondary'}
        >
          {customer.outstandingBalance > 0 ? formatMoney(customer.outstandingBalance, currency) : 'Nothing owed'}
        </Typography>
      )}
    />
  );
};
