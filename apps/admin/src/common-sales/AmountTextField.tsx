import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';

export interface AmountTextFieldProps {
  /** The amount as typed, e.g. "19.99" (minorUnitsToDecimal / decimalToMinorUnits convert it). */
  value: string;
  currency: string;
  onChange: (text: string) => void;
  /** The problem with the amount, shown instead of the hint. */
  error?: string | null;
  hint: string;
  disabled?: boolean;
}

/** The amount of a dialog's form (a payment, a refund): a decimal in the store currency, focused first. */
export const AmountTextField = ({ value, currency, onChange, error, hint, disabled }: AmountTextFieldProps) => (
  <TextField
    name="amount"
    label="Amount"
    value={value}
    onChange={(event) => onChange(event.target.value)}
    error={!!error}
    helperText={error ?? hint}
    slotProps={{
      htmlInput: { inputMode: 'decimal', autoComplete: 'off' },
      input: { endAdornment: <InputAdornment position="end">{currency}</InputAdornment> },
    }}
    disabled={disabled}
    autoFocus
    required
  />
);
