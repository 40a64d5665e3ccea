import Stack from '@mui/material/Stack';
import {
  ArrayField,
  DataTable,
  DateField,
  FunctionField,
  Labeled,
  ListButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { orderPaymentStatusLooks, orderStatusLooks, paymentMethodText, paymentStatusLooks } from '../common-sales/labels';
import { SnapshotLines } from '../common-sales/SnapshotLines';
import { PartyCard } from '../common-sales/PartyCard';
import { StatusChip } from '../common-sales/StatusChip';
import { TotalsTable } from '../common-sales/TotalsTable';
import type { Order, Payment } from '../common-sales/types';
import { AddressBlock } from '../common-sales/AddressBlock';
import { MoneyField, basisPointsToPercent } from '../money';
import { UserReferenceField } from '../users/UserReferenceField';
import { CancelOrderButton, ChangeOrderStatusButton, MarkOrderPaidButton, OrderInvoicePdfButton, RecordOrderPaymentButton } from './OrderActions';
import { OrderCustomerField } from './OrderCustomerField';
import { HistoryPanel } from '../audit-logs';

const OrderTitle = () => {
  const order = useRecordContext<Order>();
  return <span>{order ? `Order ${order.number}` : 'Order'}</span>;
};

const OrderShowActions = () => (
  <TopToolbar>
    <ListButton />
    <RecordOrderPaymentButton />
    <MarkOrderPaidButton />
    <ChangeOrderStatusButton />
    <OrderInvoicePdfButton />
    <CancelOrderButton />
  </TopToolbar>
);

const ShippingAddressField = (_props: { label?: string }) => {
  const order = useRecordContext<Order>();
  return <AddressBlock address={order?.shippingAddress} />;
};

const OrderTotals = () => {
  const order = useRecordContext<Order>();
  if (!order) return null;
  return (
    <TotalsTable
      rows={[
        { label: 'Subtotal', amount: order.subtotal },
        { label: order.couponCode ? `Discount (${order.couponCode})` : 'Discount', amount: -order.discountTotal, hideZero: true },
        { label: 'Shipping', amount: order.shippingTotal },
        { label: `Tax (${basisPointsToPercent(order.taxRateBps)} %)`, amount: order.taxTotal },
        { label: 'Total', amount: order.total, strong: true },
        { label: 'Paid', amount: order.paidAmount },
        { label: 'Refunded', amount: order.refundedAmount, hideZero: true },
        { label: 'Balance due', amount: order.balanceDue, strong: true },
      ]}
    />
  );
};

/** The order's payments, oldest first, as recorded. */
const OrderPayments = () => (
  <ArrayField source="payments">
    <DataTable<Payment> bulkActionButtons={false} rowClick={false} empty={<span>No payments yet.</span>} sx={{ width: '100%' }}>
      <DataTable.Col source="paidAt" label="Paid at">
        <DateField source="paidAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="amount" label="Amount" align="right">
        <MoneyField source="amount" />
      </DataTable.Col>
      <DataTable.Col source="method" label="Method">
        <FunctionField<Payment> render={(payment) => paymentMethodText(payment.method)} />
      </DataTable.Col>
      <DataTable.Col source="reference" label="Reference">
        <TextField source="reference" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="status" label="Status">
        <StatusChip source="status" looks={paymentStatusLooks} />
      </DataTable.Col>
      <DataTable.Col source="recordedById" label="Recorded by">
        <UserReferenceField source="recordedById" emptyText="Online (customer)" fallbackLabel="Staff" link={false} />
      </DataTable.Col>
    </DataTable>
  </ArrayField>
);

/** An order: what was bought (snapshots), read-only totals, its payments, and what can be done next. */
export const OrderShow = () => (
  <Show<Order> title={<OrderTitle />} actions={<OrderShowActions />}>
    <SimpleShowLayout>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled label="Order">
          <TextField source="number" sx={{ fontWeight: 600 }} />
        </Labeled>
        <Labeled label="Placed">
          <DateField source="placedAt" showTime />
        </Labeled>
        <Labeled label="Status">
          <StatusChip source="status" looks={orderStatusLooks} />
        </Labeled>
        <Labeled label="Payment">
          <StatusChip source="paymentStatus" looks={orderPaymentStatusLooks} />
        </Labeled>
        <Labeled label="Payment method">
          <FunctionField<Order> render={(order) => paymentMethodText(order.paymentMethod)} />
        </Labeled>
        <Labeled label="Estimated delivery">
          <DateField source="estimatedDeliveryDate" options={{ timeZone: 'UTC', dateStyle: 'medium' }} />
        </Labeled>
        <Labeled label="Invoice">
          <ReferenceField source="invoiceId" reference="invoices" link="show" emptyText="—" />
        </Labeled>
        <FunctionField<Order>
          render={(order) =>
            order.cancelledAt ? (
              <Labeled label="Cancelled">
                <DateField source="cancelledAt" showTime />
              </Labeled>
            ) : null
          }
        />
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <PartyCard title="Customer" sx={{ flex: 1, minWidth: 260 }}>
          <OrderCustomerField link="edit" />
        </PartyCard>
        <PartyCard title="Ship to" sx={{ flex: 1, minWidth: 260 }}>
          <ShippingAddressField />
        </PartyCard>
      </Stack>
      <Labeled label="Items" fullWidth>
        <SnapshotLines />
      </Labeled>
      <OrderTotals />
      <Labeled label="Payments" fullWidth>
        <OrderPayments />
      </Labeled>
    </SimpleShowLayout>
    <HistoryPanel />
  </Show>
);
