/**
 * Rates are integer basis points in the API (docs/api.md#money-and-rates): `taxRateBps: 1500` is 15.00 %.
 * People read and type percentages with up to two decimals; these convert exactly.
 */
import { decimalToScaled, scaledToDecimal } from './decimal';

/** 1500 → "15.00"; 725 → "7.25". */
export function basisPointsToPercent(bps: number): string {
  return scaledToDecimal(bps, 2);
}

/** "15" → 1500; "7.25" → 725; "7,5" → 750; null for "7.255", "-1", "abc". */
export function percentToBasisPoints(text: string): number | null {
  return decimalToScaled(text, 2);
}
