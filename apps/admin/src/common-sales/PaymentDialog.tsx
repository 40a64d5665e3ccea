import { useState } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { decimalToMinorUnits, formatMoney, minorUnitsToDecimal } from '../money';
import { errorCode, fieldError } from './adminActions';
import { AmountTextField } from './AmountTextField';
import { FormDialog } from './FormDialog';
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
  /** The methods offered; every one by default (at the counter: counterPaymentMethodChoices). */
  methods?: readonly { id: PaymentMethod; name: string }[];
  /** "Reference" for orders (a transfer or receipt number), "Note" for sales. */
  textLabel: string;
  textHelp?: string;
  onSubmit: (values: PaymentValues) => Promise<void>;
  onClose: () => void;
}

/** Records a payment: amount (typed as "19.99", at most the balance), method and a reference or note. */
export const PaymentDialog = ({
  title,
  subject,
  balance,
  currency,
  defaultMethod = 'cash',
  methods = paymentMethodChoices,
  textLabel,
  textHelp,
  onSubmit,
  onClose,
}: PaymentDialogProps) => {
  const [amountText, setAmountText] = useState(() => minorUnitsToDecimal(balance, currency));
  const [method, setMethod] = useState<PaymentMethod>(defaultMethod);
  const [text, setText] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const amount = decimalToMinorUnits(amountText, currency);

  const submit = async () => {
    if (amount == null || amount <= 0) {
      setAmountError(`Enter an amount above zero, e.g. ${minorUnitsToDecimal(balance, currency)}`);
      return false;
    }
    if (amount > balance) {
      setAmountError(`At most the balance due, ${formatMoney(balance, currency)}`);
      return false;
    }
    setAmountError(null);
    try {
      await onSubmit({ amount, method, text: text.trim() || undefined });
    } catch (error) {
      if (errorCode(error) === 'OVERPAYMENT') {
        setAmountError(`More than the balance due: reload the page to see what is still owed.`);
        return false;
      }
      const amountProblem = fieldError(error, 'amount');
      if (amountProblem) setAmountError(amountProblem);
      throw error;
    }
  };

  return (
    <FormDialog
      id="payment-dialog"
      title={title}
      intro={
        <Typography variant="body2" color="text.secondary">
          {subject} · balance due {formatMoney(balance, currency)}
        </Typography>
      }
      submitLabel="Record payment"
      backLabel="Cancel"
      failure="The payment could not be recorded."
      onSubmit={submit}
      onClose={onClose}
    >
      <AmountTextField
        value={amountText}
        currency={currency}
        onChange={(text) => {
          setAmountText(text);
          setAmountError(null);
        }}
        error={amountError}
        hint={`Up to ${formatMoney(balance, currency)}`}
      />
      <TextField select name="method" label="Method" value={method} onChange={(event) => setMethod(event.target.value as PaymentMethod)} required>
        {methods.map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {choice.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField name="text" label={textLabel} value={text} onChange={(event) => setText(event.target.value)} helperText={textHelp ?? 'Optional'} />
    </FormDialog>
  );
};
