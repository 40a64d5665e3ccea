/**
 * Sale-entry form values <-> the API (docs/api.md#in-store-sales). The form keeps each line's naming
 * fields (productName, sku, attributes, stock) beside variantId, quantity and unitPrice; the body
 * carries only what the API accepts. Refusals are put back where the cashier looks: an
 * OUT_OF_STOCK answer (`errors: {"variant.7": "only 3 in stock"}`) under that line's quantity,
 * with the product named instead of the variant id.
 */
import type { OfflineSaleInput, PaymentMethod } from '../common-sales/types';

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
  lines?: SaleFormLine[] | null;
  discount?: number | string | null;
  paidAmount?: number | string | null;
  paymentMethod?: PaymentMethod | null;
}

const positive = (value: unknown): number | undefined => (typeof value === 'number' && value > 0 ? value : undefined);

export function toSaleBody(values: SaleFormValues): OfflineSaleInput {
  const body: OfflineSaleInput = {
    customerId: Number(values.customerId),
    lines: (values.lines ?? []).map((line) => ({
      variantId: Number(line.variantId),
      quantity: Number(line.quantity),
      ...(typeof line.unitPrice === 'number' ? { unitPrice: line.unitPrice } : {}),
    })),
  };
  const discount = positive(values.discount);
  if (discount) body.discount = discount;
  const paidAmount = positive(values.paidAmount);
  if (paidAmount) {
    body.paidAmount = paidAmount;
    body.paymentMethod = values.paymentMethod ?? 'cash';
  }
  return body;
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
