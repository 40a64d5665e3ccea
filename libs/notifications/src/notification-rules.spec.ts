import { NOTIFYING_EVENTS, notificationsFor, type NotifyingEvent } from './notification-rules.js';

const order = { orderId: 1, number: 'ORD-000001', customerId: 2, email: 'c@b.co' };

describe('notificationsFor', () => {
  it('tells the customer and the staff about a new order, only the staff about a guest order', () => {
    const drafts = notificationsFor({ type: 'order.placed', payload: { orderId: 7, number: 'ORD-000007', customerId: 3, email: 'a@b.co', total: 100 } });
    expect(drafts.map((d) => [d.audience, d.type])).toEqual([
      [{ kind: 'user', userId: 3 }, 'order_update'],
      [{ kind: 'staff' }, 'order_update'],
    ]);
    expect(drafts[0].link).toEqual({ resource: 'orders', id: 7 });
    const guest = notificationsFor({ type: 'order.placed', payload: { orderId: 8, number: 'ORD-000008', customerId: null, email: 'g@b.co', total: 100 } });
    expect(guest.map((d) => d.audience)).toEqual([{ kind: 'staff' }]);
  });

  it('words status and payment changes for people, a cancellation as a status change', () => {
    const [moved] = notificationsFor({ type: 'order.updated', payload: { ...order, change: 'status', from: 'pending', to: 'processing' } });
    expect(moved.title).toBe('Order ORD-000001 is being prepared');
    expect(moved.body).toBe('It was pending.');
    const [paid] = notificationsFor({ type: 'order.updated', payload: { ...order, change: 'payment', from: 'unpaid', to: 'partially_paid' } });
    expect(paid.title).toBe('Order ORD-000001 is now partially paid');
    expect(paid.body).toBe('Payment status changed from unpaid.');
    const [cancelled] = notificationsFor({ type: 'order.cancelled', payload: { ...order, change: 'status', from: 'pending', to: 'cancelled' } });
    expect(cancelled).toMatchObject({ audience: { kind: 'user', userId: 2 }, title: 'Order ORD-000001 is cancelled', link: { resource: 'orders', id: 1 } });
  });

  it('tells the customer that staff edited their order', () => {
    const [edited] = notificationsFor({ type: 'order.updated', payload: { ...order, change: 'edited', from: 5000, to: 7000 } });
    expect(edited).toMatchObject({
      audience: { kind: 'user', userId: 2 },
      type: 'order_update',
      title: 'Order ORD-000001 was changed',
      link: { resource: 'orders', id: 1 },
    });
  });

  it('sends price drops and restocks to cart holders, low stock to staff, and nothing about a plain edit', () => {
    const dropped = notificationsFor({
      type: 'product.updated',
      payload: { productId: 5, variantId: 9, reason: 'price_dropped', oldPrice: 200, newPrice: 150 },
    });
    expect(dropped[0].audience).toEqual({ kind: 'cart-holders', productId: 5 });
    const back = notificationsFor({ type: 'product.updated', payload: { productId: 5, variantId: 9, reason: 'back_in_stock', stock: 2, threshold: 1 } });
    expect(back[0]).toMatchObject({ audience: { kind: 'cart-holders', productId: 5 }, title: 'Back in stock' });
    expect(
      notificationsFor({ type: 'stock.low', payload: { productId: 5, variantId: 9, productName: 'Blue mug', sku: 'MUG-B', stock: 1, threshold: 3 } })[0],
    ).toEqual({
      audience: { kind: 'staff' },
      type: 'low_stock',
      title: 'Low stock: Blue mug',
      body: 'Blue mug (SKU MUG-B) is down to 1 (threshold 3).',
      link: { resource: 'products', id: 5 },
    });
    expect(notificationsFor({ type: 'product.updated', payload: { productId: 5, reason: 'edited' } })).toEqual([]);
  });

  it('routes messages to one user, every customer, or the staff', () => {
    const message = { fromUserId: 1, title: 't', body: 'b' };
    expect(notificationsFor({ type: 'message.sent', payload: { ...message, toUserId: 4 } })[0].audience).toEqual({ kind: 'user', userId: 4 });
    expect(notificationsFor({ type: 'message.sent', payload: { ...message, toUserId: null } })[0].audience).toEqual({ kind: 'all-customers' });
    expect(notificationsFor({ type: 'message.sent', payload: { ...message, toUserId: null, toStaff: true } })[0].audience).toEqual({ kind: 'staff' });
  });

  it("names a customer's message's sender in its title and links to them; the shop's messages keep their own title", () => {
    const fromCustomer = { fromUserId: 7, fromName: 'Ada Lovelace', toUserId: null, toStaff: true, title: 'Sunday?', body: 'Do you deliver on Sunday?' };
    expect(notificationsFor({ type: 'message.sent', payload: fromCustomer })).toEqual([
      {
        audience: { kind: 'staff' },
        type: 'message',
        title: 'Message from Ada Lovelace: Sunday?',
        body: 'Do you deliver on Sunday?',
        link: { resource: 'customers', id: 7 },
      },
    ]);
    // an event published before messages named their sender
    expect(notificationsFor({ type: 'message.sent', payload: { ...fromCustomer, fromName: undefined } })[0].title).toBe('Message from a customer: Sunday?');
    expect(notificationsFor({ type: 'message.sent', payload: { fromUserId: 1, toUserId: 7, title: 'Yes', body: 'We do.' } })[0]).toMatchObject({
      title: 'Yes',
      link: null,
    });
  });

  it('tells a customer about their bookings, but not about a change of its details', () => {
    const booking = { bookingId: 3, customerId: 2, serviceName: 'Plumber' };
    const [created] = notificationsFor({ type: 'booking.created', payload: { ...booking, scheduledAt: '2026-12-01T10:00:00.000Z' } });
    expect(created).toMatchObject({
      title: 'Plumber booked',
      body: 'Your visit is scheduled for 2026-12-01 10:00 UTC.',
      link: { resource: 'bookings', id: 3 },
    });
    const [done] = notificationsFor({ type: 'booking.updated', payload: { ...booking, change: 'status', from: 'pending', to: 'completed' } });
    expect(done.title).toBe('Plumber visit completed');
    expect(notificationsFor({ type: 'booking.updated', payload: { ...booking, change: 'details' } })).toEqual([]);
  });

  it('tells the customer of every refund with its amount, and of every step of their return', () => {
    const refund = {
      refundId: 4,
      number: 'RF-000004',
      amount: 1250,
      currency: 'USD',
      method: 'card',
      orderId: 1,
      offlineSaleId: null,
      bookingId: null,
      returnId: 2,
      recordNumber: 'ORD-000001',
      customerId: 2,
      creditNoteId: 9,
      email: 'ada@example.com',
    };
    expect(notificationsFor({ type: 'refund.created', payload: refund })).toEqual([
      {
        audience: { kind: 'user', userId: 2 },
        type: 'order_update',
        title: '$12.50 refunded for ORD-000001',
        body: 'It goes back to your card; your bank may take a few days to show it.',
        link: { resource: 'orders', id: 1 },
      },
    ]);
    expect(notificationsFor({ type: 'refund.created', payload: { ...refund, method: 'cash' } })[0].body).toBe('Paid back by cash.');
    // an in-store sale's customer has no account; a guest order's neither
    expect(notificationsFor({ type: 'refund.created', payload: { ...refund, orderId: null, offlineSaleId: 3, customerId: null } })).toEqual([]);
    const ret = { returnId: 2, number: 'RET-000002', orderId: 1, offlineSaleId: null, recordNumber: 'ORD-000001', customerId: 2, email: 'ada@example.com' };
    for (const to of ['requested', 'approved', 'received', 'refunded', 'rejected', 'cancelled'] as const) {
      const [told] = notificationsFor({ type: 'return.updated', payload: { ...ret, from: null, to } });
      expect(told).toMatchObject({ audience: { kind: 'user', userId: 2 }, type: 'order_update', link: { resource: 'orders', id: 1 } });
      expect(told.title).toMatch(/^Return RET-000002 for ORD-000001 /);
    }
    // the payment status's move to refunded is told by the refund itself, once
    expect(notificationsFor({ type: 'order.updated', payload: { ...order, change: 'payment', from: 'paid', to: 'partially_refunded' } })).toEqual([]);
  });

  it('produces something for an event of every type it subscribes to', () => {
    const samples: NotifyingEvent[] = [
      { type: 'order.placed', payload: { ...order, total: 1 } },
      { type: 'order.updated', payload: { ...order, change: 'payment', from: 'unpaid', to: 'paid' } },
      { type: 'order.cancelled', payload: { ...order, change: 'status', from: 'processing', to: 'cancelled' } },
      { type: 'product.updated', payload: { productId: 1, variantId: 1, reason: 'back_in_stock', stock: 1, threshold: 0 } },
      { type: 'stock.low', payload: { productId: 1, variantId: 1, productName: 'P', sku: 'S', stock: 0, threshold: 1 } },
      { type: 'booking.created', payload: { bookingId: 1, customerId: 1, serviceName: 'S', scheduledAt: '2026-12-01T10:00:00Z' } },
      { type: 'booking.updated', payload: { bookingId: 1, customerId: 1, serviceName: 'S', change: 'status', from: 'pending', to: 'cancelled' } },
      { type: 'message.sent', payload: { fromUserId: 1, toUserId: 2, title: 't', body: 'b' } },
      { type: 'webhook.deactivated', payload: { webhookId: 4, url: 'https://hooks.example.com/x', failingSince: '2026-12-01T00:00:00.000Z' } },
      {
        type: 'refund.created',
        payload: {
          refundId: 1,
          number: 'RF-000001',
          amount: 1,
          currency: 'USD',
          method: 'cash',
          orderId: 1,
          offlineSaleId: null,
          bookingId: null,
          returnId: null,
          recordNumber: 'ORD-000001',
          customerId: 2,
          creditNoteId: 1,
          email: 'ada@example.com',
        },
      },
      {
        type: 'return.updated',
        payload: {
          returnId: 1,
          number: 'RET-000001',
          orderId: 1,
          offlineSaleId: null,
          recordNumber: 'ORD-000001',
          customerId: 2,
          from: 'requested',
          to: 'approved',
          email: 'ada@example.com',
        },
      },
    ];
    expect(samples.map((event) => event.type).sort()).toEqual([...NOTIFYING_EVENTS].sort());
    for (const event of samples) expect([event.type, notificationsFor(event).length > 0]).toEqual([event.type, true]);
  });

  it('tells the admins, and only them, that a webhook was deactivated, linking to it', () => {
    const [draft, ...more] = notificationsFor({
      type: 'webhook.deactivated',
      payload: { webhookId: 4, url: 'https://hooks.example.com/x', failingSince: '2026-12-01T00:00:00.000Z' },
    });
    expect(more).toEqual([]);
    expect(draft).toMatchObject({ audience: { kind: 'admins' }, type: 'message', link: { resource: 'webhooks', id: 4 } });
    expect(draft.body).toContain('https://hooks.example.com/x');
  });
});
