import { useState, type ReactElement } from 'react';
import PaymentsIcon from '@mui/icons-material/Payments';
import { Button, useNotify, useRefresh, type RaRecord } from 'react-admin';
import { formatMoney } from '../money';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { postAction } from './adminActions';
import { PaymentDialog, type PaymentDialogProps, type PaymentValues } from './PaymentDialog';

export interface RecordPaymentButtonProps<T extends RaRecord> extends Pick<
  PaymentDialogProps,
  'subject' | 'balance' | 'defaultMethod' | 'methods' | 'textLabel' | 'textHelp'
> {
  /** the admin resource whose record takes the payment: `POST /api/admin/<resource>/:id/payments` */
  resource: 'orders' | 'offline-sales' | 'bookings';
  id: RaRecord['id'];
  /** the body field the dialog's text goes to (`reference`, or a sale's `note`) */
  textField: 'reference' | 'note';
  /** the record's balance after the payment, from the API's answer */
  balanceAfter: (updated: T) => number;
  /** "the order" in "the order is paid in full" */
  recordName: string;
  /** "still due" or "still owed" */
  owedWords?: string;
  label?: string;
  title?: string;
  icon?: ReactElement;
}

/**
 * "Record payment" for any record that takes payments up to its balance (orders, in-store sales,
 * bookings): the shared payment dialog, the API's answer told as what is still due, then the page
 * refreshed. The dialog shows the API's refusals (409 OVERPAYMENT on the amount).
 */
export const RecordPaymentButton = <T extends RaRecord>({
  resource,
  id,
  textField,
  balanceAfter,
  recordName,
  owedWords = 'still due',
  label = 'Record payment',
  title = 'Record a payment',
  icon = <PaymentsIcon />,
  ...dialog
}: RecordPaymentButtonProps<T>) => {
  const currency = useStoreCurrency();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);

  const record = async ({ amount, method, text }: PaymentValues) => {
    const updated = await postAction<T>(resource, id, 'payments', { amount, method, ...(text ? { [textField]: text } : {}) });
    const balance = balanceAfter(updated);
    notify(
      balance > 0
        ? `Payment of ${formatMoney(amount, currency)} recorded; ${formatMoney(balance, currency)} ${owedWords}.`
        : `Payment of ${formatMoney(amount, currency)} recorded; ${recordName} is paid in full.`,
      { type: 'success' },
    );
    refresh();
  };

  return (
    <>
      <Button label={label} onClick={() => setOpen(true)}>
        {icon}
      </Button>
      {open && <PaymentDialog title={title} currency={currency} {...dialog} onSubmit={record} onClose={() => setOpen(false)} />}
    </>
  );
};
