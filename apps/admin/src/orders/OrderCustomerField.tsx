import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import type { LinkToType } from 'react-admin';
import type { Order } from '../common-sales/types';
import { UserReferenceField } from '../users/UserReferenceField';

/** The customer account (named, for admins) or "Guest", with the order's e-mail beneath. */
export const OrderCustomerField = ({ link = false }: { label?: string; link?: LinkToType }) => {
  const order = useRecordContext<Order>();
  if (!order) return null;
  return (
    <Stack component="span">
      {order.customerId == null ? (
        <Typography component="span" variant="body2">
          Guest
        </Typography>
      ) : (
        <UserReferenceField source="customerId" fallbackLabel="Customer" link={link} />
      )}
      <Typography component="span" variant="caption" color="text.secondary">
        {order.email}
      </Typography>
    </Stack>
  );
};
