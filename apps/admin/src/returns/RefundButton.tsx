import { useState } from 'react';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { Button, useNotify, useRecordContext, type RaRecord } from 'react-admin';
import { errorCode, fieldError } from '../common-sales/adminActions';
import { AmountTextField } from '../common-sales/AmountTextField';
import { FormDialog } from '../common-sales/FormDialog';
import { paymentMethodText } from '../common-sales/labels';
import { TotalsTable } from '../common-sales/TotalsTable';
import { useRecordAction } from '../common-sales/useRecordAction';
import { decimalToMinorUnits, formatMoney, minorUnitsToDecimal } from '../money';
import { basisPointsToPercent } from '../money/rates';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { directRefundPreview, refundableOf } from './returnRules';

/** What a record needs for a direct refund: an order, an in-store sale or a booking, as the admin API shows it. */
interface RefundableRecord extends RaRecord {
  number?: string;
  status: string;
  paidAmount?: number;
  refundedAmount: number;
  taxRateBps?: number;
  payments?: { id: number; amount: number; method: string; refundedAmount: number; status?: string; paidAt: string }[];
}

const defaultWay = 'card-first';

/**
 * The dialog of a direct refund (goodwill, a price adjustment; no goods back): amount up to what is
 * left of what was paid, a reason (printed on the credit note), and optionally the payment it goes
 * back through; before confirming it shows the credit note the refund will issue, computed with the
 * API's own rule (tax taken out of the amount at the record's rate).
 */
export const RefundDialog = ({ resource, record, subject, onClose }: { resource: string; record: RefundableRecord; subject: string; onClose: () => void }) => {
  const currency = useStoreCurrency();
  const notify = useNotify();
  const { run } = useRecordAction<RefundableRecord>(resource);
  const refundable = refundableOf(record);
  const [amountText, setAmountText] = useState(() => minorUnitsToDecimal(refundable, currency));
  const [reason, setReason] = useState('');
  const [way, setWay] = useState<string>(defaultWay);
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});
  const payments = (record.payments ?? []).filter((p) => (p.status ?? 'succeeded') !== 'pending' && p.status !== 'failed' && p.amount > p.refundedAmount);
  const amount = decimalToMinorUnits(amountText, currency);
  const rate = record.taxRateBps ?? 0;
  const note = amount != null && amount > 0 ? directRefundPreview(amount, reason.trim() || '…', rate) : null;

  const submit = async () => {
    const found: typeof errors = {};
    if (amount == null || amount <= 0) found.amount = 'Enter an amount above zero';
    else if (amount > refundable) found.amount = `At most what is left of what was paid, ${formatMoney(refundable, currency)}`;
    if (!reason.trim()) found.reason = 'Say why: it is printed on the credit note';
    setErrors(found);
    if (Object.keys(found).length > 0) return false;
    try {
      const body = { amount, reason: reason.trim(), ...(way === defaultWay ? {} : { paymentId: Number(way) }) };
      const updated = await run(record.id, 'refunds', body, { idempotent: true });
      notify(`${formatMoney(amount!, currency)} refunded; ${formatMoney(updated.refundedAmount, currency)} given back in all.`, { type: 'success' });
    } catch (error) {
      if (errorCode(error) === 'REFUND_EXCEEDS_PAID') setErrors({ amount: fieldError(error, 'amount') ?? 'More than is left to refund' });
      throw error;
    }
  };

  return (
    <FormDialog
      id="refund-dialog"
      title="Refund"
      maxWidth="sm"
      intro={
        <>
          <Typography variant="body2" color="text.secondary">
            {subject} · paid {formatMoney(record.paidAmount ?? 0, currency)} · refunded {formatMoney(record.refundedAmount, currency)}
          </Typography>
          {refundable === 0 && <Alert severity="info">Nothing paid is left to refund.</Alert>}
        </>
      }
      submitLabel={`Refund ${amount != null && amount > 0 ? formatMoney(amount, currency) : ''}`}
      submitDisabled={refundable === 0}
      failure="The refund could not be made."
      onSubmit={submit}
      onClose={onClose}
    >
      <AmountTextField
        value={amountText}
        currency={currency}
        onChange={(text) => {
          setAmountText(text);
          setErrors((e) => ({ ...e, amount: undefined }));
        }}
        error={errors.amount}
        hint={`Up to ${formatMoney(refundable, currency)}`}
        disabled={refundable === 0}
      />
      <TextField
        name="reason"
        label="Reason"
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          setErrors((e) => ({ ...e, reason: undefined }));
        }}
        error={!!errors.reason}
        helperText={errors.reason ?? 'Printed on the credit note: "Refund: <reason>"'}
        disabled={refundable === 0}
        required
      />
      {payments.length > 0 && (
        <TextField select name="payment" label="Give back through" value={way} onChange={(event) => setWay(event.target.value)}>
          <MenuItem value={defaultWay}>Card payments first, newest first, then the others</MenuItem>
          {payments.map((p) => (
            <MenuItem key={p.id} value={String(p.id)}>
              {paymentMethodText(p.method)} of {formatMoney(p.amount, currency)} ({formatMoney(p.amount - p.refundedAmount, currency)} left)
            </MenuItem>
          ))}
        </TextField>
      )}
      {note && amount! <= refundable && (
        <div data-testid="refund-preview">
          <Typography variant="subtitle2">Credit note</Typography>
          <TotalsTable
            currency={currency}
            label="Credit note"
            rows={[
              { label: 'Net', amount: note.subtotal },
              { label: `Tax (${basisPointsToPercent(rate)} %)`, amount: note.taxTotal },
              { label: 'Refund', amount: note.total, strong: true },
            ]}
          />
        </div>
      )}
    </FormDialog>
  );
};

/** "Refund" on an order, in-store sale or booking page. */
export const RefundButton = ({ resource, subject }: { resource: 'orders' | 'offline-sales' | 'bookings'; subject: (record: RefundableRecord) => string }) => {
  const record = useRecordContext<RefundableRecord>();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button label="Refund" onClick={() => setOpen(true)}>
        <CurrencyExchangeIcon />
      </Button>
      {open && <RefundDialog resource={resource} record={record} subject={subject(record)} onClose={() => setOpen(false)} />}
    </>
  );
};
