/**
 * Records and payloads of the Chance Store API, as the SPA uses them (SPEC.md sections 1–5, 7).
 * Hand-written for now; to be generated from /api/openapi.json once the API publishes it
 * (ARCHITECTURE.md, "One contract").
 */

export type Role = 'admin' | 'staff' | 'customer';

/** Roles allowed into the back office. */
export const backOfficeRoles: readonly Role[] = ['admin', 'staff'];

export interface Profile {
  fullName: string | null;
  phone: string | null;
  address: string | null;
}

/** The user as returned by /api/auth/login, /api/auth/refresh and /api/me. */
export interface SessionUser {
  id: string | number;
  email: string;
  role: Role;
  isActive?: boolean;
  profile?: Partial<Profile> | null;
  /** Some answers may carry the profile fields flat, like the admin record. */
  fullName?: string | null;
}

export interface AuthTokens {
  user: SessionUser;
  accessToken: string;
  refreshToken: string;
}

/** The `users` admin resource record (GET /api/admin/users). */
export interface AdminUser {
  id: string | number;
  email: string;
  role: Role;
  isActive: boolean;
  fullName: string | null;
  phone: string | null;
  address: string | null;
  emailVerifiedAt: string | null;
  phoneVerifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET/PUT /api/admin/settings. */
export interface StoreSettings {
  storeName: string;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  /** Basis points: 1500 = 15.00 %. */
  taxRateBps: number;
  lowStockThreshold: number;
}

/** Every API error: `{statusCode, error, code, message, errors?}` (SPEC.md section 1). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  errors?: Record<string, unknown>;
}

/** GET /api/store/settings (public): what every screen needs to show amounts. */
export interface StoreInfo {
  storeName: string;
  currency: string;
  taxRateBps: number;
}

// ---- Catalog and stock (SPEC.md section 4) ----

/** The `categories` admin resource record. */
export interface Category {
  id: number;
  name: string;
  slug: string;
  description: string;
  parentId: number | null;
}

/** `{"size": "M", "color": "red"}` */
export type VariantAttributes = Record<string, string>;

/** A variant inside an admin product record. `price`/`costPrice` are the effective values. */
export interface ProductVariant {
  id: number;
  sku: string;
  attributes: VariantAttributes;
  price: number;
  costPrice: number;
  /** Null when the product's price applies. */
  ownPrice: number | null;
  ownCostPrice: number | null;
  stock: number;
  lowStock: boolean;
}

/** The `products` admin resource record. Money in minor units. */
export interface Product {
  id: number;
  name: string;
  slug: string;
  description: string;
  categoryId: number;
  price: number;
  costPrice: number;
  shippingCost: number;
  estimatedDeliveryDays: number;
  isActive: boolean;
  /** Null: the store default (settings). */
  lowStockThreshold: number | null;
  effectiveLowStockThreshold: number;
  /** Sum of the variants' stock (read only). */
  stock: number;
  lowStock: boolean;
  variants: ProductVariant[];
  createdAt: string;
  updatedAt: string;
}

/** A variant in a create or update body: `price`/`costPrice` null or absent = the product's. */
export interface VariantInput {
  id?: number;
  sku: string;
  attributes?: VariantAttributes;
  price?: number | null;
  costPrice?: number | null;
  /** Opening stock, on create only (an update with `stock` is refused). */
  stock?: number;
}

/** POST /api/admin/products (PUT takes the same fields, partially, without stock). */
export interface ProductInput {
  name: string;
  slug?: string;
  description?: string;
  categoryId: number;
  price: number;
  costPrice?: number;
  shippingCost?: number;
  estimatedDeliveryDays?: number;
  isActive?: boolean;
  lowStockThreshold?: number | null;
  variants?: VariantInput[];
}

export const stockReasons = [
  'initial',
  'adjustment',
  'order_placed',
  'order_cancelled',
  'offline_sale',
  'offline_sale_cancelled',
  'purchase_received',
] as const;
export type StockReason = (typeof stockReasons)[number];

/** The `stock-movements` admin resource record (read only). */
export interface StockMovement {
  id: number;
  variantId: number;
  delta: number;
  reason: StockReason;
  reference: string | null;
  note: string | null;
  createdById: number | null;
  createdAt: string;
}

/** POST /api/admin/stock-adjustments */
export interface StockAdjustment {
  variantId: number;
  /** Units to add (positive) or remove (negative); not 0. */
  delta: number;
  note: string;
}

/**
 * A variant with its product's name: the SPA's `variants` lookup resource (built from the
 * products list, see providers/variantLookup.ts), used to name the variants of stock movements.
 */
export interface VariantSummary {
  id: number;
  productId: number;
  productName: string;
  sku: string;
  attributes: VariantAttributes;
  stock: number;
}

// ---- Coupons (SPEC.md section 7) ----

export type DiscountType = 'percentage' | 'fixed';
export type CouponStatus = 'active' | 'inactive' | 'scheduled' | 'expired' | 'used_up';

/** The `coupons` admin resource record. */
export interface Coupon {
  id: number;
  code: string;
  description: string;
  discountType: DiscountType;
  /** percentage: basis points (1000 = 10 %); fixed: minor units. */
  discountValue: number;
  maxDiscount: number | null;
  minPurchase: number | null;
  validFrom: string | null;
  validTo: string | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  isActive: boolean;
  timesUsed: number;
  status: CouponStatus;
  createdAt: string;
  updatedAt: string;
}

// ---- Carts (SPEC.md section 5) ----

export type CartStatus = 'active' | 'merged' | 'checked_out';

export interface CartItem {
  id: number;
  variantId: number;
  productId: number;
  productName: string;
  sku: string;
  attributes: VariantAttributes;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  /** Per unit. */
  shippingCost: number;
  /** False when the product was withdrawn or the stock no longer covers the quantity. */
  available: boolean;
}

/** The `carts` admin resource record (read only). */
export interface Cart {
  id: number;
  /** Null for a guest cart. */
  customerId: number | null;
  status: CartStatus;
  items: CartItem[];
  couponCode: string | null;
  /** Why the coupon gives no discount now (a coupon refusal code), or null. */
  couponError: string | null;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
  createdAt: string;
  /** Last activity. */
  updatedAt: string;
}

// ---- Services and notifications (SPEC.md section 11) ----

/** The `service-types` admin resource record (Electrician, Plumber, ...). */
export interface ServiceType {
  id: number;
  name: string;
  description: string;
  /** Minor units. */
  price: number;
  durationMinutes: number;
  isActive: boolean;
}

export type BookingStatus = 'pending' | 'completed' | 'cancelled';

/** The `bookings` admin resource record; `serviceName`, `price` and `durationMinutes` are snapshots. */
export interface Booking {
  id: number;
  /** A user with role customer. */
  customerId: number;
  serviceTypeId: number;
  serviceName: string;
  price: number;
  durationMinutes: number;
  scheduledAt: string;
  address: string;
  notes: string;
  status: BookingStatus;
  completedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
}

export type NotificationType = 'order_update' | 'product_update' | 'message' | 'booking_update' | 'low_stock';

/** A notification of the signed-in user (GET /api/me/notifications). */
export interface UserNotification {
  id: number;
  type: NotificationType;
  title: string;
  body: string;
  /** The record it is about, e.g. `{resource: "orders", id: 42}`. */
  link: { resource: string; id: number } | null;
  readAt: string | null;
  createdAt: string;
}

// ---- Reports and audit (SPEC.md section 13) ----

export interface RevenueDay {
  /** "2026-11-25" (UTC) */
  date: string;
  online: number;
  offline: number;
}

/** GET /api/admin/reports/dashboard. Money in minor units; the others are counts. */
export interface DashboardReport {
  revenueToday: number;
  revenueLast30Days: number;
  pendingOrders: number;
  lowStockVariants: number;
  outstandingReceivables: number;
  upcomingBookings: number;
  /** The 30 days ending today, oldest first. */
  revenueByDay: RevenueDay[];
}

export type SalesGrouping = 'day' | 'month';

export interface SalesTotals {
  onlineRevenue: number;
  offlineRevenue: number;
  orders: number;
  offlineSales: number;
  grossProfit: number;
}

export interface SalesRow extends SalesTotals {
  /** "2026-11-25" or "2026-11" */
  period: string;
}

/** GET /api/admin/reports/sales?from&to&groupBy */
export interface SalesReport {
  from: string;
  to: string;
  groupBy: SalesGrouping;
  rows: SalesRow[];
  totals: SalesTotals;
}

/** The `audit-logs` admin resource record (read only, admins only). */
export interface AuditLogEntry {
  id: number;
  actorId: number | null;
  /** create, update, delete, or an action (receive, cancel, mark-paid, status, ...). */
  action: string;
  resource: string;
  resourceId: number | null;
  /** The record whose history this belongs to as well (a variant's product, a payment's order). */
  parentResource: string | null;
  parentId: number | null;
  /** "PUT /api/admin/products/:id" */
  operation: string | null;
  /** field → [before, after] */
  changes: Record<string, [unknown, unknown]>;
  at: string;
}

/** GET /api/admin/reports/integrity */
export interface IntegrityReport {
  ok: boolean;
  checkedAt: string;
  checks: { name: string; description: string; violations: number; examples: unknown[] }[];
}
