import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import MuiButton from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { Button, useNotify, useRecordContext, useRefresh, type RaRecord } from 'react-admin';
import { AttemptKeys, errorCode, errorMessage, fieldError, postAction } from '../common-sales/adminActions';
import { paymentMethodText } from '../common-sales/labels';
import { TotalsTable } from '../common-sales/TotalsTable';
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
  const refresh = useRefresh();
  const refundable = refundableOf(record);
  const [amountText, setAmountText] = useState(() => minorUnitsToDecimal(refundable, currency));
  const [reason, setReason] = useState('');
  const [way, setWay] = useState<string>(defaultWay);
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const attempts = useRef(new AttemptKeys()).current;
  const payments = (record.payments ?? []).filter((p) => (p.status ?? 'succeeded') !== 'pending' && p.status !== 'failed' && p.amount > p.refundedAmount);
  const amount = decimalToMinorUnits(amountText, currency);
  const rate = record.taxRateBps ?? 0;
  const note = amount != null && amount > 0 ? directRefundPreview(amount, reason.trim() || '…', rate) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setProblem(null);
    const found: typeof errors = {};
    if (amount == null || amount <= 0) found.amount = 'Enter an amount above zero';
    else if (amount > refundable) found.amount = `At most what is left of what was paid, ${formatMoney(refundable, currency)}`;
    if (!reason.trim()) found.reason = 'Say why: it is printed on the credit note';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const body = { amount, reason: reason.trim(), ...(way === defaultWay ? {} : { paymentId: Number(way) }) };
      const updated = await postAction<RefundableRecord>(resource, record.id, 'refunds', body, { idempotencyKey: attempts.keyFor(body) });
      attempts.settle();
      notify(`${formatMoney(amount!, currency)} refunded; ${formatMoney(updated.refundedAmount, currency)} given back in all.`, { type: 'success' });
      refresh();
      onClose();
    } catch (error) {
      attempts.settle(error);
      if (errorCode(error) === 'REFUND_EXCEEDS_PAID') setErrors({ amount: fieldError(error, 'amount') ?? 'More than is left to refund' });
      setProblem(errorMessage(error, 'The refund could not be made.'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={saving ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="refund-dialog-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="refund-dialog-title">Refund</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {subject} · paid {formatMoney(record.paidAmount ?? 0, currency)} · refunded {formatMoney(record.refundedAmount, currency)}
            </Typography>
            {refundable === 0 && <Alert severity="info">Nothing paid is left to refund.</Alert>}
            {problem && <Alert severity="error">{problem}</Alert>}
            <TextField
              name="amount"
              label="Amount"
              value={amountText}
              onChange={(event) => {
                setAmountText(event.target.value);
                setErrors((e) => ({ ...e, amount: undefined }));
              }}
              error={!!errors.amount}
              helperText={errors.amount ?? `Up to ${formatMoney(refundable, currency)}`}
              slotProps={{
                htmlInput: { inputMode: 'decimal', autoComplete: 'off' },
                input: { endAdornment: <InputAdornment position="end">{currency}</InputAdornment> },
              }}
              disabled={refundable === 0}
              autoFocus
              required
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
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose} disabled={saving}>
            Back
          </MuiButton>
          <MuiButton type="submit" variant="contained" disabled={saving || refundable === 0}>
            Refund {amount != null && amount > 0 ? formatMoney(amount, currency) : ''}
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
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
