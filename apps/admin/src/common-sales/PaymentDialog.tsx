import { useState, type FormEvent } from 'react';
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
import { decimalToMinorUnits, formatMoney, minorUnitsToDecimal } from '../money';
import { errorCode, errorMessage, fieldError } from './adminActions';
import { paymentMethodChoices } from './labels';
import type { PaymentMethod } from './types';

export interface PaymentValues {
  amount: number;
  method: PaymentMethod;
  /** The reference (orders) or note (sales), trimmed; absent when empty. */
  text?: string;
}

export interface PaymentDialogProps {
  title: string;
  /** What the payment is for, e.g. "Order ORD-000042". */
  subject: string;
  /** The most that can be paid now. */
  balance: number;
  currency: string;
  defaultMethod?: PaymentMethod;
  /** "Reference" for orders (a transfer or receipt number), "Note" for sales. */
  textLabel: string;
  textHelp?: string;
  onSubmit: (values: PaymentValues) => Promise<void>;
  onClose: () => void;
}

/** Records a payment: amount (typed as "19.99", at most the balance), method and a reference or note. */
export const PaymentDialog = ({ title, subject, balance, currency, defaultMethod = 'cash', textLabel, textHelp, onSubmit, onClose }: PaymentDialogProps) => {
  const [amountText, setAmountText] = useState(() => minorUnitsToDecimal(balance, currency));
  const [method, setMethod] = useState<PaymentMethod>(defaultMethod);
  const [text, setText] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const amount = decimalToMinorUnits(amountText, currency);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setProblem(null);
    if (amount == null || amount <= 0) {
      setAmountError(`Enter an amount above zero, e.g. ${minorUnitsToDecimal(balance, currency)}`);
      return;
    }
    if (amount > balance) {
      setAmountError(`At most the balance due, ${formatMoney(balance, currency)}`);
      return;
    }
    setAmountError(null);
    setSaving(true);
    try {
      await onSubmit({ amount, method, text: text.trim() || undefined });
      onClose();
    } catch (error) {
      if (errorCode(error) === 'OVERPAYMENT') {
        setAmountError(`More than the balance due: reload the page to see what is still owed.`);
      } else {
        const amountProblem = fieldError(error, 'amount');
        if (amountProblem) setAmountError(amountProblem);
        setProblem(errorMessage(error, 'The payment could not be recorded.'));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={saving ? undefined : onClose} fullWidth maxWidth="xs" aria-labelledby="payment-dialog-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="payment-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {subject} · balance due {formatMoney(balance, currency)}
            </Typography>
            {problem && <Alert severity="error">{problem}</Alert>}
            <TextField
              name="amount"
              label="Amount"
              value={amountText}
              onChange={(event) => {
                setAmountText(event.target.value);
                setAmountError(null);
              }}
              error={!!amountError}
              helperText={amountError ?? `Up to ${formatMoney(balance, currency)}`}
              slotProps={{
                htmlInput: { inputMode: 'decimal', autoComplete: 'off' },
                input: { endAdornment: <InputAdornment position="end">{currency}</InputAdornment> },
              }}
              autoFocus
              required
            />
            <TextField select name="method" label="Method" value={method} onChange={(event) => setMethod(event.target.value as PaymentMethod)} required>
              {paymentMethodChoices.map((choice) => (
                <MenuItem key={choice.id} value={choice.id}>
                  {choice.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField name="text" label={textLabel} value={text} onChange={(event) => setText(event.target.value)} helperText={textHelp ?? 'Optional'} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose} disabled={saving}>
            Cancel
          </MuiButton>
          <MuiButton type="submit" variant="contained" disabled={saving}>
            Record payment
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
  );
};
