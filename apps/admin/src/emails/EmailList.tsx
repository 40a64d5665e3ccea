import Chip from '@mui/material/Chip';
import { DataTable, DateField, FunctionField, List, NumberField, SearchInput, SelectInput, TextField } from 'react-admin';
import { choicesOf, type Looks } from '../common-sales/labels';
import type { Email } from '../types';

/** Every template the API sends, worded for staff (the compiler holds it to the API's list). */
const templateLabels: Record<Email['template'], string> = {
  order_confirmation: 'Order confirmation',
  order_shipped: 'Order shipped',
  order_delivered: 'Order delivered',
  order_cancelled: 'Order cancelled',
  refund_issued: 'Refund',
  return_status: 'Return status',
  booking_confirmed: 'Booking confirmed',
  booking_reminder: 'Booking reminder',
  otp_code: 'Verification code',
  password_reset: 'Password reset',
};
export const emailTemplateChoices = Object.entries(templateLabels).map(([id, name]) => ({ id, name }));
/** An e-mail's status: its filter label and the colour of its chip (which shows the status itself). */
const statusLooks: Looks<Email['status']> = {
  pending: { label: 'Pending', color: 'default' },
  sent: { label: 'Sent', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf(statusLooks)} alwaysOn />,
  <SelectInput key="template" source="template" choices={emailTemplateChoices} />,
];

/** The e-mail log (docs/api.md#e-mail, admins only, read only): what went to whom, and whether the mail server took it. */
export const EmailList = () => (
  <List<Email> filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable<Email> rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="createdAt" label="Queued">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="to" label="To" />
      <DataTable.Col source="subject" disableSort>
        <TextField source="subject" />
      </DataTable.Col>
      <DataTable.Col source="template" disableSort>
        <FunctionField<Email> render={(e) => emailTemplateChoices.find((c) => c.id === e.template)?.name ?? e.template} />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <FunctionField<Email> render={(e) => <Chip size="small" color={statusLooks[e.status].color} label={e.status} />} />
      </DataTable.Col>
      <DataTable.Col source="attempts" disableSort>
        <NumberField source="attempts" />
      </DataTable.Col>
      <DataTable.Col source="sentAt" label="Sent">
        <DateField source="sentAt" showTime emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="error" label="Last error / next try" disableSort>
        <FunctionField<Email>
          render={(e) =>
            [e.error, e.nextAttemptAt && e.status === 'pending' && e.attempts > 0 ? `next try ${new Date(e.nextAttemptAt).toLocaleString()}` : null]
              .filter(Boolean)
              .join(' — ')
          }
        />
      </DataTable.Col>
    </DataTable>
  </List>
);
