import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import HistoryIcon from '@mui/icons-material/History';
import {
  ArrayField,
  BooleanField,
  Button,
  DataTable,
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  LinkBase,
  ListButton,
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { HistoryPanel } from '../audit-logs';
import { MoneyField } from '../money';
import type { Product, ProductVariant } from '../types';
import { AdjustStockButton } from './AdjustStockButton';
import { AttributeChips, LowStockChip, lowStockHighlight } from './productFields';
import { ProductGallery } from './ProductGallery';
import { stockMovementsLink } from './stockMovementsLink';

const ProductTitle = () => {
  const record = useRecordContext<Product>();
  return <span>{record ? record.name : 'Product'}</span>;
};

const ProductShowActions = () => {
  const record = useRecordContext<Product>();
  return (
    <TopToolbar>
      <ListButton />
      {record && (
        <Button component={LinkBase} label="Stock movements" to={stockMovementsLink({ productId: record.id })}>
          <HistoryIcon />
        </Button>
      )}
      <EditButton />
    </TopToolbar>
  );
};

/** A variant's effective amount, with whether it is its own or the product's. */
const VariantAmount = ({ source, ownSource }: { source: 'price' | 'costPrice'; ownSource: 'ownPrice' | 'ownCostPrice' }) => {
  const variant = useRecordContext<ProductVariant>();
  if (!variant) return null;
  return (
    <Stack sx={{ alignItems: 'flex-end' }}>
      <MoneyField source={source} />
      <Typography variant="caption" color="text.secondary">
        {variant[ownSource] == null ? 'as the product' : 'own'}
      </Typography>
    </Stack>
  );
};

const VariantStock = () => (
  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
    <NumberField source="stock" />
    <LowStockChip />
  </Stack>
);

const lowStockRow = (variant: ProductVariant) => (variant.lowStock ? lowStockHighlight : {});

/** The variants table: effective prices (own or inherited), stock, and the stock actions. */
const VariantsTable = () => {
  const product = useRecordContext<Product>();
  return (
    <ArrayField source="variants">
      <DataTable<ProductVariant> bulkActionButtons={false} rowClick={false} rowSx={lowStockRow} sx={{ width: '100%' }}>
        <DataTable.Col source="sku" label="SKU" />
        <DataTable.Col source="attributes" label="Attributes">
          <AttributeChips />
        </DataTable.Col>
        <DataTable.Col source="price" label="Price" align="right">
          <VariantAmount source="price" ownSource="ownPrice" />
        </DataTable.Col>
        <DataTable.Col source="costPrice" label="Cost price" align="right">
          <VariantAmount source="costPrice" ownSource="ownCostPrice" />
        </DataTable.Col>
        <DataTable.Col source="stock" label="Stock" align="right">
          <VariantStock />
        </DataTable.Col>
        <DataTable.Col label="" align="right">
          <VariantStockActions productName={product?.name ?? ''} />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
};

/** Per variant: adjust its stock (a dialog), or see its movements. */
const VariantStockActions = ({ productName }: { productName: string }) => {
  const variant = useRecordContext<ProductVariant>();
  if (!variant) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
      <AdjustStockButton productName={productName} />
      <Button component={LinkBase} label="Movements" to={stockMovementsLink({ variantId: variant.id })}>
        <HistoryIcon />
      </Button>
    </Stack>
  );
};

export const ProductShow = () => (
  <Show<Product> title={<ProductTitle />} actions={<ProductShowActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled>
          <TextField source="name" />
        </Labeled>
        <Labeled>
          <TextField source="slug" />
        </Labeled>
        <Labeled>
          <ReferenceField source="categoryId" reference="categories" link="edit" />
        </Labeled>
        <Labeled label="Active (shown in the shop)">
          <BooleanField source="isActive" />
        </Labeled>
      </Stack>
      <TextField source="description" emptyText="No description" sx={{ whiteSpace: 'pre-line' }} />
      <Labeled label="Images" fullWidth>
        <ProductGallery />
      </Labeled>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled>
          <MoneyField source="price" />
        </Labeled>
        <Labeled>
          <MoneyField source="costPrice" />
        </Labeled>
        <Labeled>
          <MoneyField source="shippingCost" />
        </Labeled>
        <Labeled label="Delivery time">
          <FunctionField<Product> render={(record) => `${record.estimatedDeliveryDays} day${record.estimatedDeliveryDays === 1 ? '' : 's'}`} />
        </Labeled>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="Total stock">
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <NumberField source="stock" />
            <LowStockChip />
          </Stack>
        </Labeled>
        <Labeled label="Low-stock threshold">
          <FunctionField<Product>
            render={(record) => (record.lowStockThreshold == null ? `${record.effectiveLowStockThreshold} (store default)` : String(record.lowStockThreshold))}
          />
        </Labeled>
      </Stack>
      <Labeled label="Variants" fullWidth>
        <VariantsTable />
      </Labeled>
      <Stack direction="row" spacing={4}>
        <Labeled>
          <DateField source="createdAt" showTime />
        </Labeled>
        <Labeled>
          <DateField source="updatedAt" showTime />
        </Labeled>
      </Stack>
    </SimpleShowLayout>
    <HistoryPanel />
  </Show>
);
