import { DataTable, DateField, FunctionField, List, ReferenceField, SearchInput, SelectInput, TextField } from 'react-admin';
import { dateRangeFilters } from '../common-sales/dateFilters';
import { choicesOf, paymentMethodChoices, paymentMethodText, refundKindLabels, refundStatusLooks } from '../common-sales/labels';
import { StatusChip } from '../common-sales/StatusChip';
import type { Refund } from '../common-sales/types';
import { MoneyField } from '../money';
import { CreditNotePdfCell } from '../returns/RecordReturnsAndRefunds';

const kindChoices = Object.entries(refundKindLabels).map(([id, name]) => ({ id, name }));

const refundFilters = [
  <SearchInput key="q" source="q" placeholder="Number, order or sale, reference, reason" alwaysOn />,
  <SelectInput key="status" source="status" label="Status" choices={choicesOf(refundStatusLooks)} alwaysOn />,
  <SelectInput key="kind" source="kind" label="For" choices={kindChoices} />,
  <SelectInput key="method" source="method" label="Method" choices={paymentMethodChoices} />,
  ...dateRangeFilters('refundedAt', { from: 'Refunded from', until: 'Refunded until' }),
];

/** The record a refund gave money back on: its order, in-store sale or booking, linked. */
export const RefundRecordField = (_props: { label?: string }) => (
  <FunctionField<Refund>
    render={(refund) =>
      refund.orderId != null ? (
        <ReferenceField source="orderId" reference="orders" link="show" />
      ) : refund.offlineSaleId != null ? (
        <ReferenceField source="offlineSaleId" reference="offline-sales" link="show" />
      ) : (
        <ReferenceField source="bookingId" reference="bookings" link="show" />
      )
    }
  />
);

/** Every amount given back (read only; docs/api.md#refunds-and-returns), with its credit note. */
export const RefundList = () => (
  <List<Refund> filters={refundFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={50} exporter={false}>
    <DataTable<Refund> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="number" label="Refund">
        <TextField source="number" sx={{ fontWeight: 600 }} />
      </DataTable.Col>
      <DataTable.Col source="createdAt" label="Made">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col label="Of" disableSort>
        <RefundRecordField />
      </DataTable.Col>
      <DataTable.Col source="kind" label="For">
        <FunctionField<Refund> render={(refund) => refundKindLabels[refund.kind as keyof typeof refundKindLabels] ?? refund.kind} />
      </DataTable.Col>
      <DataTable.Col source="method" label="Method">
        <FunctionField<Refund> render={(refund) => paymentMethodText(refund.method)} />
      </DataTable.Col>
      <DataTable.Col source="amount" label="Amount" align="right">
        <MoneyField source="amount" />
      </DataTable.Col>
      <DataTable.Col source="status" label="Status">
        <StatusChip source="status" looks={refundStatusLooks} />
      </DataTable.Col>
      <DataTable.Col label="" align="right">
        <CreditNotePdfCell />
      </DataTable.Col>
    </DataTable>
  </List>
);
