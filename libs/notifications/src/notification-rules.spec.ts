import { NOTIFYING_EVENTS, notificationsFor } from './notification-rules.js';

describe('notificationsFor', () => {
  it('tells the customer and the staff about a new order, only the staff about a guest order', () => {
    const drafts = notificationsFor('orders.order_placed', { orderId: 7, number: 'ORD-000007', customerId: 3, email: 'a@b.co' });
    expect(drafts.map((d) => [d.audience, d.type])).toEqual([
      [{ kind: 'user', userId: 3 }, 'order_update'],
      [{ kind: 'staff' }, 'order_update'],
    ]);
    expect(drafts[0].link).toEqual({ resource: 'orders', id: 7 });
    const guest = notificationsFor('orders.order_placed', { orderId: 8, number: 'ORD-000008', customerId: null, email: 'g@b.co' });
    expect(guest.map((d) => d.audience)).toEqual([{ kind: 'staff' }]);
  });

  it('words status changes for people', () => {
    const [draft] = notificationsFor('orders.status_changed', { orderId: 1, number: 'ORD-000001', customerId: 2, from: 'pending', to: 'processing' });
    expect(draft.title).toBe('Order ORD-000001 is being prepared');
  });

  it('sends price drops and restocks to cart holders, low stock to staff', () => {
    expect(notificationsFor('catalog.price_dropped', { productId: 5, variantId: 9 })[0].audience).toEqual({ kind: 'cart-holders', productId: 5 });
    expect(notificationsFor('catalog.variant_back_in_stock', { productId: 5, variantId: 9 })[0].audience).toEqual({ kind: 'cart-holders', productId: 5 });
    expect(notificationsFor('catalog.variant_low_stock', { productId: 5, variantId: 9, stock: 1, threshold: 3 })[0]).toMatchObject({
      audience: { kind: 'staff' },
      type: 'low_stock',
    });
  });

  it('routes messages to one user, every customer, or the staff', () => {
    expect(notificationsFor('notifications.message', { toUserId: 4, title: 't', body: 'b' })[0].audience).toEqual({ kind: 'user', userId: 4 });
    expect(notificationsFor('notifications.message', { toUserId: null, title: 't', body: 'b' })[0].audience).toEqual({ kind: 'all-customers' });
    expect(notificationsFor('notifications.message', { toStaff: true, title: 't', body: 'b' })[0].audience).toEqual({ kind: 'staff' });
  });

  it('produces something for every event it subscribes to, and nothing for others', () => {
    const payload = {
      orderId: 1,
      number: 'N',
      customerId: 1,
      email: 'e',
      from: 'a',
      to: 'b',
      productId: 1,
      variantId: 1,
      stock: 0,
      threshold: 1,
      bookingId: 1,
      serviceName: 'S',
      scheduledAt: '2026-12-01T10:00:00Z',
      title: 't',
      body: 'b',
    };
    for (const type of NOTIFYING_EVENTS) expect([type, notificationsFor(type, payload).length > 0]).toEqual([type, true]);
    expect(notificationsFor('identity.user_created', payload)).toEqual([]);
  });
});
