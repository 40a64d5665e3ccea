import { AutocompleteInput, DataTable, DateField, FunctionField, List, ReferenceField, ReferenceInput, SearchInput, TextField, SimpleList } from 'react-admin';
import { dateRangeFilters } from '../common-sales/dateFilters';
import { choicesOf, purchaseStatusLooks } from '../common-sales/labels';
import { StatusChip } from '../common-sales/StatusChip';
import { StatusTabs } from '../common-sales/StatusTabs';
import type { Purchase } from '../common-sales/types';
import { MoneyField } from '../money';
import { ExportingListActions } from '../common-sales/ServerExportButton';
import { PhoneOr, Tertiary } from '../layout/phone';

export const purchaseStatusChoices = choicesOf(purchaseStatusLooks);

const purchaseFilters = [
  <SearchInput key="q" source="q" placeholder="Number, product, SKU or notes" alwaysOn />,
  <ReferenceInput key="supplierId" source="supplierId" reference="suppliers" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Supplier" filterToQuery={(q) => ({ q })} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  ...dateRangeFilters('createdAt', { from: 'Created from', until: 'Created until' }),
];

/** "3 units (2 products)" */
function unitsText(purchase: Purchase): string {
  const units = purchase.lines.reduce((sum, line) => sum + line.quantity, 0);
  const products = purchase.lines.length;
  return `${units} unit${units === 1 ? '' : 's'}${products > 1 ? ` (${products} products)` : ''}`;
}

/** Purchases from suppliers, newest first, in tabs by status with their counts (docs/api.md#suppliers-and-purchases). */
export const PurchaseList = () => (
  <List<Purchase> filters={purchaseFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false} actions={<ExportingListActions />}>
    <StatusTabs source="status" choices={purchaseStatusChoices} />
    <PhoneOr
      phone={
        <SimpleList<Purchase>
          rowClick="show"
          primaryText={(purchase) => purchase.number}
          secondaryText={(purchase) => `${new Date(purchase.createdAt).toLocaleDateString()} · ${purchaseStatusLooks[purchase.status].label}`}
          tertiaryText={
            <Tertiary>
              <MoneyField source="total" />
            </Tertiary>
          }
        />
      }
    >
      <DataTable<Purchase> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="number" label="Purchase">
          <TextField source="number" sx={{ fontWeight: 600 }} />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="Created">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="supplierId" label="Supplier" disableSort>
          <ReferenceField source="supplierId" reference="suppliers" link={false} />
        </DataTable.Col>
        <DataTable.Col source="status" label="Status">
          <StatusChip source="status" looks={purchaseStatusLooks} />
        </DataTable.Col>
        <DataTable.Col source="lines" label="Items" disableSort>
          <FunctionField<Purchase> render={unitsText} />
        </DataTable.Col>
        <DataTable.Col source="total" label="Total" align="right">
          <MoneyField source="total" />
        </DataTable.Col>
        <DataTable.Col source="receivedAt" label="Received">
          <DateField source="receivedAt" showTime emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </PhoneOr>
  </List>
);
