import { List, SearchInput, SelectInput } from 'react-admin';
import { dateRangeFilters } from '../common-sales/dateFilters';
import { choicesOf, paymentMethodChoices, refundKindChoices, refundStatusLooks } from '../common-sales/labels';
import type { Refund } from '../common-sales/types';
import { RefundTable } from './RefundTable';
import { ExportingListActions } from '../common-sales/ServerExportButton';

const refundFilters = [
  <SearchInput key="q" source="q" placeholder="Number, order or sale, reference, reason" alwaysOn />,
  <SelectInput key="status" source="status" label="Status" choices={choicesOf(refundStatusLooks)} alwaysOn />,
  <SelectInput key="kind" source="kind" label="For" choices={refundKindChoices} />,
  <SelectInput key="method" source="method" label="Method" choices={paymentMethodChoices} />,
  ...dateRangeFilters('refundedAt', { from: 'Refunded from', until: 'Refunded until' }),
];

/** Every amount given back (read only; docs/api.md#refunds-and-returns), with its credit note. */
export const RefundList = () => (
  <List<Refund> filters={refundFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={50} exporter={false} actions={<ExportingListActions />}>
    <RefundTable showRecord />
  </List>
);
