import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  BooleanInput,
  DateInput,
  FormDataConsumer,
  NumberInput,
  RadioButtonGroupInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  regex,
  required,
  type Validator,
} from 'react-admin';
import { SimpleForm, type SimpleFormProps } from '../forms';
import { MoneyInput, PercentInput } from '../money';
import type { Coupon, DiscountType } from '../types';
import { discountTypeChoices } from './couponFields';
import { expiredValidToWarning, utcDayOf } from './couponValidity';

const codeFormat = regex(/^[A-Za-z0-9_-]{2,50}$/, 'Use 2 to 50 letters, digits, dashes or underscores, e.g. WELCOME10');
const wholeNumber: Validator = (value) => (value == null || Number.isSafeInteger(value) ? undefined : 'Enter a whole number');
const positive: Validator = (value) => (typeof value === 'number' && value <= 0 ? 'Must be more than zero' : undefined);
const atMostHundredPercent: Validator = (value) => (typeof value === 'number' && value > 10_000 ? 'A percentage discount is at most 100 %' : undefined);

/** Coupon validity is counted in whole UTC days (docs/api.md#dates-and-times): the inputs show those days. */
const dayOrNull = (value: string) => value || null;
const notBeforeValidFrom: Validator = (value, values) =>
  value && values?.validFrom && utcDayOf(value) < utcDayOf(values.validFrom) ? 'Must not be before the start date' : undefined;

const keepText = (value: string) => value ?? '';

/** The discount: a percentage ("10" → 1000 basis points) or an amount ("5.00" → 500 minor units). */
const DiscountValueInput = () => (
  <FormDataConsumer<Coupon>>
    {({ formData }) =>
      (formData.discountType as DiscountType) === 'fixed' ? (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <MoneyInput
            key="fixed"
            source="discountValue"
            label="Discount amount"
            helperText="Taken off the subtotal"
            validate={[required(), positive]}
            sx={{ width: 220 }}
          />
        </Stack>
      ) : (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <PercentInput
            key="percentage"
            source="discountValue"
            label="Discount"
            helperText="Of the subtotal, e.g. 10 or 7.5"
            validate={[required(), positive, atMostHundredPercent]}
            sx={{ width: 220 }}
          />
          <MoneyInput source="maxDiscount" label="Maximum discount" helperText="Empty: no cap" sx={{ width: 220 }} />
        </Stack>
      )
    }
  </FormDataConsumer>
);

export const CouponForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm sx={{ maxWidth: 760 }} {...props}>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
      <TextInput source="code" helperText="What customers type; upper and lower case count as the same" validate={[required(), codeFormat]} sx={{ flex: 1 }} />
      <BooleanInput source="isActive" label="Active" />
    </Stack>
    <TextInput source="description" multiline minRows={2} validate={maxLength(1000)} parse={keepText} />
    <RadioButtonGroupInput source="discountType" label="Discount type" choices={discountTypeChoices} validate={required()} />
    <DiscountValueInput />
    <MoneyInput source="minPurchase" label="Minimum purchase" helperText="Subtotal needed, before the discount; empty: none" sx={{ width: 360 }} />
    <Typography variant="subtitle2" sx={{ mt: 2 }}>
      Validity (UTC days)
    </Typography>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <DateInput
        source="validFrom"
        label="Valid from"
        helperText="From the start of this day; empty: at once"
        format={utcDayOf}
        parse={dayOrNull}
        sx={{ width: 300 }}
      />
      <DateInput
        source="validTo"
        label="Valid until"
        helperText="Through the end of this day; empty: no end"
        format={utcDayOf}
        parse={dayOrNull}
        validate={notBeforeValidFrom}
        sx={{ width: 300 }}
      />
    </Stack>
    <FormDataConsumer<Coupon>>
      {({ formData }) => {
        const warning = expiredValidToWarning(formData.validTo, new Date());
        return warning ? (
          <Alert severity="warning" role="status" sx={{ mt: 1, maxWidth: 620 }}>
            {warning}
          </Alert>
        ) : null;
      }}
    </FormDataConsumer>
    <Typography variant="subtitle2" sx={{ mt: 2 }}>
      Limits
    </Typography>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <NumberInput
        source="usageLimit"
        label="Usage limit"
        helperText="Orders that may use it in all; empty: unlimited"
        step={1}
        validate={[wholeNumber, minValue(0), maxValue(1_000_000_000)]}
        sx={{ width: 300 }}
      />
      <NumberInput
        source="perCustomerLimit"
        label="Uses per customer"
        helperText="Per account (per e-mail for guests); empty: unlimited"
        step={1}
        validate={[wholeNumber, minValue(1), maxValue(1_000_000)]}
        sx={{ width: 300 }}
      />
    </Stack>
  </SimpleForm>
);

/** What is sent: a fixed discount has no cap. */
export function couponBody<T extends Partial<Coupon>>(values: T): T {
  return values.discountType === 'fixed' ? { ...values, maxDiscount: null } : values;
}
