import { BooleanField, DataTable, DateField, List, NullableBooleanInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { MoneyField } from '../money';
import type { Coupon } from '../types';
import { CouponStatusChip, DiscountField, TimesUsedField, discountTypeChoices } from './couponFields';
import { ExportingListActions } from '../common-sales/ServerExportButton';

const couponFilters = [
  <SearchInput key="q" source="q" placeholder="Code or description" alwaysOn />,
  <NullableBooleanInput key="isActive" source="isActive" label="Active" />,
  <SelectInput key="discountType" source="discountType" choices={discountTypeChoices} />,
];

/** Validity dates are shown as the UTC days the API counts in (docs/api.md#dates-and-times). */
const utcDay = { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' } as const;

export const CouponList = () => (
  <List<Coupon> filters={couponFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false} actions={<ExportingListActions />}>
    <DataTable<Coupon> rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="description" disableSort>
        <TextField source="description" sx={{ display: 'block', maxWidth: 320 }} noWrap emptyText="" />
      </DataTable.Col>
      <DataTable.Col source="discountValue" label="Discount">
        <DiscountField />
      </DataTable.Col>
      <DataTable.Col source="minPurchase" disableSort align="right">
        <MoneyField source="minPurchase" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <CouponStatusChip />
      </DataTable.Col>
      <DataTable.Col source="timesUsed" align="right">
        <TimesUsedField />
      </DataTable.Col>
      <DataTable.Col source="validFrom">
        <DateField source="validFrom" options={utcDay} emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="validTo">
        <DateField source="validTo" options={utcDay} emptyText="no end" />
      </DataTable.Col>
      <DataTable.Col source="isActive" align="center">
        <BooleanField source="isActive" />
      </DataTable.Col>
    </DataTable>
  </List>
);
