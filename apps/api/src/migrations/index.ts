import { Platform1764100000000 } from './1764100000000-platform.js';
import { Catalog1764100001000 } from './1764100001000-catalog.js';
import { CouponsCarts1764100002000 } from './1764100002000-coupons-carts.js';
import { Orders1764100003000 } from './1764100003000-orders.js';
import { Purchasing1764100004000 } from './1764100004000-purchasing.js';
import { OfflineSales1764100005000 } from './1764100005000-offline-sales.js';
import { ServicesNotifications1764100006000 } from './1764100006000-services-notifications.js';
import { Audit1764100007000 } from './1764100007000-audit.js';
import { StoreListIndexes1764100008000 } from './1764100008000-store-list-indexes.js';
import { CostOfGoods1764100009000 } from './1764100009000-cost-of-goods.js';
import { RevenueDays1764100010000 } from './1764100010000-revenue-days.js';
import { Sessions1765100200000 } from './1765100200000-sessions.js';
import { PaymentIntents1765100300000 } from './1765100300000-payment-intents.js';
import { OrderInvoiceId1765100500000 } from './1765100500000-order-invoice-id.js';
import { OutboxEventNames1765100501000 } from './1765100501000-outbox-event-names.js';
import { RefundsReturns1765101600000 } from './1765101600000-refunds-returns.js';
import { ApiKeys1765101900000 } from './1765101900000-api-keys.js';
import { PasswordResets1765101901000 } from './1765101901000-password-resets.js';
import { Webhooks1765101902000 } from './1765101902000-webhooks.js';
import { Emails1765101903000 } from './1765101903000-emails.js';
import { CatalogMedia1765102000000 } from './1765102000000-catalog-media.js';
import { DraftOrders1765102100000 } from './1765102100000-draft-orders.js';
import { Retention1765102300000 } from './1765102300000-retention.js';
import { Messages1765102400000 } from './1765102400000-messages.js';
import { PaidServices1765102800000 } from './1765102800000-paid-services.js';
import { ListSortIndexes1765102600000 } from './1765102600000-list-sort-indexes.js';
import { Customers1765102700000 } from './1765102700000-customers.js';
import { CustomerBookings1765102900000 } from './1765102900000-customer-bookings.js';
import { InvoiceNumberAtCommit1765103000000 } from './1765103000000-invoice-number-at-commit.js';

/** Every migration, oldest first: the schema's history (tests build their databases with them too). */
export const migrations = [
  Platform1764100000000,
  Catalog1764100001000,
  CouponsCarts1764100002000,
  Orders1764100003000,
  Purchasing1764100004000,
  OfflineSales1764100005000,
  ServicesNotifications1764100006000,
  Audit1764100007000,
  StoreListIndexes1764100008000,
  CostOfGoods1764100009000,
  RevenueDays1764100010000,
  Sessions1765100200000,
  PaymentIntents1765100300000,
  OrderInvoiceId1765100500000,
  OutboxEventNames1765100501000,
  RefundsReturns1765101600000,
  ApiKeys1765101900000,
  PasswordResets1765101901000,
  Webhooks1765101902000,
  Emails1765101903000,
  CatalogMedia1765102000000,
  DraftOrders1765102100000,
  Retention1765102300000,
  Messages1765102400000,
  PaidServices1765102800000,
  ListSortIndexes1765102600000,
  Customers1765102700000,
  CustomerBookings1765102900000,
  InvoiceNumberAtCommit1765103000000,
];
