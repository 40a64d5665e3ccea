import { useState, type MouseEvent } from 'react';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import BlockIcon from '@mui/icons-material/Block';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import EditIcon from '@mui/icons-material/Edit';
import SendIcon from '@mui/icons-material/Send';
import { Button, Confirm, EditButton, useDataProvider, useNotify, useRecordContext, useRedirect, useRefresh } from 'react-admin';
import { errorMessage, newIdempotencyKey, postAction } from '../common-sales/adminActions';
import { ConfirmActionButton } from '../common-sales/ConfirmActionButton';
import { orderStatusLooks, paymentMethodText } from '../common-sales/labels';
import { RecordPaymentButton } from '../common-sales/RecordPaymentButton';
import { PdfButton } from '../common-sales/PdfButton';
import type { Order, OrderStatus } from '../common-sales/types';
import { formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { canCancel, canEdit, canTakePayment, nextStatuses } from './orderStatus';

/** "Record payment": a dialog (amount, method, reference); partial payments are fine. */
export const RecordOrderPaymentButton = () => {
  const order = useRecordContext<Order>();
  if (!order || !canTakePayment(order)) return null;
  return (
    <RecordPaymentButton<Order>
      resource="orders"
      id={order.id}
      subject={`Order ${order.number}`}
      balance={order.balanceDue}
      defaultMethod={order.paymentMethod}
      textField="reference"
      textLabel="Reference"
      textHelp="Optional: a transfer, receipt or terminal reference"
      balanceAfter={(updated) => updated.balanceDue}
      recordName="the order"
    />
  );
};

/** "Mark paid": records the whole balance with the order's payment method (after a confirmation). */
export const MarkOrderPaidButton = () => {
  const order = useRecordContext<Order>();
  const currency = useStoreCurrency();
  if (!order || !canTakePayment(order)) return null;
  return (
    <ConfirmActionButton<Order>
      resource="orders"
      action="mark-paid"
      label="Mark paid"
      icon={<DoneAllIcon />}
      title={`Mark order ${order.number} as paid?`}
      content={
        <>
          This records a payment of <strong>{formatMoney(order.balanceDue, currency)}</strong> ({paymentMethodText(order.paymentMethod)}), the whole balance
          due. Once paid in full, the order becomes <strong>Delivered</strong>.
        </>
      }
      confirmLabel="Mark paid"
      success={(updated) => `Order ${updated.number} is paid${updated.status === 'delivered' ? ' and delivered' : ''}.`}
    />
  );
};

/** "Change status": a menu of the statuses the order can move on to (cancelling is separate). */
export const ChangeOrderStatusButton = () => {
  const order = useRecordContext<Order>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [saving, setSaving] = useState(false);
  if (!order) return null;
  const next = nextStatuses(order.status);
  if (next.length === 0) return null;

  const move = async (status: OrderStatus) => {
    setAnchor(null);
    setSaving(true);
    try {
      const updated = await postAction<Order>('orders', order.id, 'status', { status });
      notify(`Order ${updated.number} is now ${orderStatusLooks[updated.status]?.label.toLowerCase() ?? updated.status}.`, {
        type: 'success',
      });
      refresh();
    } catch (error) {
      notify(errorMessage(error, 'The status could not be changed.'), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button label="Change status" onClick={(event: MouseEvent<HTMLButtonElement>) => setAnchor(event.currentTarget)} disabled={saving} aria-haspopup="menu">
        <LocalShippingIcon />
      </Button>
      <Menu anchorEl={anchor} open={anchor != null} onClose={() => setAnchor(null)}>
        {next.map((status) => (
          <MenuItem key={status} onClick={() => move(status)}>
            Mark as {orderStatusLooks[status].label.toLowerCase()}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

/** "Cancel order" (pending or processing only), after a confirmation that says what it undoes. */
export const CancelOrderButton = () => {
  const order = useRecordContext<Order>();
  const currency = useStoreCurrency();
  if (!order || !canCancel(order)) return null;
  return (
    <ConfirmActionButton<Order>
      resource="orders"
      action="cancel"
      label="Cancel order"
      icon={<BlockIcon />}
      danger
      title={`Cancel order ${order.number}?`}
      content={
        <>
          Its items go back into stock and its coupon use is returned.
          {order.paidAmount > 0 && (
            <>
              {' '}
              The {formatMoney(order.paidAmount - order.refundedAmount, currency)} paid and not yet refunded is given back (a card payment to the card), with a
              credit note.
            </>
          )}{' '}
          This cannot be undone.
        </>
      }
      confirmLabel="Cancel order"
      success={(updated) => `Order ${updated.number} is cancelled.`}
    />
  );
};

/** The order's invoice as a PDF. */
export const OrderInvoicePdfButton = () => {
  const order = useRecordContext<Order>();
  if (!order?.invoiceId) return null;
  return <PdfButton label="Invoice PDF" path={`invoices/${order.invoiceId}/pdf`} fileName={`invoice-${order.number}.pdf`} />;
};

/** "Edit order": a draft, or a placed order while pending or processing. */
export const EditOrderButton = () => {
  const order = useRecordContext<Order>();
  if (!order || !canEdit(order)) return null;
  return <EditButton label={order.status === 'draft' ? 'Edit draft' : 'Edit order'} icon={<EditIcon />} />;
};

/**
 * "Place order" on a draft: the checkout's rules (stock taken, number and invoice given). One
 * Idempotency-Key per confirmation, so a retried click places it once.
 */
export const PlaceOrderButton = () => {
  const order = useRecordContext<Order>();
  const notify = useNotify();
  const refresh = useRefresh();
  const currency = useStoreCurrency();
  const [key, setKey] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!order || order.status !== 'draft') return null;
  const place = async () => {
    setLoading(true);
    try {
      const placed = await postAction<Order>('orders', order.id, 'place', {}, { idempotencyKey: key ?? newIdempotencyKey() });
      notify(`Order ${placed.number} is placed.`, { type: 'success' });
      setKey(null);
      refresh();
    } catch (error) {
      notify(errorMessage(error, 'Placing the order failed.'), { type: 'error' });
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Button label="Place order" onClick={() => setKey(newIdempotencyKey())}>
        <SendIcon />
      </Button>
      <Confirm
        isOpen={key !== null}
        loading={loading}
        title="Place this order?"
        content={
          <>
            This takes the stock, gives the order its number and issues its invoice, at today’s prices (prices set by hand stay). Total now:{' '}
            <strong>{formatMoney(order.total, currency)}</strong>.
          </>
        }
        confirm="Place order"
        onConfirm={place}
        onClose={() => setKey(null)}
      />
    </>
  );
};

/** "Delete draft": only a draft is deleted (a placed order is cancelled). */
export const DeleteDraftButton = () => {
  const order = useRecordContext<Order>();
  const notify = useNotify();
  const redirect = useRedirect();
  const dataProvider = useDataProvider();
  const [open, setOpen] = useState(false);
  if (!order || order.status !== 'draft') return null;
  const remove = async () => {
    try {
      await dataProvider.delete('orders', { id: order.id, previousData: order });
      notify('The draft is deleted.', { type: 'success' });
      redirect('list', 'orders');
    } catch (error) {
      notify(errorMessage(error, 'Deleting the draft failed.'), { type: 'error' });
    }
  };
  return (
    <>
      <Button label="Delete draft" color="error" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        title="Delete this draft?"
        content="Nothing was sold yet: the draft simply goes."
        onConfirm={remove}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
