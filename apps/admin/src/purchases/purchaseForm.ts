/**
 * Purchase form values <-> API bodies (docs/api.md#suppliers-and-purchases). The form keeps each line's naming
 * fields (productName, sku, attributes) beside variantId, quantity and unitCost, so lines read
 * well without lookups; the API refuses them, so a body carries only the three it accepts, and an
 * update sends `lines` (which replaces all lines) only when a line changed.
 */
import { sameValue } from '../providers/changes';
import type { Purchase, PurchaseInput, PurchaseLineInput, PurchaseUpdate } from '../common-sales/types';

export interface PurchaseFormLine {
  variantId?: number | null;
  quantity?: number | null;
  unitCost?: number | string | null;
  productName?: string | null;
  sku?: string | null;
  attributes?: Record<string, string> | null;
}

export interface PurchaseFormValues {
  supplierId?: number | null;
  status?: Purchase['status'];
  lines?: PurchaseFormLine[] | null;
  shippingCost?: number | string | null;
  taxTotal?: number | string | null;
  notes?: string | null;
}

/** The line as the API takes it. */
export function toLineInput(line: PurchaseFormLine): PurchaseLineInput {
  return { variantId: Number(line.variantId), quantity: Number(line.quantity), unitCost: Number(line.unitCost) };
}

const amountOr0 = (value: unknown) => (typeof value === 'number' ? value : 0);

/** POST body: only the fields the API accepts. */
export function toCreateBody(values: PurchaseFormValues): PurchaseInput {
  return {
    supplierId: Number(values.supplierId),
    status: values.status === 'ordered' ? 'ordered' : 'draft',
    lines: (values.lines ?? []).map(toLineInput),
    shippingCost: amountOr0(values.shippingCost),
    taxTotal: amountOr0(values.taxTotal),
    notes: values.notes?.trim() ?? '',
  };
}

/**
 * PUT body before receipt: the editable fields (the data provider then sends only those that
 * differ from the record), with `lines` left out when no line changed.
 */
export function toUpdateBody(values: PurchaseFormValues, previous: Purchase | undefined): PurchaseUpdate {
  const body: PurchaseUpdate = {
    supplierId: Number(values.supplierId),
    shippingCost: amountOr0(values.shippingCost),
    taxTotal: amountOr0(values.taxTotal),
    notes: values.notes?.trim() ?? '',
  };
  if (values.status === 'ordered' && previous?.status === 'draft') body.status = 'ordered';
  const lines = (values.lines ?? []).map(toLineInput);
  if (!previous || !sameValue(lines, previous.lines.map(toLineInput))) body.lines = lines;
  return body;
}
