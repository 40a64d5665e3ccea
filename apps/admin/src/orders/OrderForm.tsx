import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  NumberInput,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  Toolbar,
  email as isEmail,
  minValue,
  required,
  useRecordContext,
  useSaveContext,
} from 'react-admin';
import { SimpleForm } from '../forms';
import { AddLineButton } from '../common-sales/AddLineButton';
import { documentTotalsRows } from '../common-sales/documentTotals';
import { paymentMethodChoices } from '../common-sales/labels';
import { TotalsTable } from '../common-sales/TotalsTable';
import { useCouponTerms } from '../common-sales/useCouponTerms';
import { AccountPickerInput } from '../customer-picker';
import type { Order } from '../common-sales/types';
import { VariantPickerInput, type VariantOption } from '../common-sales/VariantPickerInput';
import { formatMoney, MoneyInput } from '../money';
import { useStoreCurrency, useStoreInfo } from '../settings/useStoreSettings';
import { previewTotals, stockChanges, type OrderFormValues } from './orderForm';

/** Orders are placed with every payment method but cash (docs/api.md#checkout). */
const orderPaymentChoices = paymentMethodChoices.filter((choice) => choice.id !== 'cash');

/** Picking a product fills what the line's totals need: its price, shipping cost and stock. */
const OrderVariantInput = () => {
  const { setValue } = useFormContext();
  const fill = (variant: VariantOption, lineSource: (field: string) => string) => {
    setValue(lineSource('listPrice'), variant.price);
    setValue(lineSource('shippingCost'), variant.shippingCost ?? 0);
    setValue(lineSource('lineId'), undefined);
  };
  return <VariantPickerInput source="variantId" label="Product" validate={required('Choose a product')} onPick={fill} />;
};

/**
 * The totals as staff type, with the API's own totals function; editing a placed order shows
 * them before → after, with what the stock of each changed product will be.
 */
const OrderSummary = ({ order }: { order?: Order }) => {
  const currency = useStoreCurrency();
  const storeRate = useStoreInfo().data?.taxRateBps ?? 0;
  const placed = order?.id != null && order.status !== 'draft';
  const taxRateBps = placed ? order.taxRateBps : storeRate;
  const [lines, couponCode] = useWatch({ name: ['lines', 'couponCode'] });
  const coupon = useCouponTerms(couponCode);
  const after = previewTotals(lines, coupon, taxRateBps);
  const money = (amount: number) => formatMoney(amount, currency);
  const stock = placed ? stockChanges(order, lines) : [];
  return (
    <Card variant="outlined" sx={{ width: '100%', maxWidth: 620, ml: 'auto' }}>
      <CardContent>
        {placed ? (
          <Table size="small" aria-label="Totals before and after">
            <TableHead>
              <TableRow>
                <TableCell />
                <TableCell align="right">Before</TableCell>
                <TableCell align="right">After</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(
                [
                  ['Subtotal', order.subtotal, after.subtotal],
                  ['Discount', -order.discountTotal, -after.discountTotal],
                  ['Shipping', order.shippingTotal, after.shippingTotal],
                  ['Tax', order.taxTotal, after.taxTotal],
                  ['Total', order.total, after.total],
                ] as const
              ).map(([label, before, next]) => (
                <TableRow key={label}>
                  <TableCell component="th" scope="row">
                    {label}
                  </TableCell>
                  <TableCell align="right">{money(before)}</TableCell>
                  <TableCell align="right" sx={{ fontWeight: before !== next ? 700 : undefined }}>
                    {money(next)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <TotalsTable
            label="Order totals"
            rows={documentTotalsRows({
              subtotal: after.subtotal,
              discount: after.discountTotal,
              discountCode: coupon?.code,
              shipping: after.shippingTotal,
              tax: after.taxTotal,
              taxRateBps,
              total: after.total,
            })}
          />
        )}
        {after.incomplete > 0 && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ textAlign: 'right' }}>
            {after.incomplete} line{after.incomplete === 1 ? '' : 's'} without a product or quantity yet: not counted.
          </Typography>
        )}
        {placed && order.paidAmount > after.total && (
          <Typography variant="body2" color="error" sx={{ mt: 1 }}>
            Below the {money(order.paidAmount)} already paid: refund the difference first.
          </Typography>
        )}
        {stock.length > 0 && (
          <Table size="small" aria-label="Stock changes" sx={{ mt: 2 }}>
            <TableHead>
              <TableRow>
                <TableCell>Stock</TableCell>
                <TableCell align="right">Quantity</TableCell>
                <TableCell align="right">In stock after</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {stock.map((change) => {
                const taken = change.after - change.before;
                return (
                  <TableRow key={change.variantId}>
                    <TableCell>{change.label}</TableCell>
                    <TableCell align="right">
                      {change.before} → {change.after}
                    </TableCell>
                    <TableCell align="right" sx={{ color: change.stock != null && change.stock - taken < 0 ? 'error.main' : undefined }}>
                      {change.stock == null ? (taken > 0 ? `${taken} taken` : `${-taken} returned`) : `${change.stock} → ${change.stock - taken}`}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};

const BuyerInputs = () => {
  const buyer = useWatch({ name: 'buyer' });
  return (
    <>
      <RadioButtonGroupInput
        source="buyer"
        label="For"
        choices={[
          { id: 'customer', name: 'A customer account' },
          { id: 'guest', name: 'A guest (e-mail)' },
        ]}
      />
      {buyer === 'guest' ? (
        <TextInput source="email" label="Guest e-mail" validate={[required(), isEmail()]} sx={{ width: '100%', maxWidth: 520 }} />
      ) : (
        <AccountPickerInput validate={required('Choose the customer')} />
      )}
    </>
  );
};

const AddressInputs = () => (
  <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
    <TextInput source="shippingAddress.name" label="Ship to (name)" validate={required()} />
    <TextInput source="shippingAddress.line1" label="Address" validate={required()} />
    <TextInput source="shippingAddress.line2" label="Address line 2" />
    <TextInput source="shippingAddress.city" label="City" validate={required()} />
    <TextInput source="shippingAddress.postalCode" label="Postal code" validate={required()} />
    <TextInput source="shippingAddress.country" label="Country" validate={required()} />
    <TextInput source="shippingAddress.phone" label="Phone" />
  </Stack>
);

/**
 * A phone order (a draft) or the edit of an order: who buys (drafts only), the lines with an
 * optional price set by hand, the coupon, where it ships and how it is paid (drafts only), and the
 * live totals. The API recomputes everything; its refusals land under the inputs.
 */
export const OrderForm = ({ toBody, saveLabel }: { toBody: (values: OrderFormValues, order?: Order) => object; saveLabel: string }) => {
  const record = useRecordContext<Order>();
  // Create's record holds only the form's starting values: an order exists once it has an id
  const order = record?.id != null ? record : undefined;
  const { save } = useSaveContext();
  const isDraft = !order || order.status === 'draft';
  const submit = async (values: Record<string, unknown>) => save?.(toBody(values as OrderFormValues, order) as never);
  return (
    <SimpleForm
      onSubmit={submit}
      toolbar={
        <Toolbar>
          <SaveButton label={saveLabel} />
        </Toolbar>
      }
    >
      {!order && <BuyerInputs />}
      <ArrayInput source="lines" label="Products">
        <SimpleFormIterator inline disableReordering disableClear fullWidth addButton={<AddLineButton />}>
          <OrderVariantInput />
          <NumberInput source="quantity" label="Quantity" defaultValue={1} step={1} min={1} validate={[required(), minValue(1)]} sx={{ width: 120 }} />
          <MoneyInput source="unitPrice" label="Price override" helperText="Empty: the listed price" sx={{ width: 180 }} />
        </SimpleFormIterator>
      </ArrayInput>
      <TextInput source="couponCode" label="Coupon" helperText="Empty: no coupon" sx={{ width: 260 }} />
      <AddressInputs />
      {isDraft && <SelectInput source="paymentMethod" label="Payment method" choices={orderPaymentChoices} validate={required()} />}
      <OrderSummary order={order} />
    </SimpleForm>
  );
};
