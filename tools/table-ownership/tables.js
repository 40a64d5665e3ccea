// Which library owns which table (docs/architecture.md, "Each library owns its tables").
//
// Only the owner names its tables in SQL or maps them as entities; another library calls the
// owner's exported functions. Every table and view a migration creates must be listed here
// (npm run lint refuses a CREATE TABLE or CREATE VIEW of a name it does not know), so a new table
// gets its owner the day it is made. The owner is the library that writes the rows and keeps
// their invariants, whichever migration happened to create the table.

/** table or view → the library (folder under libs/) that owns it */
export const TABLE_OWNERS = {
  // core: machinery every library uses through core's functions
  document_counters: 'core', // nextDocumentNumber, documentNumberSql
  outbox_events: 'core', // publish, the relay
  outbox_deliveries: 'core',
  idempotency_keys: 'core', // idempotent
  rate_limit_hits: 'core', // RateLimiter
  retention_runs: 'core', // Retention: each rule's last cut-off

  users: 'identity',
  profiles: 'identity',
  refresh_tokens: 'identity',
  sessions: 'identity',
  otp_codes: 'identity',
  api_keys: 'identity', // a second passport strategy beside the JWT one
  password_reset_tokens: 'identity',
  customer_accounts: 'identity', // notes and the figures the customers list sorts by, kept by triggers on orders, sales, bookings

  settings: 'settings',

  categories: 'catalog',
  products: 'catalog',
  variants: 'catalog',
  stock_movements: 'catalog',
  product_images: 'catalog', // variantThumbnails for order and sale lines
  stock_counts: 'catalog',
  stock_count_lines: 'catalog',

  coupons: 'coupons',
  coupon_redemptions: 'coupons',

  carts: 'cart',
  cart_items: 'cart',

  orders: 'orders',
  order_lines: 'orders',
  payments: 'orders',
  test_payment_charges: 'orders', // the test card provider's ledger

  invoices: 'invoices',
  credit_notes: 'invoices', // issued on refund.succeeded, numbered like invoices

  refunds: 'returns',
  returns: 'returns',
  return_lines: 'returns',

  suppliers: 'purchasing',
  purchases: 'purchasing',
  purchase_lines: 'purchasing',
  purchase_invoices: 'purchasing',

  offline_customers: 'offline-sales',
  offline_sales: 'offline-sales',
  offline_sale_lines: 'offline-sales',
  offline_sale_payments: 'offline-sales',

  service_types: 'services',
  bookings: 'services',
  booking_payments: 'services',

  notifications: 'notifications',
  messages: 'notifications', // the messages records (SPEC section 11), written with their outbox event

  audit_logs: 'audit',

  webhooks: 'webhooks',
  webhook_events: 'webhooks', // each event's body, signed as these bytes on every attempt
  webhook_deliveries: 'webhooks',

  emails: 'mail',

  revenue_days: 'reports',
  revenue_changes: 'reports',
  revenue_by_day: 'reports',
};

/**
 * The only places a library may name a table it does not own, each with its reason. Keep this
 * list short: an entry is a seam the table's owner cannot see when it changes its schema.
 * `tables: '*'` means every table; `read: true` means only in statements that read (no INSERT,
 * UPDATE, DELETE, TRUNCATE, ALTER, DROP or CREATE in the same string).
 */
export const EXCEPTIONS = [
  {
    library: 'reports',
    tables: '*',
    read: true,
    why:
      'reports are the read side: the dashboard, the sales report and the invariant checker compare ' +
      'records across libraries (an order against its invoice, stock against its ledger), and a customer’s ' +
      'timeline lists its orders, in-store sales, bookings, refunds and messages together, on committed ' +
      'data, outside any command. They read every table and write only their own; the e2e tests of ' +
      'reports and of the invariant checker break when an owner changes what they read.',
  },
];
