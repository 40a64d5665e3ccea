/**
 * The phone-order and order-edit forms (docs/api.md#draft-orders-and-order-editing): the live
 * totals with the API's own pure totals function (libs/core computeTotals, the very code the API
 * runs), the before → after summary of an edit, and the bodies the API accepts.
 */
import { computeTotals, discountOfCoupon, type Totals } from '@chance/core/pricing/totals';
import type { Order, ShippingAddress } from '../common-sales/types';
import type { CouponTerms } from '../common-sales/useCouponTerms';

export type { CouponTerms };

/** A line of the form: the variant picked (with what the picker knows of it) and an optional price set by hand. */
export interface OrderFormLine {
  lineId?: number;
  variantId?: number;
  quantity?: number;
  /** set by hand (a price match); empty: the catalog's price, or the line's snapshot */
  unitPrice?: number | null;
  /** what the line costs without a price set by hand: the catalog's price (new lines) or the sold price (kept lines) */
  listPrice?: number;
  shippingCost?: number;
  productName?: string;
  sku?: string;
  stock?: number;
}

export interface OrderFormValues {
  buyer?: 'customer' | 'guest';
  customerId?: number | null;
  email?: string | null;
  lines?: OrderFormLine[];
  couponCode?: string | null;
  shippingAddress?: Partial<ShippingAddress>;
  paymentMethod?: string;
}

const whole = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null);

/** The price a line is charged at: the one set by hand, else its list price; null while unknown. */
export const priceOf = (line: OrderFormLine): number | null => whole(line.unitPrice) ?? whole(line.listPrice);

/** The form's totals with the shared totals function; lines without a product, quantity or price are counted apart. */
export function previewTotals(lines: readonly OrderFormLine[] | undefined, coupon: CouponTerms | null, taxRateBps: number): Totals & { incomplete: number } {
  const complete = (lines ?? []).filter((line) => line && whole(line.variantId) && whole(line.quantity) && priceOf(line) != null);
  const totals = computeTotals(
    complete.map((line) => ({ unitPrice: priceOf(line)!, quantity: line.quantity!, shippingCost: whole(line.shippingCost) ?? 0 })),
    coupon ? discountOfCoupon(coupon) : null,
    taxRateBps,
  );
  return { ...totals, incomplete: (lines ?? []).length - complete.length };
}

export interface StockChange {
  variantId: number;
  label: string;
  before: number;
  after: number;
  /** in stock now, when known */
  stock: number | null;
}

/** What an edit does to the stock: per variant, the quantity before and after (only those that change). */
export function stockChanges(order: Pick<Order, 'lines'>, lines: readonly OrderFormLine[] | undefined): StockChange[] {
  const changes = new Map<number, StockChange>();
  for (const line of order.lines) {
    changes.set(line.variantId, { variantId: line.variantId, label: `${line.productName} — ${line.sku}`, before: line.quantity, after: 0, stock: null });
  }
  for (const line of lines ?? []) {
    if (!line || !whole(line.variantId)) continue;
    const change = changes.get(line.variantId!) ?? {
      variantId: line.variantId!,
      label: `${line.productName ?? `Variant #${line.variantId}`}${line.sku ? ` — ${line.sku}` : ''}`,
      before: 0,
      after: 0,
      stock: null,
    };
    change.after += whole(line.quantity) ?? 0;
    if (typeof line.stock === 'number') change.stock = line.stock;
    changes.set(line.variantId!, change);
  }
  return [...changes.values()].filter((change) => change.before !== change.after);
}

/** The order's lines as form lines (an edit starts from them). */
export const formLinesOf = (order: Pick<Order, 'lines'>): OrderFormLine[] =>
  order.lines.map((line) => ({
    lineId: line.id,
    variantId: line.variantId,
    quantity: line.quantity,
    unitPrice: line.priceOverridden ? line.unitPrice : null,
    listPrice: line.unitPrice,
    shippingCost: line.shippingCost,
    productName: line.productName,
    sku: line.sku,
  }));

const linesBody = (lines: readonly OrderFormLine[] | undefined) =>
  (lines ?? []).map((line) => ({
    ...(line.lineId != null ? { lineId: line.lineId } : {}),
    variantId: line.variantId!,
    quantity: line.quantity!,
    ...(whole(line.unitPrice) != null ? { unitPrice: line.unitPrice! } : {}),
  }));

const addressBody = (address: Partial<ShippingAddress> | undefined) =>
  Object.fromEntries(Object.entries(address ?? {}).filter(([, value]) => value != null && value !== '')) as ShippingAddress;

/** POST /api/admin/orders: a customer account or a guest's e-mail, never both. */
export function toDraftBody(values: OrderFormValues) {
  return {
    ...(values.buyer === 'guest' ? { email: values.email ?? '' } : { customerId: values.customerId ?? undefined }),
    lines: linesBody(values.lines),
    shippingAddress: addressBody(values.shippingAddress),
    paymentMethod: values.paymentMethod,
    ...(values.couponCode ? { couponCode: values.couponCode } : {}),
  };
}

/** PUT /api/admin/orders/:id of a placed order: its lines, address and coupon (empty: removed). */
export function toEditBody(values: OrderFormValues) {
  return {
    lines: linesBody(values.lines),
    shippingAddress: addressBody(values.shippingAddress),
    couponCode: values.couponCode ? values.couponCode : null,
  };
}
