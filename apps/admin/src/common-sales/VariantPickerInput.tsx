import { useMemo, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useFormContext, useWatch } from 'react-hook-form';
import { FieldTitle, InputHelperText, useGetList, useInput, useSourceContext, type Validator } from 'react-admin';
import { useDebounced } from '../forms';
import { formatMoney } from '../money';
import { attributesText } from '../providers/variantLookup';
import { useStoreCurrency } from '../settings/useStoreSettings';
import type { Product, VariantAttributes } from '../types';

/** A sellable or purchasable variant, with its product's name, price, cost and stock. */
export interface VariantOption {
  id: number;
  productId: number;
  productName: string;
  sku: string;
  attributes: VariantAttributes;
  price: number;
  costPrice: number;
  /** the product's, per unit (orders charge it) */
  shippingCost?: number;
  stock: number;
}

export function variantOptionsOf(products: readonly Product[]): VariantOption[] {
  return products.flatMap((product) =>
    product.variants.map((variant) => ({
      id: variant.id,
      productId: product.id,
      productName: product.name,
      sku: variant.sku,
      attributes: variant.attributes,
      price: variant.price,
      costPrice: variant.costPrice,
      shippingCost: product.shippingCost,
      stock: variant.stock,
    })),
  );
}

/** "Linen shirt — LIN-M (size: M)" */
export function variantOptionLabel(variant: Pick<VariantOption, 'productName' | 'sku' | 'attributes'>): string {
  const attributes = attributesText(variant.attributes);
  return `${variant.productName} — ${variant.sku}${attributes ? ` (${attributes})` : ''}`;
}

/** The line fields the picker keeps beside `variantId` so the line can be named without a lookup. */
export const lineSnapshotFields = ['productName', 'sku', 'attributes', 'stock'] as const;

export interface VariantPickerInputProps {
  /** Relative to the line (inside a SimpleFormIterator). */
  source?: string;
  label?: string;
  /** Called with the chosen variant and a function that names a sibling field of the line. */
  onPick?: (variant: VariantOption, lineSource: (field: string) => string) => void;
  /** What the second line of each option shows. */
  detail?: (variant: VariantOption, currency: string) => string;
  validate?: Validator | Validator[];
  helperText?: string;
}

const defaultDetail = (variant: VariantOption, currency: string) => `${formatMoney(variant.price, currency)} · ${variant.stock} in stock`;

/**
 * A variant autocomplete for order-like lines: searches the products (name, slug or SKU) as you
 * type, lists their variants as "Product — SKU (size: M)" with price and stock, and on choice sets
 * `variantId` plus the line's naming fields (productName, sku, attributes, stock), which the forms
 * drop again before they send the line.
 */
export const VariantPickerInput = ({
  source = 'variantId',
  label = 'Product',
  onPick,
  detail = defaultDetail,
  validate,
  helperText,
}: VariantPickerInputProps) => {
  const currency = useStoreCurrency();
  const sourceContext = useSourceContext();
  const lineSource = (field: string) => sourceContext.getSource(field);
  const { setValue } = useFormContext();
  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput({ source, validate });

  const [productName, sku, attributes, stock] = useWatch({ name: lineSnapshotFields.map(lineSource) }) as [
    string | undefined,
    string | undefined,
    VariantAttributes | undefined,
    number | undefined,
  ];
  const selected: VariantOption | null = useMemo(
    () =>
      field.value != null && field.value !== ''
        ? {
            id: Number(field.value),
            productId: 0,
            productName: productName ?? `Variant #${field.value}`,
            sku: sku ?? '',
            attributes: attributes ?? {},
            price: 0,
            costPrice: 0,
            stock: stock ?? 0,
          }
        : null,
    [field.value, productName, sku, attributes, stock],
  );

  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data: products, isFetching } = useGetList<Product>(
    'products',
    { filter: q ? { q } : {}, pagination: { page: 1, perPage: 25 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: open },
  );
  const options = useMemo(() => variantOptionsOf(products ?? []), [products]);

  return (
    <Autocomplete<VariantOption, false, false, false>
      id={id}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      value={selected}
      options={options}
      loading={isFetching}
      filterOptions={(list) => list}
      getOptionLabel={variantOptionLabel}
      isOptionEqualToValue={(option, value) => option.id === value.id}
      noOptionsText={q ? 'No product matches' : 'Type a product name or SKU'}
      onInputChange={(_event, value, reason) => {
        if (reason === 'input') setSearch(value);
        if (reason === 'clear') setSearch('');
      }}
      onChange={(_event, variant) => {
        field.onChange(variant ? variant.id : null);
        field.onBlur();
        setValue(lineSource('productName'), variant?.productName ?? null);
        setValue(lineSource('sku'), variant?.sku ?? null);
        setValue(lineSource('attributes'), variant?.attributes ?? null);
        setValue(lineSource('stock'), variant?.stock ?? null);
        if (variant) onPick?.(variant, lineSource);
      }}
      renderOption={({ key, ...props }, variant) => (
        <li key={key} {...props}>
          <Stack>
            <span>{variantOptionLabel(variant)}</span>
            <Typography variant="caption" color={variant.stock > 0 ? 'text.secondary' : 'warning.main'}>
              {detail(variant, currency)}
            </Typography>
          </Stack>
        </li>
      )}
      sx={{ minWidth: 340, flex: 2 }}
      renderInput={(params) => (
        <TextField
          {...params}
          name={field.name}
          inputRef={field.ref}
          label={<FieldTitle label={label} source={source} isRequired={isRequired} />}
          error={invalid}
          helperText={<InputHelperText error={error?.message} helperText={helperText} />}
          size="small"
          margin="dense"
        />
      )}
    />
  );
};
