import { useEffect, useRef, useState, type ChangeEvent, type FocusEvent, type ReactNode } from 'react';
import InputAdornment from '@mui/material/InputAdornment';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { FieldTitle, InputHelperText, sanitizeInputRestProps, useInput, type CommonInputProps, type Validator } from 'react-admin';
import { useStoreCurrency } from '../settings/useStoreSettings';
import { decimalToScaled, scaledToDecimal } from './decimal';
import { minorUnitDigits } from './money';

export interface ScaledDecimalInputProps
  extends CommonInputProps, Omit<TextFieldProps, 'label' | 'helperText' | 'defaultValue' | 'onChange' | 'onBlur' | 'type'> {
  /** Decimal places of the stored integer: 2 for cents and basis points, 0 for yen. */
  scale: number;
  /** Shown after the text, e.g. "%" or "USD". */
  unit?: ReactNode;
  /** Shown under an input whose text is not a number with at most `scale` decimals. */
  invalidMessage?: string;
}

/**
 * An input for an integer held with implied decimals (money in minor units, rates in basis points):
 * the user reads and types "19.99", the form holds 1999. Like react-admin's NumberInput, the typed
 * text is kept as typed ("19." on the way to "19.95"); the form value is the exact integer, null
 * when empty, or the text itself when it is not a valid amount (so that validation refuses it).
 */
export const ScaledDecimalInput = ({
  scale,
  unit,
  invalidMessage,
  className,
  defaultValue = null,
  helperText,
  label,
  onBlur,
  onChange,
  resource,
  source,
  validate,
  disabled,
  readOnly,
  ...rest
}: ScaledDecimalInputProps) => {
  const message = invalidMessage ?? (scale > 0 ? `Enter a number with at most ${scale} decimals` : 'Enter a whole number');
  const wellFormed: Validator = (value) => (typeof value === 'string' && value.trim() !== '' ? message : undefined);
  const validators = [wellFormed, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];

  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput({ defaultValue, onBlur, onChange, resource, source, validate: validators, disabled, readOnly, ...rest });

  const format = (value: unknown) =>
    typeof value === 'number' && Number.isSafeInteger(value) ? scaledToDecimal(value, scale) : typeof value === 'string' ? value : '';
  const [text, setText] = useState(() => format(field.value));
  const hasFocus = useRef(false);

  // A value set from outside (record loaded, form reset): show it, unless the user is typing.
  useEffect(() => {
    if (hasFocus.current) return;
    const formatted = format(field.value);
    setText((current) => (sameAmount(current, field.value, scale) ? current : formatted));
  }, [field.value, scale]);

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const typed = event.target.value;
    setText(typed);
    if (typed.trim() === '') field.onChange(null);
    else field.onChange(decimalToScaled(typed, scale) ?? typed);
  };

  const handleBlur = (event: FocusEvent<HTMLInputElement>) => {
    hasFocus.current = false;
    field.onBlur(event);
    if (typeof field.value === 'number') setText(format(field.value));
  };

  const { ref, ...fieldProps } = field;
  const renderHelperText = helperText !== false || invalid;
  return (
    <TextField
      id={id}
      {...fieldProps}
      inputRef={ref}
      value={text}
      onChange={handleChange}
      onFocus={() => {
        hasFocus.current = true;
      }}
      onBlur={handleBlur}
      className={['ra-input', `ra-input-${source}`, className].filter(Boolean).join(' ')}
      error={invalid}
      disabled={disabled || readOnly}
      helperText={renderHelperText ? <InputHelperText error={error?.message} helperText={helperText} /> : null}
      label={label !== '' && label !== false ? <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} /> : null}
      slotProps={{
        htmlInput: { inputMode: 'decimal', autoComplete: 'off', readOnly },
        input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined,
      }}
      {...sanitizeInputRestProps(rest)}
    />
  );
};

function sameAmount(text: string, value: unknown, scale: number): boolean {
  if (value == null) return text.trim() === '';
  if (typeof value === 'string') return text === value;
  return decimalToScaled(text, scale) === value;
}

export type MoneyInputProps = Omit<ScaledDecimalInputProps, 'scale'> & { currency?: string };

/** "Enter an amount like 19.99" (2 decimals), "... like 19.990" (3), "Enter a whole amount" (0). */
function amountHint(digits: number): string {
  if (digits === 0) return 'Enter a whole amount, without decimals';
  return `Enter an amount like 19.${'99'.padEnd(digits, '0').slice(0, digits)}`;
}

/** An amount in the store currency: typed as "19.99", held as 1999 minor units. */
export const MoneyInput = ({ currency, ...props }: MoneyInputProps) => {
  const storeCurrency = useStoreCurrency();
  const code = currency ?? storeCurrency;
  const digits = minorUnitDigits(code);
  return <ScaledDecimalInput scale={digits} unit={code} invalidMessage={amountHint(digits)} {...props} />;
};

/** A rate in percent with two decimals ("7.25"), held as basis points (725). */
export const PercentInput = (props: Omit<ScaledDecimalInputProps, 'scale'>) => (
  <ScaledDecimalInput scale={2} unit="%" invalidMessage="Enter a percentage with at most two decimals, e.g. 10 or 7.5" {...props} />
);
