import {
  AutocompleteInput,
  DataTable,
  DateField,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  SimpleList,
} from 'react-admin';
import { dateRangeFilters } from '../common-sales/dateFilters';
import { choicesOf, paymentMethodChoices, paymentMethodText, paymentStatusLooks } from '../common-sales/labels';
import { StatusChip } from '../common-sales/StatusChip';
import type { Order, Payment } from '../common-sales/types';
import { MoneyField } from '../money';
import { UserReferenceField } from '../users/UserReferenceField';
import { ExportingListActions } from '../common-sales/ServerExportButton';
import { PhoneOr, Tertiary } from '../layout/phone';

const paymentFilters = [
  <SearchInput key="q" source="q" placeholder="Reference" alwaysOn />,
  <ReferenceInput key="orderId" source="orderId" reference="orders" sort={{ field: 'placedAt', order: 'DESC' }} alwaysOn>
    <AutocompleteInput label="Order" filterToQuery={(q) => ({ q })} optionText={(order: Order) => `${order.number} · ${order.email}`} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="method" source="method" label="Method" choices={paymentMethodChoices} />,
  <SelectInput key="status" source="status" label="Status" choices={choicesOf(paymentStatusLooks)} />,
  ...dateRangeFilters('paidAt', { from: 'Paid from', until: 'Paid until' }),
];

/** Every payment recorded against an online order (read only; docs/api.md#orders-payments-and-invoices). */
export const PaymentList = () => (
  <List<Payment> filters={paymentFilters} sort={{ field: 'paidAt', order: 'DESC' }} perPage={50} exporter={false} actions={<ExportingListActions />}>
    <PhoneOr
      phone={
        <SimpleList<Payment>
          rowClick={false}
          primaryText={(payment) => paymentMethodText(payment.method)}
          secondaryText={(payment) =>
            `${new Date(payment.paidAt).toLocaleString()} · ${paymentStatusLooks[payment.status].label}${payment.reference ? ` · ${payment.reference}` : ''}`
          }
          tertiaryText={
            <Tertiary>
              <MoneyField source="amount" />
            </Tertiary>
          }
        />
      }
    >
      <DataTable<Payment> rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="paidAt" label="Paid at">
          <DateField source="paidAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="orderId" label="Order" disableSort>
          <ReferenceField source="orderId" reference="orders" link="show" />
        </DataTable.Col>
        <DataTable.Col source="amount" label="Amount" align="right">
          <MoneyField source="amount" />
        </DataTable.Col>
        <DataTable.Col source="method" label="Method">
          <FunctionField<Payment> render={(payment) => paymentMethodText(payment.method)} />
        </DataTable.Col>
        <DataTable.Col source="reference" label="Reference" disableSort>
          <TextField source="reference" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="status" label="Status">
          <StatusChip source="status" looks={paymentStatusLooks} />
        </DataTable.Col>
        <DataTable.Col source="recordedById" label="Recorded by" disableSort>
          <UserReferenceField source="recordedById" emptyText="Online (customer)" fallbackLabel="Staff" link={false} />
        </DataTable.Col>
      </DataTable>
    </PhoneOr>
  </List>
);
