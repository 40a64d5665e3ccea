/** English messages: react-admin's, plus the store's resource names and a few wording tweaks. */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

const messages: TranslationMessages = {
  ...englishMessages,
  resources: {
    users: {
      name: 'User |||| Users',
      fields: {
        email: 'Email',
        fullName: 'Full name',
        phone: 'Phone',
        address: 'Address',
        role: 'Role',
        isActive: 'Active',
        password: 'Password',
        emailVerifiedAt: 'Email verified',
        phoneVerifiedAt: 'Phone verified',
        createdAt: 'Created',
        updatedAt: 'Updated',
        q: 'Search',
      },
    },
    customers: {
      name: 'Customer |||| Customers',
      fields: {
        fullName: 'Name',
        email: 'E-mail',
        phone: 'Phone',
        notes: 'Notes',
        ordersCount: 'Orders',
        offlineSalesCount: 'In-store sales',
        bookingsCount: 'Bookings',
        lifetimeValue: 'Lifetime value',
        outstandingBalance: 'Owes',
        lastActivityAt: 'Last activity',
        isActive: 'Active',
        createdAt: 'Customer since',
        q: 'Search',
      },
    },
    categories: {
      name: 'Category |||| Categories',
      fields: {
        name: 'Name',
        slug: 'Slug',
        description: 'Description',
        parentId: 'Parent category',
        q: 'Search',
      },
    },
    products: {
      name: 'Product |||| Products',
      fields: {
        name: 'Name',
        slug: 'Slug',
        description: 'Description',
        categoryId: 'Category',
        price: 'Price',
        costPrice: 'Cost price',
        shippingCost: 'Shipping cost per unit',
        estimatedDeliveryDays: 'Delivery time (days)',
        isActive: 'Active',
        lowStockThreshold: 'Low-stock threshold',
        effectiveLowStockThreshold: 'Low-stock threshold',
        stock: 'Stock',
        lowStock: 'Low stock',
        inStock: 'In stock',
        variants: 'Variants',
        'variants.sku': 'SKU',
        'variants.attributes': 'Attributes',
        'variants.price': 'Own price',
        'variants.costPrice': 'Own cost price',
        'variants.stock': 'Opening stock',
        createdAt: 'Created',
        updatedAt: 'Updated',
        q: 'Search',
      },
    },
    'stock-movements': {
      name: 'Stock movement |||| Stock movements',
      fields: {
        createdAt: 'Date',
        variantId: 'Variant',
        productId: 'Product',
        delta: 'Change',
        reason: 'Reason',
        reference: 'Reference',
        note: 'Note',
        createdById: 'By',
        createdAt_gte: 'From',
        createdAt_lte: 'Until',
        q: 'Search notes',
      },
    },
    coupons: {
      name: 'Coupon |||| Coupons',
      fields: {
        code: 'Code',
        description: 'Description',
        discountType: 'Discount type',
        discountValue: 'Discount',
        maxDiscount: 'Maximum discount',
        minPurchase: 'Minimum purchase',
        validFrom: 'Valid from',
        validTo: 'Valid until',
        usageLimit: 'Usage limit',
        perCustomerLimit: 'Uses per customer',
        isActive: 'Active',
        timesUsed: 'Times used',
        status: 'Status',
        createdAt: 'Created',
        updatedAt: 'Updated',
        q: 'Search',
      },
    },
    carts: {
      name: 'Cart |||| Carts',
      fields: {
        id: 'Cart',
        customerId: 'Customer',
        status: 'Status',
        items: 'Items',
        couponCode: 'Coupon',
        subtotal: 'Subtotal',
        discountTotal: 'Discount',
        shippingTotal: 'Shipping',
        taxTotal: 'Tax',
        total: 'Total',
        guest: 'Guest carts',
        hasItems: 'With items',
        createdAt: 'Started',
        updatedAt: 'Last activity',
        updatedAt_gte: 'Active since',
        updatedAt_lte: 'Inactive since',
      },
    },
    'service-types': {
      name: 'Service |||| Services',
      fields: {
        name: 'Name',
        description: 'Description',
        price: 'Price',
        durationMinutes: 'Duration (minutes)',
        isActive: 'Bookable',
        q: 'Search',
      },
    },
    bookings: {
      name: 'Booking |||| Bookings',
      fields: {
        customerId: 'Customer',
        serviceTypeId: 'Service',
        serviceName: 'Service (as booked)',
        price: 'Price',
        durationMinutes: 'Duration (minutes)',
        scheduledAt: 'Visit time',
        address: 'Address',
        notes: 'Notes',
        status: 'Status',
        completedAt: 'Completed',
        cancelledAt: 'Cancelled',
        createdAt: 'Booked',
        createdById: 'Booked by',
        q: 'Search',
      },
    },
    'stock-counts': {
      name: 'Stock count |||| Stock counts',
      fields: { number: 'Number', note: 'Note', createdAt: 'Saved', createdById: 'By', startedAt: 'Counting began', q: 'Search' },
    },
    returns: { name: 'Return |||| Returns' },
    refunds: { name: 'Refund |||| Refunds' },
    'credit-notes': { name: 'Credit note |||| Credit notes' },
    notifications: {
      name: 'Notification |||| Notifications',
      fields: { title: 'Title', body: 'Message', type: 'Kind', readAt: 'Read', createdAt: 'Received' },
    },
    messages: {
      name: 'Message |||| Messages',
      fields: { createdAt: 'Sent', direction: 'Direction', userId: 'Customer', title: 'Title', body: 'Message', q: 'Search' },
    },
    'audit-logs': {
      name: 'Audit log entry |||| Audit log',
      fields: { at: 'When', actorId: 'By', action: 'Action', resource: 'Record', changes: 'Changes' },
    },
    'api-keys': {
      name: 'API key |||| API keys',
      fields: { name: 'Name', role: 'Role', expiresAt: 'Expires', q: 'Search' },
    },
    webhooks: {
      name: 'Webhook |||| Webhooks',
      fields: { url: 'URL', events: 'Events', description: 'Description', isActive: 'Active', q: 'Search' },
    },
    'webhook-deliveries': {
      name: 'Webhook delivery |||| Webhook deliveries',
      fields: { status: 'Status', attempt: 'Attempt', type: 'Event', createdAt: 'When' },
    },
    emails: {
      name: 'E-mail |||| E-mails',
      fields: { to: 'To', subject: 'Subject', template: 'Kind', status: 'Status', attempts: 'Attempts', q: 'Search' },
    },
    settings: {
      name: 'Store settings |||| Store settings',
      fields: { storeName: 'Store name', currency: 'Currency', taxRateBps: 'Tax rate', lowStockThreshold: 'Low-stock threshold' },
    },
    variants: {
      name: 'Variant |||| Variants',
      fields: { sku: 'SKU', attributes: 'Attributes', price: 'Own price', costPrice: 'Own cost price', stock: 'Stock' },
    },
  },
  chance: {
    menu: {
      sales: 'Sales',
      catalog: 'Catalog',
      purchasing: 'Purchasing',
      inStore: 'In-store',
      services: 'Services',
      customers: 'Customers',
      settings: 'Settings',
      storeSettings: 'Store settings',
      salesReport: 'Sales report',
      customerAccounts: 'Customer accounts',
      users: 'Users',
      sendMessage: 'Send a message',
      productImport: 'Import / export',
      reorder: 'Reorder',
      integrations: 'Integrations',
    },
  },
};

/**
 * What a saved, created or deleted record is called in the toast: "Product created" rather than
 * react-admin's "Element created" (read first as resources.<name>.notifications.<event>).
 */
const RECORD_WORDS: Record<string, string> = {
  orders: 'Order',
  invoices: 'Invoice',
  payments: 'Payment',
  suppliers: 'Supplier',
  purchases: 'Purchase',
  'purchase-invoices': 'Purchase invoice',
  'offline-sales': 'In-store sale',
  'offline-customers': 'In-store customer',
};

/** The singular of every resource the messages name, and of RECORD_WORDS. */
function recordWordOf(resource: string, name: unknown): string | undefined {
  return RECORD_WORDS[resource] ?? (typeof name === 'string' ? name.split('||||')[0].trim() : undefined);
}

const resourceMessages = messages.resources as Record<string, Record<string, unknown>>;
for (const resource of new Set([...Object.keys(resourceMessages), ...Object.keys(RECORD_WORDS)])) {
  const word = recordWordOf(resource, resourceMessages[resource]?.name);
  if (!word) continue;
  resourceMessages[resource] = {
    ...resourceMessages[resource],
    notifications: { created: `${word} created`, updated: `${word} saved`, deleted: `${word} deleted` },
  };
}
// a resource without words of its own: never "Element"
messages.ra = {
  ...englishMessages.ra,
  // asked (window.confirm) when a form with unsaved changes is left
  message: { ...englishMessages.ra.message, unsaved_changes: 'This form has changes that are not saved. Leave it and lose them?' },
  notification: {
    ...englishMessages.ra.notification,
    created: 'Created',
    updated: 'Saved |||| %{smart_count} saved',
    deleted: 'Deleted |||| %{smart_count} deleted',
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], {
  allowMissing: true,
});
