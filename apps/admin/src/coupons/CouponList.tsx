import BlockIcon from '@mui/icons-material/Block';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import { BooleanField, DataTable, DateField, List, NullableBooleanInput, SearchInput, SelectInput, SimpleList, TextField } from 'react-admin';
import { BulkActionButton, postBulk } from '../bulk';
import { PhoneOr, Tertiary } from '../layout/phone';
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

const couponWords = (done: string) => ({ one: 'coupon', many: 'coupons', done });

/** Switches the selected coupons off (their codes are refused from then on) or on again: POST /api/admin/coupons/bulk-update. */
const CouponBulkActions = () => (
  <>
    <BulkActionButton<Coupon>
      label="Activate"
      icon={<CheckCircleOutlineIcon />}
      words={couponWords('activated')}
      labelOf={(coupon) => coupon.code}
      send={(ids) => postBulk('coupons/bulk-update', ids, { isActive: true })}
    />
    <BulkActionButton<Coupon>
      label="Deactivate"
      icon={<BlockIcon />}
      words={couponWords('deactivated')}
      labelOf={(coupon) => coupon.code}
      send={(ids) => postBulk('coupons/bulk-update', ids, { isActive: false })}
      confirm={{
        title: 'Deactivate the selected coupons?',
        content: 'Their codes are refused from now on, in carts and at checkout. Orders that used them keep their discount.',
      }}
    />
  </>
);

export const CouponList = () => (
  <List<Coupon> filters={couponFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false} actions={<ExportingListActions />}>
    <PhoneOr
      phone={
        <SimpleList<Coupon>
          rowClick="edit"
          primaryText={(coupon) => coupon.code}
          secondaryText={(coupon) =>
            `${coupon.isActive ? 'Active' : 'Inactive'} · used ${coupon.timesUsed}${coupon.usageLimit == null ? '' : ` of ${coupon.usageLimit}`}`
          }
          tertiaryText={
            <Tertiary>
              <DiscountField />
            </Tertiary>
          }
        />
      }
    >
      <DataTable<Coupon> rowClick="edit" bulkActionButtons={<CouponBulkActions />}>
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
    </PhoneOr>
  </List>
);
