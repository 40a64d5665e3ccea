import Stack from '@mui/material/Stack';
import { DateField, FunctionField, Labeled, ListButton, TopToolbar, useRecordContext } from 'react-admin';
import { AddressField } from '../common-sales/AddressBlock';
import { DocumentDate, DocumentHeader, DocumentNumber, DocumentReference, DocumentStatus } from '../common-sales/DocumentHeader';
import { DocumentLines } from '../common-sales/DocumentLines';
import { DocumentPayments } from '../common-sales/DocumentPayments';
import { DocumentShow } from '../common-sales/DocumentShow';
import { DocumentTotals } from '../common-sales/DocumentTotals';
import type { DocumentAmounts } from '../common-sales/documentTotals';
import { orderPaymentStatusLooks, orderStatusLooks, paymentMethodText, paymentStatusLooks } from '../common-sales/labels';
import { PartyCard } from '../common-sales/PartyCard';
import type { Order } from '../common-sales/types';
import { RecordReturnsAndRefunds, RefundButton, ReturnItemsButton } from '../returns';
import {
  CancelOrderButton,
  ChangeOrderStatusButton,
  DeleteDraftButton,
  EditOrderButton,
  MarkOrderPaidButton,
  OrderInvoicePdfButton,
  PlaceOrderButton,
  RecordOrderPaymentButton,
} from './OrderActions';
import { OrderCustomerField } from './OrderCustomerField';

/** A draft has been paid nothing: only a placed order offers a refund. */
const OrderRefundButton = () => {
  const order = useRecordContext<Order>();
  if (!order || order.status === 'draft') return null;
  return <RefundButton resource="orders" subject={() => `Order ${order.number}`} />;
};

const OrderShowActions = () => (
  <TopToolbar>
    <ListButton />
    <PlaceOrderButton />
    <EditOrderButton />
    <RecordOrderPaymentButton />
    <MarkOrderPaidButton />
    <ChangeOrderStatusButton />
    <OrderRefundButton />
    <ReturnItemsButton />
    <OrderInvoicePdfButton />
    <CancelOrderButton />
    <DeleteDraftButton />
  </TopToolbar>
);

const orderAmounts = (order: Order): DocumentAmounts => ({
  subtotal: order.subtotal,
  discount: order.discountTotal,
  discountCode: order.couponCode,
  shipping: order.shippingTotal,
  tax: order.taxTotal,
  taxRateBps: order.taxRateBps,
  total: order.total,
  paid: order.paidAmount,
  refunded: order.refundedAmount,
  balance: { label: 'Balance due', amount: order.balanceDue },
});

/** An order: what was bought (snapshots), read-only totals, its payments, and what can be done next. */
export const OrderShow = () => (
  <DocumentShow<Order> noun="Order" actions={<OrderShowActions />}>
    <DocumentHeader>
      <DocumentNumber label="Order" />
      <DocumentDate source="placedAt" label="Placed" />
      <DocumentStatus label="Status" source="status" looks={orderStatusLooks} />
      <DocumentStatus label="Payment" source="paymentStatus" looks={orderPaymentStatusLooks} />
      <Labeled label="Payment method">
        <FunctionField<Order> render={(order) => paymentMethodText(order.paymentMethod)} />
      </Labeled>
      <Labeled label="Estimated delivery">
        <DateField source="estimatedDeliveryDate" options={{ timeZone: 'UTC', dateStyle: 'medium' }} />
      </Labeled>
      <DocumentReference label="Invoice" source="invoiceId" reference="invoices" emptyText="—" />
      <DocumentDate source="deliveredAt" label="Delivered" onlyWhenSet />
      <DocumentDate source="cancelledAt" label="Cancelled" onlyWhenSet />
    </DocumentHeader>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <PartyCard title="Customer" sx={{ flex: 1, minWidth: 260 }}>
        <OrderCustomerField link="edit" />
      </PartyCard>
      <PartyCard title="Ship to" sx={{ flex: 1, minWidth: 260 }}>
        <AddressField source="shippingAddress" />
      </PartyCard>
    </Stack>
    <DocumentLines label="Items" thumbnails />
    <DocumentTotals<Order> amounts={orderAmounts} />
    <DocumentPayments
      empty="No payments yet."
      textSource="reference"
      textLabel="Reference"
      statusLooks={paymentStatusLooks}
      recordedByEmptyText="Online (customer)"
    />
    <RecordReturnsAndRefunds target="orderId" />
  </DocumentShow>
);
