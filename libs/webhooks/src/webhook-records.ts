import { Injectable } from '@nestjs/common';
import { DomainError, type OutboxEvent } from '@chance/core';
import { ProductsService } from '@chance/catalog';
import { UsersService, toAdminUserView } from '@chance/identity';
import { OfflineSalesService } from '@chance/offline-sales';
import { OrderReaderService } from '@chance/orders';
import { PurchasesService } from '@chance/purchasing';
import { ReturnsReader } from '@chance/returns';
import { BookingsService } from '@chance/services';
import type { DeliveredEvent } from './webhook-events.js';

/**
 * The `data` of a webhook event: the record the event is about, as the admin API shows it
 * (`GET /api/admin/<resource>/:id`), read when the event is sent out (right after its commit)
 * through the owning library's service. A record deleted in the meantime is `{id}`.
 */
@Injectable()
export class WebhookRecords {
  constructor(
    private readonly orders: OrderReaderService,
    private readonly products: ProductsService,
    private readonly users: UsersService,
    private readonly sales: OfflineSalesService,
    private readonly purchases: PurchasesService,
    private readonly bookings: BookingsService,
    private readonly returns: ReturnsReader,
  ) {}

  async dataOf(event: OutboxEvent<DeliveredEvent>): Promise<unknown> {
    const [id, load] = this.loader(event);
    try {
      return await load();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return { id };
      throw error;
    }
  }

  private loader(event: OutboxEvent<DeliveredEvent>): [number, () => Promise<unknown>] {
    switch (event.type) {
      case 'order.placed':
      case 'order.updated':
      case 'order.cancelled':
        return [event.payload.orderId, () => this.orders.view(event.payload.orderId, 'admin')];
      case 'refund.created':
        return [event.payload.refundId, () => this.returns.refund(event.payload.refundId)];
      case 'return.updated':
        return [event.payload.returnId, () => this.returns.view(event.payload.returnId, 'admin')];
      case 'offline_sale.created':
      case 'offline_sale.updated':
        return [event.payload.saleId, () => this.sales.view(event.payload.saleId)];
      case 'booking.created':
      case 'booking.updated':
        return [event.payload.bookingId, () => this.bookings.get(event.payload.bookingId)];
      case 'purchase.received':
        return [event.payload.purchaseId, () => this.purchases.view(event.payload.purchaseId)];
      case 'product.updated':
      case 'stock.low':
        return [event.payload.productId, () => this.products.getForAdmin(event.payload.productId)];
      case 'customer.created':
        return [event.payload.userId, async () => toAdminUserView(await this.users.get(event.payload.userId))];
    }
  }
}
