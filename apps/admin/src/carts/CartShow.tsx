import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ArrayField, DataTable, DateField, Labeled, Link, ListButton, NumberField, Show, SimpleShowLayout, TopToolbar, useRecordContext } from 'react-admin';
import { MoneyField, basisPointsToPercent, formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { AttributeChips } from '../products/productFields';
import type { Cart, CartItem } from '../types';
import { CartOwnerField, CartStatusChip, couponErrorMessages, itemCountText } from './cartFields';

const CartTitle = () => {
  const cart = useRecordContext<Cart>();
  if (!cart) return <span>Cart</span>;
  return (
    <span>
      {cart.customerId == null ? 'Guest cart' : 'Customer cart'} · {itemCountText(cart)}
    </span>
  );
};

const CartShowActions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

const AvailabilityChip = (_props: { label?: string; source?: string }) => {
  const item = useRecordContext<CartItem>();
  if (!item) return null;
  return item.available ? (
    <Chip size="small" color="success" variant="outlined" label="Available" />
  ) : (
    <Chip size="small" color="warning" label="Not available" />
  );
};

/** The product as the cart line names it, linked to the product's page. */
const ProductLink = (_props: { label?: string; source?: string }) => {
  const item = useRecordContext<CartItem>();
  if (!item) return null;
  return <Link to={`/products/${item.productId}/show`}>{item.productName}</Link>;
};

const CouponState = () => {
  const cart = useRecordContext<Cart>();
  if (!cart?.couponCode) return <Typography variant="body2">None</Typography>;
  return (
    <Stack spacing={1}>
      <Typography variant="body2">{cart.couponCode}</Typography>
      {cart.couponError && (
        <Alert severity="warning" sx={{ py: 0 }}>
          No discount now: {couponErrorMessages[cart.couponError] ?? cart.couponError}
        </Alert>
      )}
    </Stack>
  );
};

const TotalRow = ({ label, amount, strong }: { label: string; amount: number; strong?: boolean }) => {
  const currency = useStoreCurrency();
  const sx = { border: 0, py: 0.5, fontWeight: strong ? 700 : undefined };
  return (
    <TableRow>
      <TableCell sx={sx}>{label}</TableCell>
      <TableCell align="right" sx={sx}>
        {formatMoney(amount, currency)}
      </TableCell>
    </TableRow>
  );
};

/** Subtotal, discount, shipping, tax and total, as an order would have them (docs/api.md#totals). */
const CartTotals = () => {
  const cart = useRecordContext<Cart>();
  if (!cart) return null;
  return (
    <Table size="small" sx={{ maxWidth: 360, ml: 'auto' }} aria-label="Totals">
      <TableBody>
        <TotalRow label="Subtotal" amount={cart.subtotal} />
        <TotalRow label={cart.couponCode ? `Discount (${cart.couponCode})` : 'Discount'} amount={-cart.discountTotal} />
        <TotalRow label="Shipping" amount={cart.shippingTotal} />
        <TotalRow label={`Tax (${basisPointsToPercent(cart.taxRateBps)} %)`} amount={cart.taxTotal} />
        <TotalRow label="Total" amount={cart.total} strong />
      </TableBody>
    </Table>
  );
};

export const CartShow = () => (
  <Show<Cart> title={<CartTitle />} actions={<CartShowActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Labeled label="Owner">
          <CartOwnerField source="customerId" emptyText="Guest" fallbackLabel="Customer" />
        </Labeled>
        <Labeled label="Status">
          <CartStatusChip />
        </Labeled>
        <Labeled label="Started">
          <DateField source="createdAt" showTime />
        </Labeled>
        <Labeled label="Last activity">
          <DateField source="updatedAt" showTime />
        </Labeled>
        <Labeled label="Coupon">
          <CouponState />
        </Labeled>
      </Stack>
      <Labeled label="Items" fullWidth>
        <ArrayField source="items">
          <DataTable<CartItem> bulkActionButtons={false} rowClick={false} empty={<span>The cart is empty.</span>}>
            <DataTable.Col source="productName" label="Product">
              <ProductLink />
            </DataTable.Col>
            <DataTable.Col source="sku" label="SKU" />
            <DataTable.Col source="attributes" label="Attributes">
              <AttributeChips />
            </DataTable.Col>
            <DataTable.Col source="unitPrice" label="Unit price" align="right">
              <MoneyField source="unitPrice" />
            </DataTable.Col>
            <DataTable.Col source="quantity" label="Quantity" align="right">
              <NumberField source="quantity" />
            </DataTable.Col>
            <DataTable.Col source="shippingCost" label="Shipping per unit" align="right">
              <MoneyField source="shippingCost" />
            </DataTable.Col>
            <DataTable.Col source="lineTotal" label="Line total" align="right">
              <MoneyField source="lineTotal" />
            </DataTable.Col>
            <DataTable.Col source="available" label="Availability">
              <AvailabilityChip />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
      </Labeled>
      <CartTotals />
    </SimpleShowLayout>
  </Show>
);
