/**
 * Two in-store customers with the same phone are most likely one person typed twice. The form
 * does not refuse it (a family may share a landline) but names the other one. Framework-free, so
 * that it can be tested in Node.
 */

/** The digits of a phone number, whatever the spaces, dashes, dots and brackets: "+44 (20) 7946-0000" → "4420794600000". */
export const phoneDigits = (phone: unknown): string => (typeof phone === 'string' ? phone.replace(/\D/g, '') : '');

/** Shorter than this, a number is still being typed: no search yet. */
export const PHONE_DIGITS_TO_CHECK = 6;

/**
 * What to search the list for (its `q` matches a phone's text): the number's last four digits,
 * which stay together however a number is written ("7946 0000", "7946-0000"); the exact match is
 * then made on all the digits.
 */
export const phoneSearchText = (phone: unknown): string => phoneDigits(phone).slice(-4);

/** The other customers (not `selfId`) whose phone is the same number as `phone`, digit for digit. */
export function customersWithPhone<C extends { id: number | string; phone?: string | null }>(
  customers: readonly C[],
  phone: unknown,
  selfId?: number | string,
): C[] {
  const digits = phoneDigits(phone);
  if (digits.length < PHONE_DIGITS_TO_CHECK) return [];
  return customers.filter((customer) => String(customer.id) !== String(selfId ?? '') && phoneDigits(customer.phone) === digits);
}
