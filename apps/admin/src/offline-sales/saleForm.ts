/**
 * Sale-entry form values <-> the API (docs/api.md#in-store-sales). The form keeps each line's naming
 * fields (productName, sku, attributes, stock) beside variantId, quantity and unitPrice; the body
 * carries only what the API accepts. Refusals are put back where the cashier looks: an
 * OUT_OF_STOCK answer (`errors: {"variant.7": "only 3 in stock"}`) under that line's quantity,
 * with the product named instead of the variant id; a coupon's refusal (`errors: {"code": …}`) under
 * the coupon input.
 *
 * A walk-in sale (SPEC 17) has no customer and is paid in full at once: the form's `walkIn` choice
 * (never sent) leaves the customer out and keeps the amount paid at the total. A coupon's discount
 * is previewed with the API's own discount function (libs/core) from the coupon's terms; whether
 * the coupon applies now (dates, minimum, limits) is the API's answer when the sale is recorded.
 */
import { discountOf, discountOfCoupon } from '@chance/core/pricing/totals';
import { saleTotals, sumLines, lineTotal, type SaleTotals } from '../common-sales/totals';
import type { OfflineSaleInput, PaymentMethod } from '../common-sales/types';
import type { CouponTerms } from '../common-sales/useCouponTerms';

export interface SaleFormLine {
  variantId?: number | null;
  quantity?: number | null;
  unitPrice?: number | string | null;
  productName?: string | null;
  sku?: string | null;
  attributes?: Record<string, string> | null;
  stock?: number | null;
}

export interface SaleFormValues {
  customerId?: number | null;
  /** The cashier chose "Walk-in": no customer, paid in full (not sent). */
  walkIn?: boolean | null;
  lines?: SaleFormLine[] | null;
  /** A discount typed by hand; left out when a coupon is given (a sale takes one or the other). */
  discount?: number | string | null;
  couponCode?: string | null;
  paidAmount?: number | string | null;
  paymentMethod?: PaymentMethod | null;
}

const positive = (value: unknown): number | undefined => (typeof value === 'number' && value > 0 ? value : undefined);

const positiveId = (value: unknown): number | undefined => {
  const id = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

/** The coupon code typed, trimmed; '' when none. */
export const typedCoupon = (values: Pick<SaleFormValues, 'couponCode'>): string => (typeof values.couponCode === 'string' ? values.couponCode.trim() : '');

export function toSaleBody(values: SaleFormValues): OfflineSaleInput {
  const customerId = values.walkIn ? undefined : positiveId(values.customerId);
  const body: OfflineSaleInput = {
    ...(customerId ? { customerId } : {}),
    lines: (values.lines ?? []).map((line) => ({
      variantId: Number(line.variantId),
      quantity: Number(line.quantity),
      ...(typeof line.unitPrice === 'number' ? { unitPrice: line.unitPrice } : {}),
    })),
  };
  const couponCode = typedCoupon(values);
  if (couponCode) body.couponCode = couponCode;
  const discount = positive(values.discount);
  if (discount && !couponCode) body.discount = discount;
  const paidAmount = positive(values.paidAmount);
  if (paidAmount) {
    body.paidAmount = paidAmount;
    body.paymentMethod = values.paymentMethod ?? 'cash';
  }
  return body;
}

/**
 * The totals the form shows: with a coupon whose terms are known, its discount by the API's own
 * function (a percentage of the complete lines' subtotal, capped; a fixed amount at most the
 * subtotal); with a code whose terms are unknown, no discount (the API decides on save); else the
 * discount typed by hand.
 */
export function previewSaleTotals(
  values: Pick<SaleFormValues, 'lines' | 'discount' | 'couponCode'>,
  coupon: CouponTerms | null,
  taxRateBps: number,
): SaleTotals {
  if (!typedCoupon(values)) return saleTotals(values.lines, values.discount, taxRateBps);
  const { subtotal } = sumLines(values.lines, (line) => lineTotal(line.quantity, line.unitPrice));
  const discount = coupon ? discountOf(discountOfCoupon(coupon), subtotal) : 0;
  return saleTotals(values.lines, discount, taxRateBps);
}

/** "Linen shirt — LIN-M" for a line, or "this product". */
function lineName(line: SaleFormLine | undefined): string {
  if (!line?.productName) return 'this product';
  return line.sku ? `${line.productName} — ${line.sku}` : line.productName;
}

/**
 * The API's field errors, re-addressed to the form's inputs: `variant.<id>` goes to the quantity of
 * the line(s) with that variant, and the summary (root.serverError) names the product.
 */
export function saleFormErrors(errors: Record<string, unknown>, values: SaleFormValues): Record<string, unknown> {
  const lines = values.lines ?? [];
  const result: Record<string, unknown> = {};
  const summaries: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    const variant = /^variants?\.(\d+)$/.exec(field);
    if (variant && typeof message === 'string') {
      const variantId = Number(variant[1]);
      const indexes = lines.flatMap((line, index) => (Number(line.variantId) === variantId ? [index] : []));
      for (const index of indexes) result[`lines.${index}.quantity`] = capitalize(message);
      summaries.push(`${lineName(lines[indexes[0]])}: ${message}`);
      continue;
    }
    result[field] = message;
  }
  if (summaries.length > 0) result.root = { serverError: `Not enough stock. ${summaries.join('; ')}.` };
  return result;
}

const capitalize = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : text);
