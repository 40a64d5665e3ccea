export { MoneyField, type MoneyFieldProps } from './MoneyField';
export { formatMoney, minorUnitsToDecimal, decimalToMinorUnits, minorUnitDigits, defaultCurrency } from './money';
export { basisPointsToPercent, percentToBasisPoints } from './rates';
export { scaledToDecimal, decimalToScaled } from './decimal';
export { MoneyInput, PercentInput, ScaledDecimalInput, type MoneyInputProps, type ScaledDecimalInputProps } from './ScaledDecimalInput';
export { OutstandingBalanceField } from './OutstandingBalanceField';
