import Stack from '@mui/material/Stack';
import { DateField, Edit, Labeled, useRecordContext } from 'react-admin';
import { HistoryPanel } from '../audit-logs';
import type { Coupon } from '../types';
import { CouponStatusChip, TimesUsedField } from './couponFields';
import { CouponForm, couponBody } from './CouponForm';

const CouponTitle = () => {
  const record = useRecordContext<Coupon>();
  return <span>Coupon {record ? record.code : ''}</span>;
};

const CouponUsage = () => (
  <Stack direction="row" spacing={4} sx={{ px: 2, pt: 2 }}>
    <Labeled label="Status">
      <CouponStatusChip />
    </Labeled>
    <Labeled label="Times used">
      <TimesUsedField />
    </Labeled>
    <Labeled label="Created">
      <DateField source="createdAt" showTime />
    </Labeled>
  </Stack>
);

/**
 * Pessimistic: the API's validation errors appear under the inputs; deleting a coupon that has been
 * used is refused (409) with its reason in the notification: deactivate it instead.
 */
export const CouponEdit = () => (
  <Edit<Coupon> mutationMode="pessimistic" title={<CouponTitle />} transform={couponBody} redirect="list">
    <CouponUsage />
    <CouponForm />
    <HistoryPanel />
  </Edit>
);
