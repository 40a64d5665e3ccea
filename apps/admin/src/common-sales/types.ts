/**
 * Records and payloads of the sales, purchasing and in-store resources (SPEC.md sections 8–10),
 * as /api/openapi.json describes them. Money in minor units, rates in basis points.
 */
import type { VariantAttributes } from '../types';

export const paymentMethods = ['cash', 'card', 'bank_transfer', 'mobile_wallet', 'cash_on_delivery'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

// ---- Orders, payments and invoices (section 8) ----

export type OrderStatus = 'pending' | 'processing' | 'shipped' | 'delivered' | 'cancelled';
export type OrderPaymentStatus = 'unpaid' | 'partially_paid' | 'paid' | 'refunded';

/** A snapshot of what was sold: names, SKUs and prices as at the order. */
export interface OrderLine {
  id: number;
  productId: number;
  variantId: number;
  productName: string;
  sku: string;
  attributes: VariantAttributes;
  unitPrice: number;
  costPrice: number;
  /** Per unit. */
  shippingCost: number;
  estimatedDeliveryDays: number;
  quantity: number;
  lineTotal: number;
}

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  country: string;
  phone?: string | null;
}

/** The `payments` admin resource record (read only). */
export interface Payment {
  id: number;
  orderId: number;
  amount: number;
  method: PaymentMethod;
  reference: string | null;
  status: 'succeeded' | 'refunded';
  paidAt: string;
  refundedAt: string | null;
  recordedById: number | null;
}

/** The `orders` admin resource record (read only, changed through actions). */
export interface Order {
  id: number;
  number: string;
  /** Null for a guest order. */
  customerId: number | null;
  email: string;
  status: OrderStatus;
  paymentStatus: OrderPaymentStatus;
  paymentMethod: PaymentMethod;
  lines: OrderLine[];
  couponCode: string | null;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
  paidAmount: number;
  refundedAmount: number;
  balanceDue: number;
  shippingAddress: ShippingAddress;
  /** A date: "2026-11-28". */
  estimatedDeliveryDate: string;
  placedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  invoiceId: number | null;
  payments: Payment[];
}

/** POST /api/admin/orders/:id/payments */
export interface OrderPaymentInput {
  amount: number;
  method: PaymentMethod;
  reference?: string;
}

export interface InvoiceLine {
  productId: number;
  variantId: number;
  productName: string;
  sku: string;
  attributes: VariantAttributes;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  shippingCost: number;
}

/** The `invoices` admin resource record (read only). */
export interface Invoice {
  id: number;
  number: string;
  orderId: number;
  orderNumber: string;
  issuedAt: string;
  /** Name, e-mail and address, as at the order. */
  billTo: Partial<ShippingAddress> & { email?: string | null };
  lines: InvoiceLine[];
  currency: string;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
  paidAmount: number;
  paymentStatus: OrderPaymentStatus;
}

// ---- Suppliers and purchases (section 9) ----

/** The `suppliers` admin resource record. */
export interface Supplier {
  id: number;
  name: string;
  contactName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string;
}

export type PurchaseStatus = 'draft' | 'ordered' | 'received' | 'cancelled';

export interface PurchaseLine {
  id: number;
  variantId: number;
  productName: string;
  sku: string;
  attributes: VariantAttributes;
  quantity: number;
  unitCost: number;
  lineTotal: number;
}

/** The `purchases` admin resource record. */
export interface Purchase {
  id: number;
  number: string;
  supplierId: number;
  status: PurchaseStatus;
  orderedAt: string | null;
  receivedAt: string | null;
  lines: PurchaseLine[];
  subtotal: number;
  shippingCost: number;
  taxTotal: number;
  total: number;
  notes: string;
  purchaseInvoiceId: number | null;
  createdAt: string;
}

/** A purchase line in a create or update body: nothing else (the snapshot fields are refused). */
export interface PurchaseLineInput {
  variantId: number;
  quantity: number;
  unitCost: number;
}

/** POST /api/admin/purchases; PUT takes the same fields, partially, before receipt. */
export interface PurchaseInput {
  supplierId: number;
  status?: 'draft' | 'ordered';
  lines: PurchaseLineInput[];
  shippingCost?: number;
  taxTotal?: number;
  notes?: string;
}

export type PurchaseInvoiceStatus = 'open' | 'final' | 'void';

/** The `purchase-invoices` admin resource record (read only). */
export interface PurchaseInvoice {
  id: number;
  number: string;
  purchaseId: number;
  purchaseNumber: string;
  supplierId: number;
  /** The supplier as at issue. */
  supplier: Partial<Omit<Supplier, 'id'>>;
  issuedAt: string;
  lines: PurchaseLine[];
  currency: string;
  subtotal: number;
  shippingCost: number;
  taxTotal: number;
  total: number;
  status: PurchaseInvoiceStatus;
}

// ---- In-store sales (section 10) ----

/** The `offline-customers` admin resource record. */
export interface OfflineCustomer {
  id: number;
  name: string;
  phone: string;
  email: string | null;
  address: string | null;
  notes: string | null;
  /** Σ balance of their sales that are not cancelled (read only). */
  outstandingBalance: number;
  createdAt: string;
}

export type SalePaymentStatus = 'unpaid' | 'partially_paid' | 'paid';

export interface SaleLine {
  id: number;
  productId: number;
  variantId: number;
  productName: string;
  sku: string;
  attributes: VariantAttributes;
  unitPrice: number;
  costPrice: number;
  quantity: number;
  lineTotal: number;
}

export interface SalePayment {
  id: number;
  amount: number;
  method: PaymentMethod;
  paidAt: string;
  note: string | null;
  recordedById: number | null;
}

/** The `offline-sales` admin resource record. */
export interface OfflineSale {
  id: number;
  number: string;
  customerId: number;
  status: 'completed' | 'cancelled';
  soldAt: string;
  lines: SaleLine[];
  subtotal: number;
  discount: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
  paidAmount: number;
  /** 0 once cancelled. */
  balance: number;
  paymentStatus: SalePaymentStatus;
  payments: SalePayment[];
  cancelledAt: string | null;
  createdAt: string;
}

/** POST /api/admin/offline-sales */
export interface OfflineSaleInput {
  customerId: number;
  soldAt?: string;
  lines: { variantId: number; quantity: number; unitPrice?: number }[];
  discount?: number;
  paidAmount?: number;
  paymentMethod?: PaymentMethod;
}

/** POST /api/admin/offline-sales/:id/payments */
export interface SalePaymentInput {
  amount: number;
  method: PaymentMethod;
  paidAt?: string;
  note?: string;
}
