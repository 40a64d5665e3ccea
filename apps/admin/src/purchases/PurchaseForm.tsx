import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SaveButton,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  minValue,
  required,
  useRecordContext,
  type Validator,
} from 'react-admin';
import { SimpleForm } from '../forms';
import { useFormContext } from 'react-hook-form';
import { AddLineButton } from '../common-sales/AddLineButton';
import { LineTotal } from '../common-sales/LineTotal';
import { documentTotalsRows } from '../common-sales/documentTotals';
import { TotalsTable } from '../common-sales/TotalsTable';
import { purchaseTotals } from '../common-sales/totals';
import type { Purchase } from '../common-sales/types';
import { VariantPickerInput, type VariantOption } from '../common-sales/VariantPickerInput';
import { formatMoney, MoneyInput } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';

const wholeNumber: Validator = (value) => (value == null || value === '' || Number.isSafeInteger(value) ? undefined : 'Enter a whole number of units');

const notNegative: Validator = (value) => (typeof value === 'number' && value < 0 ? 'Cannot be negative' : undefined);

const atLeastOneLine: Validator = (value) => (Array.isArray(value) && value.length > 0 ? undefined : 'Add at least one product');

const statusChoices = [
  { id: 'draft', name: 'Draft (not sent to the supplier yet)' },
  { id: 'ordered', name: 'Ordered from the supplier' },
];

/** The totals as they will be saved: Σ quantity × unit cost, plus shipping and tax from the bill. */
const PurchaseTotalsPreview = () => {
  const [lines, shippingCost, taxTotal] = useWatch({ name: ['lines', 'shippingCost', 'taxTotal'] });
  const totals = purchaseTotals(lines, shippingCost, taxTotal);
  return (
    <Stack sx={{ width: '100%', alignItems: 'flex-end' }}>
      <TotalsTable
        label="Purchase totals"
        rows={documentTotalsRows({ subtotal: totals.subtotal, shipping: totals.shippingCost, tax: totals.taxTotal, total: totals.total })}
      />
      {totals.incomplete > 0 && (
        <Typography variant="caption" color="text.secondary">
          {totals.incomplete} line{totals.incomplete === 1 ? '' : 's'} without a product, quantity or unit cost yet: not counted.
        </Typography>
      )}
    </Stack>
  );
};

/** The variant picker of a purchase line: a new product's unit cost starts at its current cost price. */
const PurchaseVariantInput = () => {
  const currency = useStoreCurrency();
  const { getValues, setValue } = useFormContext();
  const fillCost = (variant: VariantOption, lineSource: (field: string) => string) => {
    const current = getValues(lineSource('unitCost'));
    if (current == null || current === '') setValue(lineSource('unitCost'), variant.costPrice, { shouldDirty: true });
  };
  return (
    <VariantPickerInput
      source="variantId"
      label="Product"
      validate={required('Choose a product')}
      onPick={fillCost}
      detail={(variant) => `cost ${formatMoney(variant.costPrice, currency)} · ${variant.stock} in stock`}
    />
  );
};

/** Purchases are never deleted (cancel them instead): no delete button. */
const PurchaseToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Status: on create, draft or ordered; on edit, a draft can be marked ordered. */
const StatusInput = () => {
  const purchase = useRecordContext<Purchase>();
  if (purchase?.id != null && purchase.status !== 'draft') return null;
  return <SelectInput source="status" label="Status" choices={statusChoices} validate={required()} sx={{ minWidth: 300 }} />;
};

/**
 * A purchase from a supplier: the supplier, lines (product variant, quantity, unit cost, with live
 * line totals), shipping and tax from the supplier's bill, and the totals as you type.
 */
export const PurchaseForm = ({ locked }: { locked?: boolean }) => (
  <SimpleForm defaultValues={{ status: 'draft', lines: [{ quantity: 1 }], shippingCost: 0, taxTotal: 0, notes: '' }} toolbar={<PurchaseToolbar />}>
    {locked && <Alert severity="info">This purchase was received or cancelled: it can no longer change.</Alert>}
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
      <ReferenceInput source="supplierId" reference="suppliers" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput label="Supplier" filterToQuery={(q) => ({ q })} validate={required('Choose the supplier')} sx={{ minWidth: 300 }} />
      </ReferenceInput>
      <StatusInput />
    </Stack>
    <ArrayInput source="lines" label="Products" validate={atLeastOneLine}>
      <SimpleFormIterator inline disableReordering disableClear fullWidth addButton={<AddLineButton />}>
        <PurchaseVariantInput />
        <NumberInput
          source="quantity"
          label="Quantity"
          defaultValue={1}
          step={1}
          min={1}
          validate={[required(), wholeNumber, minValue(1)]}
          sx={{ width: 110 }}
        />
        <MoneyInput source="unitCost" label="Unit cost" validate={[required(), notNegative]} sx={{ width: 160 }} />
        <LineTotal unitSource="unitCost" />
      </SimpleFormIterator>
    </ArrayInput>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <MoneyInput source="shippingCost" label="Shipping (from the bill)" validate={notNegative} />
      <MoneyInput source="taxTotal" label="Tax (from the bill)" validate={notNegative} />
    </Stack>
    <PurchaseTotalsPreview />
    <TextInput source="notes" label="Notes" multiline minRows={2} />
  </SimpleForm>
);
