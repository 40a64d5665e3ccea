import type { OrderLineView, OrderView, PaymentView } from './dto/order.dto.js';
import type { OrderEntity, OrderLineEntity, PaymentEntity } from './order.entities.js';

export type Audience = 'admin' | 'store';

export const toPaymentView = (p: PaymentEntity): PaymentView => ({
  id: p.id,
  orderId: p.orderId,
  amount: p.amount,
  method: p.method,
  reference: p.reference,
  status: p.status,
  refundedAmount: p.refundedAmount,
  paidAt: p.paidAt,
  refundedAt: p.refundedAt,
  recordedById: p.recordedById,
});

/** An order as the contract shows it; cost prices and payments only to the back office. */
export function toOrderView(order: OrderEntity, lines: OrderLineEntity[], payments: PaymentEntity[], audience: Audience): OrderView {
  const lineViews: OrderLineView[] = lines.map((l) => ({
    id: l.id,
    productId: l.productId,
    variantId: l.variantId,
    productName: l.productName,
    sku: l.sku,
    attributes: l.attributes,
    unitPrice: l.unitPrice,
    ...(audience === 'admin' ? { costPrice: l.costPrice, priceOverridden: l.priceOverridden } : {}),
    shippingCost: l.shippingCost,
    estimatedDeliveryDays: l.estimatedDeliveryDays,
    quantity: l.quantity,
    lineTotal: l.lineTotal,
    thumbnailUrl: l.thumbnailUrl ?? null,
  }));
  return {
    id: order.id,
    number: order.number,
    customerId: order.customerId,
    email: order.email,
    status: order.status,
    paymentStatus: order.paymentStatus,
    paymentMethod: order.paymentMethod,
    lines: lineViews,
    couponCode: order.couponCode,
    subtotal: order.subtotal,
    discountTotal: order.discountTotal,
    shippingTotal: order.shippingTotal,
    taxRateBps: order.taxRateBps,
    taxTotal: order.taxTotal,
    total: order.total,
    paidAmount: order.paidAmount,
    refundedAmount: order.refundedAmount,
    balanceDue: order.status === 'cancelled' ? 0 : Math.max(0, order.total - order.paidAmount),
    shippingAddress: order.shippingAddress,
    estimatedDeliveryDate: order.estimatedDeliveryDate,
    placedAt: order.placedAt,
    updatedAt: order.updatedAt,
    cancelledAt: order.cancelledAt,
    deliveredAt: order.deliveredAt,
    invoiceId: order.invoiceId,
    ...(audience === 'admin' ? { payments: payments.map(toPaymentView) } : {}),
  };
}
