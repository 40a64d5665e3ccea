import { useEffect } from 'react';
import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MuiButton from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  Create,
  NumberInput,
  SaveButton,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  minValue,
  required,
  useSaveContext,
  useSourceContext,
  type Validator,
} from 'react-admin';
import { SimpleForm } from '../forms';
import { counterPaymentMethodChoices } from '../common-sales/labels';
import { AddLineButton } from '../common-sales/AddLineButton';
import { LineTotal } from '../common-sales/LineTotal';
import { documentTotalsRows } from '../common-sales/documentTotals';
import { TotalsTable } from '../common-sales/TotalsTable';
import { useCouponTerms } from '../common-sales/useCouponTerms';
import { InStoreCustomerPickerInput } from '../customer-picker';
import { VariantPickerInput, type VariantOption } from '../common-sales/VariantPickerInput';
import { basisPointsToPercent, formatMoney, MoneyInput } from '../money';
import { useStoreCurrency, useStoreInfo } from '../settings/useStoreSettings';
import { NewCustomerDialog } from './NewCustomerDialog';
import { previewSaleTotals, saleFormErrors, toSaleBody, typedCoupon, type SaleFormValues } from './saleForm';

const wholeNumber: Validator = (value) => (value == null || value === '' || Number.isSafeInteger(value) ? undefined : 'Enter a whole number of units');
const notNegative: Validator = (value) => (typeof value === 'number' && value < 0 ? 'Cannot be negative' : undefined);
const atLeastOneLine: Validator = (value) => (Array.isArray(value) && value.length > 0 ? undefined : 'Add at least one product');

/** The store's tax rate (basis points) from the public store settings; 0 until known. */
function useTaxRateBps(): number {
  return useStoreInfo().data?.taxRateBps ?? 0;
}

/**
 * Checks that need the totals: the discount (at most the subtotal) and the amount paid now (at
 * most the total). Input-level, with the whole form's values (react-admin does not combine
 * form-level and input-level validation).
 */
function useSaleAmountValidators(): { maxDiscount: Validator; maxPaid: Validator } {
  const taxRateBps = useTaxRateBps();
  const currency = useStoreCurrency();
  const coupon = useCouponTerms(useWatch({ name: 'couponCode' }));
  const totalsOf = (values: unknown) => previewSaleTotals((values ?? {}) as SaleFormValues, coupon, taxRateBps);
  return {
    maxDiscount: (value, values) => {
      const { subtotal } = totalsOf(values);
      return typeof value === 'number' && value > subtotal ? `At most the subtotal, ${formatMoney(subtotal, currency)}` : undefined;
    },
    maxPaid: (value, values) => {
      const { total } = totalsOf(values);
      return typeof value === 'number' && value > Math.max(total, 0) ? `At most the total, ${formatMoney(total, currency)}` : undefined;
    },
  };
}

/** Picking a product fills the line's unit price with the product's current price. */
const SaleVariantInput = () => {
  const { setValue } = useFormContext();
  const fillPrice = (variant: VariantOption, lineSource: (field: string) => string) =>
    setValue(lineSource('unitPrice'), variant.price, { shouldDirty: true, shouldValidate: true });
  return <VariantPickerInput source="variantId" label="Product" validate={required('Choose a product')} onPick={fillPrice} />;
};

/** The quantity, with a warning when it is more than the stock the product had when chosen. */
const QuantityInput = () => {
  const sourceContext = useSourceContext();
  const [stock, quantity] = useWatch({ name: [sourceContext.getSource('stock'), sourceContext.getSource('quantity')] });
  const short = typeof stock === 'number' && typeof quantity === 'number' && quantity > stock;
  return (
    <NumberInput
      source="quantity"
      label="Quantity"
      defaultValue={1}
      step={1}
      min={1}
      validate={[required(), wholeNumber, minValue(1)]}
      helperText={typeof stock === 'number' ? (short ? `Only ${stock} in stock` : `${stock} in stock`) : false}
      sx={{ width: 120, '& .MuiFormHelperText-root': { color: short ? 'warning.main' : undefined } }}
    />
  );
};

/** Subtotal, discount (typed, or the coupon's), tax at the store rate and total, as the cashier types (integer arithmetic, half-up). */
const SaleTotalsPanel = () => {
  const taxRateBps = useTaxRateBps();
  const currency = useStoreCurrency();
  const { setValue } = useFormContext();
  const { maxPaid } = useSaleAmountValidators();
  const [lines, discount, couponCode, paidAmount, walkIn] = useWatch({ name: ['lines', 'discount', 'couponCode', 'paidAmount', 'walkIn'] });
  const coupon = useCouponTerms(couponCode);
  const totals = previewSaleTotals({ lines, discount, couponCode }, coupon, taxRateBps);
  const paid = typeof paidAmount === 'number' ? paidAmount : 0;
  const balance = totals.total - paid;
  // A walk-in sale is paid in full: the amount paid follows the total while the cashier adds lines.
  useEffect(() => {
    if (walkIn) setValue('paidAmount', totals.total > 0 ? totals.total : null, { shouldDirty: true, shouldValidate: true });
  }, [walkIn, totals.total, setValue]);
  return (
    <Card variant="outlined" sx={{ width: '100%', maxWidth: 460, ml: 'auto' }}>
      <CardContent>
        <TotalsTable
          label="Sale totals"
          rows={documentTotalsRows({
            subtotal: totals.subtotal,
            discount: totals.discount,
            discountCode: typedCoupon({ couponCode }) ? (coupon?.code ?? typedCoupon({ couponCode })) : null,
            tax: totals.taxTotal,
            taxRateBps,
            total: totals.total,
          })}
        />
        {totals.incomplete > 0 && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ textAlign: 'right' }}>
            {totals.incomplete} line{totals.incomplete === 1 ? '' : 's'} without a product, quantity or price yet: not counted.
          </Typography>
        )}
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', mt: 2 }}>
          <MoneyInput
            source="paidAmount"
            label="Paid now"
            validate={[notNegative, maxPaid]}
            helperText={walkIn ? 'A walk-in sale is paid in full' : 'Empty: nothing paid now'}
          />
          <SelectInput source="paymentMethod" label="Method" choices={counterPaymentMethodChoices} defaultValue="cash" helperText={false} />
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <MuiButton
            size="small"
            onClick={() => setValue('paidAmount', totals.total, { shouldDirty: true, shouldValidate: true })}
            disabled={totals.total <= 0}
          >
            Paid in full
          </MuiButton>
          {totals.total > 0 && (
            <Typography variant="body2" data-sale-balance sx={{ fontWeight: 600 }} color={balance > 0 ? 'warning.main' : 'success.main'}>
              {balance > 0 ? `Still owed after this sale: ${formatMoney(balance, currency)}` : 'Paid in full'}
            </Typography>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The customer is required, unless the cashier chose "Walk-in". */
const customerOrWalkIn: Validator = (value, values) =>
  value != null && value !== '' ? undefined : (values as SaleFormValues | undefined)?.walkIn ? undefined : 'Choose the customer, create one, or choose Walk-in';

/**
 * Who buys: an in-store customer (searched, or created on the spot), or "Walk-in": nobody, and the
 * sale paid in full at once. Picking a customer ends the walk-in choice. The API's refusal of a
 * walk-in sale on credit shows under the customer input.
 */
const SaleCustomerInputs = () => {
  const { setValue } = useFormContext();
  const [customerId, walkIn] = useWatch({ name: ['customerId', 'walkIn'] });
  useEffect(() => {
    if (customerId != null && customerId !== '' && walkIn) setValue('walkIn', false);
  }, [customerId, walkIn, setValue]);
  const chooseWalkIn = () => {
    setValue('walkIn', true, { shouldDirty: true });
    setValue('customerId', null, { shouldDirty: true, shouldValidate: true });
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', width: '100%', maxWidth: 680 }}>
      <InStoreCustomerPickerInput
        create={<NewCustomerDialog />}
        createItemLabel="New customer “%{item}”"
        validate={customerOrWalkIn}
        helperText={walkIn ? 'Walk-in customer: no name kept, paid in full now' : 'Search by name, phone or e-mail; type a new name to create the customer'}
      />
      <MuiButton
        variant={walkIn ? 'contained' : 'outlined'}
        startIcon={<DirectionsWalkIcon />}
        aria-pressed={walkIn ? 'true' : 'false'}
        onClick={chooseWalkIn}
        sx={{ mt: 1, flexShrink: 0 }}
      >
        Walk-in
      </MuiButton>
    </Stack>
  );
};

/** The coupon's code; its terms, when it exists, preview the discount. A manual discount gives way to it. */
const CouponAndDiscountInputs = () => {
  const { maxDiscount } = useSaleAmountValidators();
  const currency = useStoreCurrency();
  const couponCode = useWatch({ name: 'couponCode' });
  const typed = typedCoupon({ couponCode });
  const coupon = useCouponTerms(couponCode);
  const terms = coupon
    ? coupon.discountType === 'percentage'
      ? `${basisPointsToPercent(coupon.discountValue)} % off${coupon.maxDiscount != null ? `, at most ${formatMoney(coupon.maxDiscount, currency)}` : ''}`
      : `${formatMoney(coupon.discountValue, currency)} off`
    : null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextInput
        source="couponCode"
        label="Coupon"
        helperText={
          typed
            ? terms
              ? `${coupon!.code}: ${terms}; checked when the sale is recorded`
              : 'No coupon with this code found yet; checked when the sale is recorded'
            : 'Empty: no coupon'
        }
        sx={{ width: 300 }}
      />
      <MoneyInput
        source="discount"
        label="Discount"
        validate={[notNegative, maxDiscount]}
        disabled={!!typed}
        helperText={typed ? 'The coupon gives the discount' : 'An amount off the subtotal'}
        sx={{ width: 260 }}
      />
    </Stack>
  );
};

const SaleToolbar = () => (
  <Toolbar>
    <SaveButton label="Record sale" />
  </Toolbar>
);

/** Sends only what the API accepts; its refusals land under the right inputs. */
const SaleForm = () => {
  const { save } = useSaveContext();
  const submit = async (values: Record<string, unknown>) => {
    const errors = await save?.(toSaleBody(values as SaleFormValues) as never);
    return errors ? saleFormErrors(errors as Record<string, unknown>, values as SaleFormValues) : undefined;
  };
  return (
    <SimpleForm onSubmit={submit} toolbar={<SaleToolbar />} defaultValues={{ lines: [{ quantity: 1 }], paymentMethod: 'cash', walkIn: false }}>
      <SaleCustomerInputs />
      <ArrayInput source="lines" label="Products" validate={atLeastOneLine}>
        <SimpleFormIterator inline disableReordering disableClear fullWidth addButton={<AddLineButton />}>
          <SaleVariantInput />
          <QuantityInput />
          <MoneyInput source="unitPrice" label="Unit price" validate={[required(), notNegative]} sx={{ width: 160 }} />
          <LineTotal unitSource="unitPrice" />
        </SimpleFormIterator>
      </ArrayInput>
      <CouponAndDiscountInputs />
      <SaleTotalsPanel />
    </SimpleForm>
  );
};

/** The counter's sale entry (docs/api.md#in-store-sales): customer or walk-in, products, coupon or discount, totals, what is paid now. */
export const OfflineSaleCreate = () => (
  <Create redirect="show" title="New in-store sale">
    <SaleForm />
  </Create>
);
