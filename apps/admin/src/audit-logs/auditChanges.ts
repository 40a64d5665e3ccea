/**
 * The audit log in a person's words (docs/api.md#back-office-resources): entries grouped into the changes people
 * made (one request can write several rows: a product and its variants), and values rendered as
 * money, percentages, dates and words instead of minor units, basis points and ISO strings.
 * Framework-free, so that it can be tested in Node.
 */
import { formatMoney } from '../money/money';
import { basisPointsToPercent } from '../money/rates';
import { durationText } from '../service-types/duration';
import { reasonLabels, referenceText } from '../stock-movements/reasons';
import type { AuditLogEntry } from '../types';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The changes of one record (the record itself or one of its parts) within one event. */
export interface HistoryPart {
  resource: string;
  resourceId: number | null;
  /** The request's action (a sale's "create" also changes its variants' stock). */
  action: string;
  /** What happened to this row: created (nothing before), deleted (nothing after) or changed. */
  kind: 'created' | 'changed' | 'deleted';
  changes: FieldChange[];
}

/** One thing a person did: the rows one request wrote, together. */
export interface HistoryEvent {
  /** The first entry's id: a stable React key. */
  key: number;
  at: string;
  actorId: number | null;
  /** The action on the record the history is about, else that of the first part. */
  action: string;
  operation: string | null;
  /** Whether the record the history is about changed itself (else only its parts did, e.g. a variant's stock in a sale). */
  own: boolean;
  parts: HistoryPart[];
}

/** Bookkeeping columns nobody needs to read in a history (a refund's idempotency keys, retry time, draws and stored credit note included). */
const hiddenFields: ReadonlySet<string> = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'position',
  'createdById',
  'userId',
  'productId',
  'searchText',
  'requestKey',
  'requestScope',
  'providerKey',
  'nextCheckAt',
  'draws',
  'creditNote',
  'profitEffect',
]);

/** A secret's placeholder value ("[hidden]", "[changed]"), never its content. */
const secretFields: ReadonlySet<string> = new Set(['passwordHash', 'password']);

export function isSecretField(field: string): boolean {
  return secretFields.has(field);
}

function isEmpty(value: unknown): boolean {
  return value == null || value === '';
}

function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The field changes of one entry that are worth showing, in a stable order. */
function visibleChanges(entry: AuditLogEntry): FieldChange[] {
  return Object.entries(entry.changes ?? {})
    .filter(([field]) => !hiddenFields.has(field))
    .map(([field, pair]) => {
      const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
      return { field, before, after };
    });
}

/**
 * Groups audit entries (any order) into events, newest first: rows of the same request share
 * their time, actor and operation. Within an event, several rows of one record are merged (first
 * "before", last "after"), so that intermediate values (a SKU parked as "~1" during a swap) vanish,
 * as do fields that end where they began. A created record keeps only the values it was given.
 */
export function groupHistory(entries: readonly AuditLogEntry[], record?: { resource: string; id: unknown }): HistoryEvent[] {
  const ascending = [...entries].sort((a, b) => a.id - b.id);
  const events = new Map<string, { event: HistoryEvent; parts: Map<string, HistoryPart> }>();
  for (const entry of ascending) {
    const eventKey = `${entry.at}|${entry.actorId ?? ''}|${entry.operation ?? entry.id}`;
    let group = events.get(eventKey);
    if (!group) {
      group = {
        event: { key: entry.id, at: entry.at, actorId: entry.actorId, action: entry.action, operation: entry.operation, own: false, parts: [] },
        parts: new Map(),
      };
      events.set(eventKey, group);
    }
    const partKey = `${entry.resource}:${entry.resourceId ?? ''}`;
    let part = group.parts.get(partKey);
    if (!part) {
      part = { resource: entry.resource, resourceId: entry.resourceId, action: entry.action, kind: 'changed', changes: [] };
      group.parts.set(partKey, part);
      group.event.parts.push(part);
    }
    for (const change of visibleChanges(entry)) {
      const known = part.changes.find((c) => c.field === change.field);
      if (known) known.after = change.after;
      else part.changes.push({ ...change });
    }
  }

  const result: HistoryEvent[] = [];
  for (const { event } of events.values()) {
    for (const part of event.parts) {
      const nothingBefore = part.changes.length > 0 && part.changes.every((change) => isEmpty(change.before) || change.before === '[hidden]');
      const nothingAfter = part.changes.length > 0 && part.changes.every((change) => isEmpty(change.after));
      part.kind = part.action === 'delete' && nothingAfter ? 'deleted' : part.action !== 'update' && nothingBefore ? 'created' : 'changed';
      part.changes = part.changes.filter((change) => {
        if (part.kind === 'created') return !isEmpty(change.after) && !isSecretField(change.field);
        if (part.kind === 'deleted') return !isEmpty(change.before);
        return isSecretField(change.field) || !same(change.before, change.after);
      });
    }
    event.parts = event.parts.filter((part) => part.changes.length > 0 || part.kind !== 'changed');
    if (event.parts.length === 0) continue;
    const own = record ? event.parts.find((part) => part.resource === record.resource && String(part.resourceId) === String(record.id)) : undefined;
    event.action = (own ?? event.parts[0]).action;
    event.own = own != null;
    // The record itself first, then its parts.
    if (own) event.parts = [own, ...event.parts.filter((part) => part !== own)];
    result.push(event);
  }
  return result.sort((a, b) => (a.at === b.at ? b.key - a.key : a.at < b.at ? 1 : -1));
}

const actionWords: Record<string, string> = {
  create: 'Created',
  update: 'Edited',
  delete: 'Deleted',
  status: 'Status changed',
  cancel: 'Cancelled',
  receive: 'Goods received',
  'mark-paid': 'Marked as paid',
  payments: 'Payment recorded',
  refund: 'Refunded',
};

/** "status" → "Status changed"; "mark-paid" → "Marked as paid"; unknown ones in words ("send-invoice" → "Send invoice"). */
export function actionLabel(action: string): string {
  return actionWords[action] ?? humanize(action.replace(/-/g, ' '));
}

export const actionChoices = Object.entries(actionWords).map(([id, name]) => ({ id, name }));

/** Field names that humanize() would get wrong. */
const fieldWords: Record<string, string> = { sku: 'SKU', id: 'ID', url: 'URL', passwordHash: 'Password' };

/** "costPrice" → "Cost price"; "categoryId" → "Category"; "taxRateBps" → "Tax rate"; "is_active" → "Is active". */
export function humanize(name: string): string {
  if (fieldWords[name]) return fieldWords[name];
  const words = name
    .replace(/Bps$/, '')
    .replace(/Id$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

/** Amounts held in minor units, wherever they appear. */
const moneyFields: ReadonlySet<string> = new Set([
  'price',
  'costPrice',
  'shippingCost',
  'maxDiscount',
  'minPurchase',
  'subtotal',
  'discount',
  'discountTotal',
  'shippingTotal',
  'taxTotal',
  'total',
  'paidAmount',
  'refundedAmount',
  'refundAmount',
  'balanceDue',
  'balance',
  'amount',
  'unitPrice',
  'unitCost',
  'lineTotal',
  'outstandingBalance',
  'costOfGoods',
  'grossProfit',
  'revenue',
]);

/** Values that are words in the API (`partially_paid`, `bank_transfer`); a stock movement's `reason` has words of its own, other reasons are free text. */
const enumFields: ReadonlySet<string> = new Set(['status', 'paymentStatus', 'paymentMethod', 'method', 'role', 'discountType', 'type', 'kind']);

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export interface ValueContext {
  currency: string;
  /** The record the history belongs to, as loaded (e.g. a coupon's discount type). */
  record?: Record<string, unknown> | null;
  locale?: string;
  /** The resource of the row the value belongs to. */
  resource?: string;
  /** A stock movement's reason, which names the document of its reference. */
  reason?: string;
}

/** How a value should be shown: money, percent, a date, words, or a reference to another record. */
export type ValueKind = 'money' | 'percent' | 'duration' | 'id' | 'instant' | 'day' | 'enum' | 'boolean' | 'secret' | 'plain';

export function valueKind(field: string, value: unknown, context: ValueContext): ValueKind {
  if (isSecretField(field)) return 'secret';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (moneyFields.has(field)) return 'money';
    if (/Bps$/.test(field)) return 'percent';
    if (field === 'discountValue') return context.record?.discountType === 'fixed' ? 'money' : 'percent';
    if (/Minutes$/.test(field)) return 'duration';
    if (/(Id|By)$/.test(field)) return 'id';
    return 'plain';
  }
  if (typeof value === 'string') {
    if (isoInstant.test(value)) return 'instant';
    if (isoDay.test(value)) return 'day';
    if (enumFields.has(field)) return 'enum';
  }
  return 'plain';
}

/** `{size: "M", color: "red"}` → "size: M, color: red"; arrays joined; nested objects alike. */
function structuredText(value: unknown): string {
  if (Array.isArray(value)) return value.map(structuredText).join(', ');
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${structuredText(inner)}`)
      .join(', ');
  }
  return value == null ? '' : String(value);
}

/** Values with words of their own, by resource and field (a stock movement's reason and document). */
function ownWords(field: string, value: unknown, context: ValueContext): string | undefined {
  if (context.resource !== 'stock-movements' || typeof value !== 'string') return undefined;
  if (field === 'reason') return reasonLabels[value as keyof typeof reasonLabels];
  if (field === 'reference') return referenceText(value, context.reason as keyof typeof reasonLabels | undefined) || undefined;
  return undefined;
}

/** A value as text; "" for empty values (the view shows a dash). */
export function formatValue(field: string, value: unknown, context: ValueContext): string {
  if (isEmpty(value)) return '';
  const words = ownWords(field, value, context);
  if (words) return words;
  switch (valueKind(field, value, context)) {
    case 'secret':
      return value === '[hidden]' ? 'hidden' : 'changed';
    case 'boolean':
      return value ? 'yes' : 'no';
    case 'money':
      return formatMoney(value as number, context.currency, context.locale);
    case 'percent':
      return `${basisPointsToPercent(value as number).replace(/\.?0+$/, '')} %`;
    case 'duration':
      return durationText(value as number);
    case 'id':
      return `#${value as number}`;
    case 'instant':
      return new Date(value as string).toLocaleString(context.locale, { dateStyle: 'medium', timeStyle: 'short' });
    case 'day':
      return new Date(`${value as string}T00:00:00Z`).toLocaleDateString(context.locale, { dateStyle: 'medium', timeZone: 'UTC' });
    case 'enum':
      return humanize(String(value)).replace(/^./, (first) => first.toUpperCase());
    default:
      return structuredText(value);
  }
}

/**
 * The resource a foreign-key field points at, when its name is worth fetching ("where cheap").
 * `customerId` of an in-store sale is an offline customer; elsewhere a user.
 */
export function referenceOf(resource: string, field: string): string | undefined {
  switch (field) {
    case 'categoryId':
      return 'categories';
    case 'parentId':
      return resource === 'categories' ? 'categories' : undefined;
    case 'customerId':
      return resource === 'offline-sales' ? 'offline-customers' : 'users';
    case 'serviceTypeId':
      return 'service-types';
    case 'supplierId':
      return 'suppliers';
    case 'orderId':
      return 'orders';
    case 'purchaseId':
      return 'purchases';
    case 'saleId':
    case 'offlineSaleId':
      return 'offline-sales';
    case 'offlineCustomerId':
      return 'offline-customers';
    case 'mergedIntoId':
      return resource === 'offline-customers' ? 'offline-customers' : undefined;
    case 'purchaseInvoiceId':
      return 'purchase-invoices';
    case 'invoiceId':
      return 'invoices';
    case 'creditNoteId':
      return 'credit-notes';
    case 'refundId':
      return 'refunds';
    case 'returnId':
      return 'returns';
    case 'couponId':
      return 'coupons';
    case 'bookingId':
      return 'bookings';
    case 'countId':
      return 'stock-counts';
    case 'apiKeyId':
      return 'api-keys';
    case 'webhookId':
      return 'webhooks';
    case 'assigneeId':
    case 'recordedById':
    case 'createdBy':
    case 'actorId':
      return 'users';
    default:
      return undefined;
  }
}

/** Singular names of the records that appear as parts of another record's history. */
const partNames: Record<string, string> = {
  variants: 'Variant',
  'offline-sales': 'In-store sale',
  'offline-customers': 'In-store customer',
  'service-types': 'Service',
  settings: 'Store settings',
  payments: 'Payment',
  'sale-payments': 'Payment',
  'offline-sale-payments': 'Payment',
  'order-lines': 'Line',
  'purchase-lines': 'Line',
  'offline-sale-lines': 'Line',
  invoices: 'Invoice',
  'purchase-invoices': 'Purchase invoice',
  'stock-movements': 'Stock movement',
  profiles: 'Profile',
};

/** "variants" → "Variant"; "purchase-invoices" → "Purchase invoice". */
export function partName(resource: string): string {
  return partNames[resource] ?? humanize(resource.replace(/-/g, ' ').replace(/s$/, ''));
}

/** "POST /api/admin/offline-sales" → "offline-sales"; "POST /api/admin/orders/:id/cancel" → "orders". */
export function operationResource(operation: string | null | undefined): string | undefined {
  const match = /^[A-Z]+ \/api\/(?:admin|store|me)\/([a-z-]+)/.exec(operation ?? '');
  return match?.[1];
}

/** The action of one row in words: what happened to it ("Created", "Edited", "Changed" by another request, "Status changed"). */
export function partActionLabel(part: Pick<HistoryPart, 'action' | 'kind'>): string {
  if (part.kind === 'created') return actionLabel('create');
  if (part.kind === 'deleted') return actionLabel('delete');
  if (part.action === 'create' || part.action === 'delete') return 'Changed';
  return actionLabel(part.action);
}
