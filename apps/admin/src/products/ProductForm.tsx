import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  Button,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  regex,
  required,
  useSimpleFormIterator,
  type Validator,
} from 'react-admin';
import { SimpleForm, type SimpleFormProps } from '../forms';
import { MoneyInput, formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { emptyVariant, type AttributeRow, type ProductFormValues, type VariantFormValues } from './productForm';

export type ProductFormPurpose = 'create' | 'edit';

const slugFormat = regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes, e.g. classic-t-shirt');
const wholeNumber: Validator = (value) => (value == null || Number.isSafeInteger(value) ? undefined : 'Enter a whole number');

const atLeastOneVariant: Validator = (value) => (Array.isArray(value) && value.length > 0 ? undefined : 'A product needs at least one variant');

const distinctSkus: Validator = (value) => {
  const skus = (Array.isArray(value) ? (value as Partial<VariantFormValues>[]) : [])
    .map((variant) =>
      String(variant?.sku ?? '')
        .trim()
        .toLowerCase(),
    )
    .filter(Boolean);
  return new Set(skus).size === skus.length ? undefined : 'Two variants have the same SKU';
};

const distinctAttributeNames: Validator = (value) => {
  const names = (Array.isArray(value) ? (value as Partial<AttributeRow>[]) : []).map((row) => String(row?.key ?? '').trim()).filter(Boolean);
  return new Set(names).size === names.length ? undefined : 'Each attribute name only once';
};

/** A variant's own price: empty means "the product's", and the hint says which amount that is. */
const VariantPriceInput = ({ source, label }: { source: 'price' | 'costPrice'; label: string }) => {
  const currency = useStoreCurrency();
  return (
    <FormDataConsumer<ProductFormValues>>
      {({ formData, scopedFormData }) => {
        const productValue = formData?.[source];
        const inherited = typeof productValue === 'number' ? formatMoney(productValue, currency) : 'the product’s amount';
        const own = (scopedFormData as Partial<VariantFormValues> | undefined)?.[source];
        const hint = own == null || (own as unknown) === '' ? `Empty: inherits ${inherited}` : 'Own amount for this variant';
        return <MoneyInput source={source} label={label} helperText={hint} sx={{ width: 200 }} />;
      }}
    </FormDataConsumer>
  );
};

/** On edit: the stock of a saved variant is shown, not edited (adjust it from the product page). */
const VariantStockNote = () => (
  <FormDataConsumer<ProductFormValues>>
    {({ scopedFormData }) => {
      const variant = scopedFormData as Partial<VariantFormValues> | undefined;
      return (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2, minWidth: 160 }}>
          {variant?.id != null ? `In stock: ${variant.stock ?? 0}` : 'New variant: starts with no stock'}
        </Typography>
      );
    }}
  </FormDataConsumer>
);

/** A labelled "add" button for an iterator, adding the given empty row. */
const AddRowButton = ({ label, row }: { label: string; row: () => object }) => {
  const { add } = useSimpleFormIterator();
  return (
    <Button label={label} onClick={() => add(row())}>
      <AddIcon />
    </Button>
  );
};

const AttributesInput = () => (
  <ArrayInput source="attributes" label="Attributes" validate={distinctAttributeNames} helperText={false}>
    <SimpleFormIterator inline disableReordering disableClear addButton={<AddRowButton label="Add attribute" row={() => ({ key: '', value: '' })} />}>
      <TextInput source="key" label="Name" helperText={false} placeholder="size" validate={required()} sx={{ width: 160 }} />
      <TextInput source="value" label="Value" helperText={false} placeholder="M" sx={{ width: 200 }} />
    </SimpleFormIterator>
  </ArrayInput>
);

const SectionTitle = ({ children }: { children: string }) => (
  <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
    {children}
  </Typography>
);

/**
 * The product form (create and edit): the product, its prices, and its variants inline. On create
 * each variant takes an opening stock; on edit stock is only shown (it changes through adjustments).
 */
export const ProductForm = ({ purpose, ...props }: Omit<SimpleFormProps, 'children'> & { purpose: ProductFormPurpose }) => (
  <SimpleForm {...props}>
    <SectionTitle>Product</SectionTitle>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
      <TextInput source="name" validate={[required(), maxLength(300)]} sx={{ flex: 2 }} />
      <TextInput
        source="slug"
        helperText={purpose === 'create' ? 'Made from the name when empty' : 'Used in shop addresses'}
        validate={purpose === 'edit' ? [required(), slugFormat, maxLength(100)] : [slugFormat, maxLength(100)]}
        sx={{ flex: 1 }}
      />
    </Stack>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%', alignItems: 'baseline' }}>
      <ReferenceInput source="categoryId" reference="categories" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput
          label="Category"
          filterToQuery={(q) => ({ q })}
          validate={required()}
          parse={(value) => (value === '' ? null : value)}
          sx={{ minWidth: 280 }}
        />
      </ReferenceInput>
      <BooleanInput source="isActive" label="Active (shown in the shop)" />
    </Stack>
    <TextInput source="description" multiline minRows={3} validate={maxLength(20000)} parse={(value: string) => value ?? ''} />

    <SectionTitle>Prices and delivery</SectionTitle>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <MoneyInput source="price" validate={required()} sx={{ width: 200 }} />
      <MoneyInput
        source="costPrice"
        label="Cost price"
        helperText="What one unit costs the store (0 if nothing): gross profit counts on it"
        validate={required()}
        sx={{ width: 240 }}
      />
      <MoneyInput source="shippingCost" label="Shipping cost per unit" sx={{ width: 200 }} />
      <NumberInput
        source="estimatedDeliveryDays"
        label="Delivery time (days)"
        step={1}
        validate={[wholeNumber, minValue(0), maxValue(365)]}
        sx={{ width: 180 }}
      />
      <NumberInput
        source="lowStockThreshold"
        label="Low-stock threshold"
        helperText="Empty: the store default"
        step={1}
        validate={[wholeNumber, minValue(0)]}
        sx={{ width: 200 }}
      />
    </Stack>

    <Divider flexItem sx={{ my: 2 }} />
    <SectionTitle>Variants</SectionTitle>
    <Typography variant="body2" color="text.secondary">
      Each size, colour or model sold separately is a variant with its own SKU and stock. Leave a variant’s prices empty to use the product’s.
    </Typography>
    <ArrayInput source="variants" label={false} validate={[atLeastOneVariant, distinctSkus]}>
      <SimpleFormIterator
        disableReordering
        disableClear
        fullWidth
        getItemLabel={(index) => `Variant ${index + 1}`}
        addButton={<AddRowButton label="Add variant" row={emptyVariant} />}
        sx={{ '& .RaSimpleFormIterator-line': { py: 1 } }}
      >
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextInput source="sku" label="SKU" validate={[required(), maxLength(100)]} sx={{ width: 220 }} />
          <VariantPriceInput source="price" label="Own price" />
          <VariantPriceInput source="costPrice" label="Own cost price" />
          {purpose === 'create' ? (
            <NumberInput source="stock" label="Opening stock" step={1} validate={[wholeNumber, minValue(0)]} sx={{ width: 160 }} />
          ) : (
            <VariantStockNote />
          )}
        </Stack>
        <AttributesInput />
      </SimpleFormIterator>
    </ArrayInput>
  </SimpleForm>
);
