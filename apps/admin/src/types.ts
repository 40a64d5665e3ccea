/**
 * Records and payloads of the Chance Store API, as the SPA uses them (docs/api.md and the OpenAPI description).
 * The records and request bodies are the API's own schemas, generated from /api/openapi.json into
 * api/schema.ts (`npm run openapi:types`; ARCHITECTURE.md, "One contract"): a field renamed or
 * removed in a DTO fails the SPA's typecheck. Only what the SPA adds is written here.
 */
import type { components } from './api/schema';

type Schemas = components['schemas'];

export type Role = Schemas['AdminUserView']['role'];

/** Roles allowed into the back office. */
export const backOfficeRoles: readonly Role[] = ['admin', 'staff'];

export type Profile = Schemas['ProfileView'];

/** The user as returned by /api/auth/login, /api/auth/refresh and /api/me. */
export type SessionUser = Schemas['MeView'];

export type AuthTokens = Schemas['AuthResultView'];

/** The `users` admin resource record (GET /api/admin/users). */
export type AdminUser = Schemas['AdminUserView'];

/** GET/PUT /api/admin/settings. `currency`: ISO 4217; `taxRateBps`: 1500 = 15.00 %. */
export type StoreSettings = Schemas['SettingsView'];

/** Every API error: `{statusCode, error, code, message, errors?}` (docs/api.md#errors). */
export type ApiErrorBody = Schemas['ErrorBodyDto'];

/** GET /api/store/settings (public): what every screen needs to show amounts. */
export type StoreInfo = Schemas['StoreInfoView'];

// ---- Catalog and stock (docs/api.md#catalog-and-stock) ----

/** The `categories` admin resource record. */
export type Category = Schemas['CategoryView'];

/** `{"size": "M", "color": "red"}` */
export type VariantAttributes = Schemas['AdminVariantView']['attributes'];

/** A variant inside an admin product record. `price`/`costPrice` are the effective values; `ownPrice` null: the product's. */
export type ProductVariant = Schemas['AdminVariantView'];

/** The `products` admin resource record. Money in minor units; `lowStockThreshold` null: the store default. */
export type Product = Schemas['AdminProductView'];

/** A product image (docs/api.md#catalog-media): the large size (`url`) and the thumbnail, both under /media/. */
export type ProductImage = Schemas['ProductImageView'];

/** PUT /api/admin/products/:id/images/:imageId */
export type ProductImageUpdate = Schemas['UpdateProductImageDto'];

/** The answer of POST /api/admin/imports/products (dry run or real). */
export type ImportResult = Schemas['ImportResultView'];

/** One problem of an import: `row` is the file's line (the header is line 1). */
export type ImportError = Schemas['ImportErrorView'];

/** The `stock-counts` admin resource record (read only). */
export type StockCount = Schemas['StockCountView'];

/** POST /api/admin/stock-counts */
export type StockCountInput = Schemas['CreateStockCountDto'];

/** A line of GET /api/admin/reports/reorder. */
export type ReorderLine = Schemas['ReorderLine'];

/** A variant in an update body: `price`/`costPrice` null or absent = the product's; never `stock`. */
export type VariantInput = Schemas['UpdateVariantDto'];

/** POST /api/admin/products (variants may carry their opening stock). */
export type ProductInput = Schemas['CreateProductDto'];

/** PUT /api/admin/products/:id: the same fields, partially, without stock. */
export type ProductUpdate = Schemas['UpdateProductDto'];

export type StockReason = Schemas['StockMovementView']['reason'];

export const stockReasons = [
  'initial',
  'adjustment',
  'order_placed',
  'order_cancelled',
  'order_edited',
  'offline_sale',
  'offline_sale_cancelled',
  'purchase_received',
  'stock_count',
  'return_restocked',
] as const satisfies readonly StockReason[];

/** The `stock-movements` admin resource record (read only). */
export type StockMovement = Schemas['StockMovementView'];

/** POST /api/admin/stock-adjustments: `delta` units to add (positive) or remove (negative), not 0. */
export type StockAdjustment = Schemas['StockAdjustmentDto'];

/**
 * A variant with its product's name: the SPA's `variants` lookup resource (built from the
 * products list, see providers/variantLookup.ts), used to name the variants of stock movements.
 */
export type VariantSummary = Pick<ProductVariant, 'id' | 'sku' | 'attributes' | 'stock'> & {
  productId: Product['id'];
  productName: Product['name'];
};

// ---- Coupons (docs/api.md#coupons) ----

export type DiscountType = Schemas['CouponView']['discountType'];
export type CouponStatus = Schemas['CouponView']['status'];

/** The `coupons` admin resource record. `discountValue`: percentage in basis points, fixed in minor units. */
export type Coupon = Schemas['CouponView'];

// ---- Carts (docs/api.md#carts) ----

export type CartStatus = Schemas['CartView']['status'];

/** `shippingCost` per unit; `available` false when the product was withdrawn or the stock no longer covers the quantity. */
export type CartItem = Schemas['CartItemView'];

/** The `carts` admin resource record (read only); `customerId` null for a guest cart. */
export type Cart = Schemas['CartView'];

// ---- Services and notifications (docs/api.md#services-and-notifications) ----

/** The `service-types` admin resource record (Electrician, Plumber, ...). */
export type ServiceType = Schemas['ServiceTypeView'];

export type BookingStatus = Schemas['BookingView']['status'];

/** The `bookings` admin resource record; `serviceName`, `price` and `durationMinutes` are snapshots. */
export type Booking = Schemas['BookingView'];

export type NotificationType = Schemas['NotificationViewDoc']['type'];

/** A notification of the signed-in user (GET /api/me/notifications). */
export type UserNotification = Schemas['NotificationViewDoc'];
/** A kept message (SPEC section 11): the shop's to a customer (or to all), or a customer's to the shop. */
export type Message = Schemas['MessageView'];

// ---- Reports and audit (docs/api.md#back-office-resources) ----

export type RevenueDay = Schemas['RevenueDay'];

/** GET /api/admin/reports/dashboard. Money in minor units; the others are counts. */
export type DashboardReport = Schemas['DashboardView'];

export type SalesGrouping = Schemas['SalesReportView']['groupBy'];

export type SalesTotals = Schemas['SalesTotals'];

export type SalesRow = Schemas['SalesRow'];

/** GET /api/admin/reports/sales?from&to&groupBy */
export type SalesReport = Schemas['SalesReportView'];

/** The `audit-logs` admin resource record (read only, admins only); `changes`: field → [before, after]. */
export type AuditLogEntry = Schemas['AuditLogView'];

/** GET /api/admin/reports/integrity */
export type IntegrityReport = Schemas['IntegrityReport'];

// ---- Integrations (docs/api.md) ----

/** The `api-keys` admin resource record; `secret` only in the answer to its creation. */
export type ApiKey = Schemas['ApiKeyView'];
export type CreatedApiKey = Schemas['CreatedApiKeyView'];

/** The `webhooks` admin resource record; `secret` only in the answer to its creation. */
export type Webhook = Schemas['WebhookView'];
export type CreatedWebhook = Schemas['CreatedWebhookView'];

/** One attempt of `webhook-deliveries` (read only). */
export type WebhookDelivery = Schemas['WebhookDeliveryView'];

/** The `emails` log (read only). */
export type Email = Schemas['EmailView'];

/** What a bulk action (POST …/bulk-<verb> {ids, …}) answers: the ids changed, and the refused ones with their error (docs/api.md#bulk-actions). */
export type BulkResult = Schemas['BulkResultView'];
