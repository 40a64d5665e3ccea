import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import {
  BooleanField,
  Button,
  DateField,
  EditButton,
  Labeled,
  Link,
  LinkBase,
  ListButton,
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { HistoryPanel } from '../audit-logs';
import { CustomerMessages } from '../messages';
import { MoneyField, OutstandingBalanceField } from '../money';
import { CustomerTimeline } from './CustomerTimeline';
import type { Customer } from './types';

export const CustomerTitle = ({ prefix = '' }: { prefix?: string }) => {
  const customer = useRecordContext<Customer>();
  return <span>{customer ? `${prefix}${customer.fullName || customer.email}` : 'Customer'}</span>;
};

/** The account itself (profile, role, password): users, admins only. */
const AccountButton = () => {
  const customer = useRecordContext<Customer>();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit' });
  if (!customer || !canAccess) return null;
  return <Button component={LinkBase} to={`/users/${customer.id}`} label="Account" startIcon={<ManageAccountsIcon />} />;
};

const CustomerShowActions = () => (
  <TopToolbar>
    <ListButton />
    <AccountButton />
    <EditButton label="Edit notes" />
  </TopToolbar>
);

/** The in-store customer linked to the account, linked to its page; linking is done from there. */
const LinkedInStoreCustomer = () => {
  const customer = useRecordContext<Customer>();
  if (!customer) return null;
  if (customer.offlineCustomerId == null) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        None — link one from its page in <Link to="/offline-customers">In-store customers</Link>
      </Typography>
    );
  }
  return <ReferenceField source="offlineCustomerId" reference="offline-customers" link="show" />;
};

/**
 * A customer across channels (docs/api.md#customers): contact, the maintained figures, the linked
 * in-store customer, the staff's notes, and one timeline of their orders, in-store sales, bookings,
 * refunds and messages.
 */
export const CustomerShow = () => (
  <Show<Customer> title={<CustomerTitle />} actions={<CustomerShowActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="Name">
          <TextField source="fullName" />
        </Labeled>
        <Labeled label="E-mail">
          <TextField source="email" />
        </Labeled>
        <Labeled label="Phone">
          <TextField source="phone" emptyText="—" />
        </Labeled>
        <Labeled label="Customer since">
          <DateField source="createdAt" />
        </Labeled>
        <Labeled label="Active">
          <BooleanField source="isActive" />
        </Labeled>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4} data-testid="customer-figures">
        <Labeled label="Orders">
          <NumberField source="ordersCount" />
        </Labeled>
        <Labeled label="In-store sales">
          <NumberField source="offlineSalesCount" />
        </Labeled>
        <Labeled label="Bookings">
          <NumberField source="bookingsCount" />
        </Labeled>
        <Labeled label="Lifetime value">
          <MoneyField source="lifetimeValue" data-testid="lifetime-value" />
        </Labeled>
        <Labeled label="Owes">
          <OutstandingBalanceField />
        </Labeled>
        <Labeled label="Last activity">
          <DateField source="lastActivityAt" showTime emptyText="—" />
        </Labeled>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="In-store customer">
          <LinkedInStoreCustomer />
        </Labeled>
        <Labeled label="Address">
          <TextField source="address" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
        </Labeled>
      </Stack>
      <Labeled label="Notes">
        <TextField source="notes" emptyText="—" sx={{ whiteSpace: 'pre-line' }} data-testid="customer-notes" />
      </Labeled>
      <CustomerTimeline />
    </SimpleShowLayout>
    <CustomerMessages />
    <HistoryPanel />
  </Show>
);
