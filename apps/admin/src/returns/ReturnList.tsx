import type { ReactNode } from 'react';
import { DataTable, DateField, FunctionField, List, ReferenceField, SearchInput, SelectInput, TextField } from 'react-admin';
import { dateRangeFilters } from '../common-sales/dateFilters';
import { choicesOf, returnStatusLooks } from '../common-sales/labels';
import { StatusChip } from '../common-sales/StatusChip';
import { StatusTabs } from '../common-sales/StatusTabs';
import type { Return } from '../common-sales/types';
import { MoneyField } from '../money';
import { returnedUnits, returnSourceText } from './returnRules';

const returnStatusChoices = choicesOf(returnStatusLooks);
const sourceChoices = [
  { id: 'store', name: 'Asked by the customer' },
  { id: 'admin', name: 'Made by staff' },
];

const returnFilters = [
  <SearchInput key="q" source="q" placeholder="Return, order or sale number" alwaysOn />,
  <SelectInput key="source" source="source" label="Made" choices={sourceChoices} />,
  ...dateRangeFilters('requestedAt', { from: 'Requested from', until: 'Requested until' }),
];

/** The record a return belongs to: its order or its in-store sale, linked. */
export const ReturnRecordField = (_props: { label?: string }) => (
  <FunctionField<Return>
    render={(r) =>
      r.orderId != null ? (
        <ReferenceField source="orderId" reference="orders" link="show" />
      ) : (
        <ReferenceField source="offlineSaleId" reference="offline-sales" link="show" />
      )
    }
  />
);

/**
 * Returns, each opening its page: in the queue with the record each belongs to and who made it;
 * under an order or a sale (`inQueue` off) without those.
 */
export const ReturnTable = ({ inQueue = false, empty }: { inQueue?: boolean; empty?: ReactNode }) => (
  <DataTable<Return> rowClick="show" bulkActionButtons={false} empty={empty} sx={{ width: '100%' }}>
    <DataTable.Col source="number" label="Return">
      <TextField source="number" sx={{ fontWeight: 600 }} />
    </DataTable.Col>
    <DataTable.Col source="requestedAt" label="Requested">
      <DateField source="requestedAt" showTime />
    </DataTable.Col>
    {inQueue && (
      <DataTable.Col label="Of" disableSort>
        <ReturnRecordField />
      </DataTable.Col>
    )}
    {inQueue && (
      <DataTable.Col source="source" label="Made" disableSort>
        <FunctionField<Return> render={(r) => returnSourceText(r.source)} />
      </DataTable.Col>
    )}
    <DataTable.Col source="status" label="Status">
      <StatusChip source="status" looks={returnStatusLooks} />
    </DataTable.Col>
    <DataTable.Col label="Units" align="right" disableSort>
      <FunctionField<Return> render={returnedUnits} />
    </DataTable.Col>
    <DataTable.Col source="total" label="Total" align="right" disableSort>
      <MoneyField source="total" />
    </DataTable.Col>
    <DataTable.Col source="refundAmount" label="Refund" align="right" disableSort>
      <MoneyField source="refundAmount" />
    </DataTable.Col>
  </DataTable>
);

/** The returns queue (docs/api.md#refunds-and-returns): newest first, in tabs by status with their counts. */
export const ReturnList = () => (
  <List<Return> filters={returnFilters} sort={{ field: 'requestedAt', order: 'DESC' }} perPage={25} exporter={false}>
    <StatusTabs source="status" choices={returnStatusChoices} />
    <ReturnTable inQueue />
  </List>
);
