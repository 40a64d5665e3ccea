import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  AutocompleteInput,
  BooleanField,
  DataTable,
  DateField,
  FunctionField,
  List,
  NullableBooleanInput,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SimpleList,
} from 'react-admin';
import { MoneyField, MoneyInput } from '../money';
import type { Product } from '../types';
import { Thumbnail } from '../media';
import { LowStockChip, lowStockHighlight } from './productFields';
import { ExportingListActions } from '../common-sales/ServerExportButton';
import { PhoneOr, Tertiary } from '../layout/phone';
import { ProductBulkActions } from './ProductBulkActions';

const productFilters = [
  <SearchInput key="q" source="q" placeholder="Name, slug or SKU" alwaysOn />,
  <ReferenceInput key="categoryId" source="categoryId" reference="categories" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Category" filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <NullableBooleanInput key="isActive" source="isActive" label="Active" />,
  <NullableBooleanInput key="inStock" source="inStock" label="In stock" />,
  <NullableBooleanInput key="lowStock" source="lowStock" label="Low stock" />,
  <MoneyInput key="price_gte" source="price_gte" label="Price from" helperText={false} />,
  <MoneyInput key="price_lte" source="price_lte" label="Price up to" helperText={false} />,
];

/** Low-stock products stand out. */
const lowStockRow = (product: Product) => (product.lowStock ? lowStockHighlight : {});

const StockCell = () => (
  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
    <NumberField source="stock" />
    <LowStockChip />
  </Stack>
);

const NameCell = () => (
  <FunctionField<Product>
    render={(product) => (
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Thumbnail src={product.images[0]?.thumbnailUrl} alt={product.images[0]?.alt ?? ''} size={44} />
        <Stack>
          <span>{product.name}</span>
          <Typography variant="caption" color="text.secondary">
            {product.variants.length === 1
              ? `SKU ${product.variants[0].sku}`
              : `${product.variants.length} variants: ${product.variants.map((v) => v.sku).join(', ')}`}
          </Typography>
        </Stack>
      </Stack>
    )}
  />
);

/** On a phone: the picture, the name, the SKU or variants, the price and stock, one product per line. */
const ProductSimpleList = () => (
  <SimpleList<Product>
    rowClick="show"
    leftAvatar={(product) => product.images[0]?.thumbnailUrl ?? product.name.slice(0, 1)}
    primaryText={(product) => product.name}
    secondaryText={(product) =>
      `${product.stock.toLocaleString()} in stock${product.lowStock ? ' (low)' : ''}${product.isActive ? '' : ' · inactive'} · ${
        product.variants.length === 1 ? `SKU ${product.variants[0].sku}` : `${product.variants.length} variants`
      }`
    }
    tertiaryText={
      <Tertiary>
        <MoneyField source="price" />
      </Tertiary>
    }
    rowSx={lowStockRow}
  />
);

const ProductTable = () => (
  <DataTable<Product> rowClick="show" bulkActionButtons={<ProductBulkActions />} rowSx={lowStockRow}>
    <DataTable.Col source="name">
      <NameCell />
    </DataTable.Col>
    <DataTable.Col source="categoryId">
      <ReferenceField source="categoryId" reference="categories" link={false} />
    </DataTable.Col>
    <DataTable.Col source="price" align="right">
      <MoneyField source="price" />
    </DataTable.Col>
    <DataTable.Col source="stock" align="right">
      <StockCell />
    </DataTable.Col>
    <DataTable.Col source="isActive" align="center">
      <BooleanField source="isActive" />
    </DataTable.Col>
    <DataTable.Col source="updatedAt">
      <DateField source="updatedAt" showTime />
    </DataTable.Col>
  </DataTable>
);

/** The catalog: sortable by stock; select products to activate, deactivate or move them at once; one line per product on a phone. */
export const ProductList = () => (
  <List<Product> filters={productFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false} actions={<ExportingListActions />}>
    <PhoneOr phone={<ProductSimpleList />}>
      <ProductTable />
    </PhoneOr>
  </List>
);
