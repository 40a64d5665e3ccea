/**
 * Records and payloads of the sales, purchasing and in-store resources (docs/api.md#orders-payments-and-invoices, #suppliers-and-purchases, #in-store-sales):
 * the API's own schemas, generated from /api/openapi.json into ../api/schema.ts
 * (`npm run openapi:types`). Money in minor units, rates in basis points.
 */
import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type PaymentMethod = Schemas['PaymentView']['method'];

export const paymentMethods = ['cash', 'card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery'] as const satisfies readonly PaymentMethod[];

// ---- Orders, payments and invoices (docs/api.md#orders-payments-and-invoices) ----

export type OrderStatus = Schemas['OrderView']['status'];
export type OrderPaymentStatus = Schemas['OrderView']['paymentStatus'];

/** A snapshot of what was sold: names, SKUs and prices as at the order; `shippingCost` per unit. */
export type OrderLine = Schemas['OrderLineView'];

export type ShippingAddress = Schemas['ShippingAddressDto'];

/** The `payments` admin resource record (read only). */
export type Payment = Schemas['PaymentView'];

/**
 * The `orders` admin resource record (read only, changed through actions); `customerId` null for
 * a guest order. Admin responses always carry the payments, which the schema marks optional
 * (the store's answers leave them out).
 */
export type Order = Schemas['OrderView'] & Required<Pick<Schemas['OrderView'], 'payments'>>;

/** POST /api/admin/orders/:id/payments */
export type OrderPaymentInput = Schemas['RecordPaymentDto'];

export type InvoiceLine = Schemas['InvoiceLineView'];

/** The `invoices` admin resource record (read only). */
export type Invoice = Schemas['InvoiceView'];

// ---- Suppliers and purchases (docs/api.md#suppliers-and-purchases) ----

/** The `suppliers` admin resource record. */
export type Supplier = Schemas['SupplierView'];

export type PurchaseStatus = Schemas['PurchaseView']['status'];

export type PurchaseLine = Schemas['PurchaseLineView'];

/** The `purchases` admin resource record. */
export type Purchase = Schemas['PurchaseView'];

/** A purchase line in a create or update body: nothing else (the snapshot fields are refused). */
export type PurchaseLineInput = Schemas['PurchaseLineDto'];

/** POST /api/admin/purchases */
export type PurchaseInput = Schemas['CreatePurchaseDto'];

/** PUT /api/admin/purchases/:id: the same fields, partially, before receipt. */
export type PurchaseUpdate = Schemas['UpdatePurchaseDto'];

export type PurchaseInvoiceStatus = Schemas['PurchaseInvoiceView']['status'];

/** The `purchase-invoices` admin resource record (read only); `supplier` as at issue. */
export type PurchaseInvoice = Schemas['PurchaseInvoiceView'];

// ---- In-store sales (docs/api.md#in-store-sales) ----

/** The `offline-customers` admin resource record; `outstandingBalance` is read only. */
export type OfflineCustomer = Schemas['OfflineCustomerView'];

export type SalePaymentStatus = Schemas['OfflineSaleView']['paymentStatus'];

export type SaleLine = Schemas['SaleLineView'];

export type SalePayment = Schemas['SalePaymentView'];

/** The `offline-sales` admin resource record; `balance` is 0 once cancelled. */
export type OfflineSale = Schemas['OfflineSaleView'];

/** POST /api/admin/offline-sales */
export type OfflineSaleInput = Schemas['CreateOfflineSaleDto'];

/** POST /api/admin/offline-sales/:id/payments */
export type SalePaymentInput = Schemas['SalePaymentDto'];

// ---- Refunds, returns and credit notes (docs/api.md#refunds-and-returns) ----

export type ReturnStatus = Schemas['ReturnView']['status'];

/** A returned line: the record's snapshot (`lineId` is the order's or sale's line), its reason and whether it goes back into stock. */
export type ReturnLine = Schemas['ReturnLineView'];

/** The `returns` admin resource record; `refundAmount` is what its refund gave, or until then what it would give now. */
export type Return = Schemas['ReturnView'];

/** POST /api/admin/returns */
export type ReturnInput = Schemas['CreateReturnDto'];

export type RefundStatus = Schemas['RefundView']['status'];

/** The `refunds` admin resource record (read only). */
export type Refund = Schemas['RefundView'];

/** POST /api/admin/{orders|offline-sales|bookings}/:id/refunds */
export type DirectRefundInput = Schemas['DirectRefundDto'];

/** The `credit-notes` admin resource record (read only). */
export type CreditNote = Schemas['CreditNoteView'];
