import Typography from '@mui/material/Typography';
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
  SimpleList,
  TextField,
} from 'react-admin';
import { dateRangeFilters } from '../common-sales/dateFilters';
import { choicesOf, salePaymentStatusLooks, saleStatusLooks } from '../common-sales/labels';
import { StatusChip } from '../common-sales/StatusChip';
import { StatusTabs } from '../common-sales/StatusTabs';
import type { OfflineCustomer, OfflineSale } from '../common-sales/types';
import { MoneyField, formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { ExportingListActions } from '../common-sales/ServerExportButton';
import { PhoneOr, Tertiary } from '../layout/phone';
import { inStoreText } from '../customer-picker';

export const salePaymentStatusChoices = choicesOf(salePaymentStatusLooks);

const saleFilters = [
  <SearchInput key="q" source="q" placeholder="Number, name or phone" alwaysOn />,
  <ReferenceInput key="customerId" source="customerId" reference="offline-customers" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput
      label="Customer"
      filterToQuery={(q) => ({ q })}
      optionText={(customer: OfflineCustomer) => inStoreText(customer)}
      sx={{ minWidth: 260 }}
    />
  </ReferenceInput>,
  <SelectInput key="status" source="status" label="Sale status" choices={choicesOf(saleStatusLooks)} />,
  ...dateRangeFilters('soldAt', { from: 'Sold from', until: 'Sold until' }),
];

/** What is still owed on the sale: emphasised while anything is. */
const BalanceCell = (_props: { label?: string }) => {
  const currency = useStoreCurrency();
  return (
    <FunctionField<OfflineSale>
      render={(sale) => (
        <Typography
          component="span"
          variant="body2"
          color={sale.balance > 0 ? 'error' : 'text.secondary'}
          sx={{ fontWeight: sale.balance > 0 ? 600 : undefined }}
        >
          {formatMoney(sale.balance, currency)}
        </Typography>
      )}
    />
  );
};

/** On a phone: number, customer, status and what is owed, one sale per line. */
const OfflineSaleSimpleList = () => {
  const currency = useStoreCurrency();
  return (
    <SimpleList<OfflineSale>
      rowClick="show"
      primaryText={(sale) => sale.number}
      secondaryText={(sale) =>
        `${new Date(sale.soldAt).toLocaleDateString()} · ${saleStatusLooks[sale.status].label} · ${salePaymentStatusLooks[sale.paymentStatus].label}${
          sale.balance > 0 ? ` · ${formatMoney(sale.balance, currency)} owed` : ''
        }`
      }
      tertiaryText={
        <Tertiary>
          <MoneyField source="total" />
        </Tertiary>
      }
    />
  );
};

/**
 * In-store sales, newest first, in tabs by payment status with their counts (docs/api.md#in-store-sales).
 * Never the "empty" page: the counter's main action, "New sale" rather than "Create", stays where it always is.
 */
export const OfflineSaleList = () => (
  <List<OfflineSale>
    actions={<ExportingListActions createLabel="New sale" />}
    empty={false}
    filters={saleFilters}
    sort={{ field: 'soldAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <StatusTabs source="paymentStatus" choices={salePaymentStatusChoices} />
    <PhoneOr phone={<OfflineSaleSimpleList />}>
      <DataTable<OfflineSale> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="number" label="Sale">
          <TextField source="number" sx={{ fontWeight: 600 }} />
        </DataTable.Col>
        <DataTable.Col source="soldAt" label="Sold">
          <DateField source="soldAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="customerId" label="Customer" disableSort>
          <ReferenceField source="customerId" reference="offline-customers" link={false} emptyText="Walk-in" />
        </DataTable.Col>
        <DataTable.Col source="status" label="Status">
          <StatusChip source="status" looks={saleStatusLooks} />
        </DataTable.Col>
        <DataTable.Col source="paymentStatus" label="Payment">
          <StatusChip source="paymentStatus" looks={salePaymentStatusLooks} />
        </DataTable.Col>
        <DataTable.Col source="total" label="Total" align="right">
          <MoneyField source="total" />
        </DataTable.Col>
        <DataTable.Col source="paidAmount" label="Paid" align="right" disableSort>
          <MoneyField source="paidAmount" />
        </DataTable.Col>
        <DataTable.Col source="balance" label="Balance" align="right" disableSort>
          <BalanceCell />
        </DataTable.Col>
      </DataTable>
    </PhoneOr>
  </List>
);
