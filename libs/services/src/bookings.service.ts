import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  STORE_MAX_ROWS,
  DomainEventBus,
  SETTLEMENT_STATUSES,
  findPage,
  idempotent,
  inTransaction,
  loadChildren,
  notFound,
  parseInstant,
  paymentRefusal,
  paymentRefused,
  publish,
  requestHash,
  updateRow,
  validationFailed,
  type IdempotentResult,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  ReadReplica,
} from '@chance/core';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { BACK_OFFICE, contactsIn, userExists } from '@chance/identity';
import { offlineCustomerContact } from '@chance/offline-sales';
import { SettingsService } from '@chance/settings';
import { billToOf } from './booking-bill-to.js';
import { deriveBookingPayments, paymentsOf } from './booking-payments.js';
import {
  assertBookingMove,
  assertFuture,
  assertReschedulable,
  BOOKING_STATUSES,
  bookingNumber,
  bookingParty,
  bookingTotals,
  type BookingStatus,
} from './booking-rules.js';
import { BookingEntity, BookingPaymentEntity, ServiceTypeEntity } from './services.entities.js';
import type { BookingPaymentDto, BookingView, UpdateBookingDto } from './dto/services.dto.js';

const bookingFilters = {
  status: { type: 'enum' as const, values: BOOKING_STATUSES },
  scheduledAt_gte: { type: 'date' as const },
  scheduledAt_lte: { type: 'date' as const },
};

export const ADMIN_BOOKING_LIST: ListSpec = {
  resource: 'bookings',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'scheduledAt', 'status', 'price', 'total', 'paymentStatus', 'createdAt'],
  defaultSort: ['scheduledAt', 'ASC'],
  searchable: true,
  filters: {
    ...bookingFilters,
    customerId: { type: 'int' },
    offlineCustomerId: { type: 'int' },
    assigneeId: { type: 'int' },
    serviceTypeId: { type: 'int' },
    paymentStatus: { type: 'enum', values: SETTLEMENT_STATUSES },
    // the calendar's window on scheduledAt: from inclusive, to inclusive (a date-only `to` is the end of that day)
    from: { type: 'date' },
    to: { type: 'date', endOfDay: true },
  },
};

export const STORE_BOOKING_LIST: ListSpec = { ...ADMIN_BOOKING_LIST, maxRows: STORE_MAX_ROWS, filters: bookingFilters };

const BOOKING_COLUMNS: ListColumns = {
  columns: {
    id: 'b.id',
    scheduledAt: 'b.scheduledAt',
    status: 'b.status',
    price: 'b.price',
    total: 'b.total',
    paymentStatus: 'b.paymentStatus',
    createdAt: 'b.createdAt',
    customerId: 'b.customerId',
    offlineCustomerId: 'b.offlineCustomerId',
    assigneeId: 'b.assigneeId',
    serviceTypeId: 'b.serviceTypeId',
  },
  search: ['b.serviceName', 'b.address', 'b.notes'],
  custom: {
    from: (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) => qb.andWhere('b.scheduledAt >= :calendarFrom', { calendarFrom: value }),
    to: (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) => qb.andWhere('b.scheduledAt <= :calendarTo', { calendarTo: value }),
  },
};

/** A booking as the API shows it; `payments` (who recorded what) in admin answers only, as for orders. */
const toBookingView = (b: BookingEntity, payments: BookingPaymentEntity[] | null): BookingView => ({
  id: b.id,
  customerId: b.customerId,
  offlineCustomerId: b.offlineCustomerId,
  assigneeId: b.assigneeId,
  serviceTypeId: b.serviceTypeId,
  serviceName: b.serviceName,
  price: b.price,
  durationMinutes: b.durationMinutes,
  scheduledAt: b.scheduledAt,
  address: b.address,
  notes: b.notes,
  status: b.status,
  subtotal: b.subtotal,
  taxRateBps: b.taxRateBps,
  taxTotal: b.taxTotal,
  total: b.total,
  paidAmount: b.paidAmount,
  balance: b.status === 'cancelled' ? 0 : Math.max(0, b.total - b.paidAmount),
  paymentStatus: b.paymentStatus,
  refundedAmount: b.refundedAmount,
  ...(payments === null
    ? {}
    : {
        payments: payments.map((p) => ({
          id: p.id,
          amount: p.amount,
          method: p.method,
          reference: p.reference,
          refundedAmount: p.refundedAmount,
          paidAt: p.paidAt,
          recordedById: p.recordedById,
        })),
      }),
  invoiceId: b.invoiceId,
  completedAt: b.completedAt,
  cancelledAt: b.cancelledAt,
  createdAt: b.createdAt,
});

export interface NewBooking {
  /** exactly one of customerId (an account) and offlineCustomerId (an in-store customer) */
  customerId?: number | null;
  offlineCustomerId?: number | null;
  assigneeId?: number | null;
  serviceTypeId: number;
  scheduledAt: string;
  address: string;
  notes?: string;
}

/**
 * Bookings of home visits (docs/api.md#services-and-notifications), for an account or an in-store customer,
 * optionally assigned to a staff member: a booking snapshots the service's name and price, is taxed at the store's rate when booked, takes payments that never
 * exceed its total (the booking's row lock, and a CHECK behind it), and issues its invoice when it
 * is completed (`booking.completed`, followed by libs/invoices in the same transaction).
 */
@Injectable()
export class BookingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
    private readonly settings: SettingsService,
    private readonly events: DomainEventBus,
  ) {}

  async list(query: ListQuery, customerId?: number): Promise<ListPage<BookingView>> {
    const run = async (manager: EntityManager) => {
      const qb = manager.createQueryBuilder(BookingEntity, 'b');
      if (customerId !== undefined) qb.where('b.customerId = :customerId', { customerId });
      const page = await findPage('bookings', qb, query, BOOKING_COLUMNS);
      if (customerId !== undefined) return page.map((b) => toBookingView(b, null));
      const payments = await loadChildren(
        manager,
        BookingPaymentEntity,
        'bookingId',
        page.rows.map((b) => b.id),
      );
      return page.map((b) => toBookingView(b, payments.get(b.id) ?? []));
    };
    // a customer's own bookings are read where they were just written; the back office's list from the replica
    return customerId === undefined ? this.reads.onReplica(run) : run(this.dataSource.manager);
  }

  /** A booking, read outside any transaction (committed data), for the controllers; with `customerId`, only that customer's (another's is 404). */
  get(id: number, customerId?: number): Promise<BookingView> {
    return this.getIn(this.dataSource.manager, id, customerId);
  }

  /**
   * Pending bookings that start within `aheadSeconds` and were made longer ago than that before
   * their time (a visit booked for the next few hours needs no reminder), read in the caller's
   * transaction: the reminders due now (docs/api.md#e-mail, 24 h before).
   */
  async dueForReminderIn(
    manager: EntityManager,
    aheadSeconds: number,
  ): Promise<{ bookingId: number; customerId: number; serviceName: string; scheduledAt: Date }[]> {
    // a booking of an in-store customer has no account to e-mail
    const rows = await manager.query(
      `SELECT id, customer_id, service_name, scheduled_at FROM bookings
        WHERE status = 'pending' AND scheduled_at > now() AND scheduled_at <= now() + make_interval(secs => $1) AND customer_id IS NOT NULL
          AND created_at <= scheduled_at - make_interval(secs => $1)
        ORDER BY scheduled_at, id`,
      [aheadSeconds],
    );
    return rows.map((r: { id: number; customer_id: number; service_name: string; scheduled_at: Date }) => ({
      bookingId: r.id,
      customerId: r.customer_id,
      serviceName: r.service_name,
      scheduledAt: r.scheduled_at,
    }));
  }

  /** A booking, read in the caller's transaction; with `customerId`, only that customer's (another's is 404). */
  async getIn(manager: EntityManager, id: number, customerId?: number): Promise<BookingView> {
    const booking = await manager.findOneBy(BookingEntity, { id });
    if (!booking || (customerId !== undefined && booking.customerId !== customerId)) throw notFound('Booking');
    if (customerId !== undefined) return toBookingView(booking, null);
    const payments = await loadChildren(manager, BookingPaymentEntity, 'bookingId', [id]);
    return toBookingView(booking, payments.get(id) ?? []);
  }

  /** Books a visit; `forCustomer`: the customer booked it in the store, and gets the store's answer (no payments list). */
  book(input: NewBooking, actorId: number, forCustomer = false): Promise<BookingView> {
    const party = bookingParty(input.customerId, input.offlineCustomerId);
    const scheduledAt = parseInstant(input.scheduledAt);
    assertFuture(scheduledAt, new Date());
    return inTransaction(this.dataSource, async (manager) => {
      if (party.kind === 'account' && !(await userExists(manager, party.customerId))) throw validationFailed({ customerId: 'does not exist' });
      if (party.kind === 'in_store' && !(await offlineCustomerContact(manager, party.offlineCustomerId)))
        throw validationFailed({ offlineCustomerId: 'does not exist' });
      if (input.assigneeId !== undefined && input.assigneeId !== null) await assertAssignee(manager, input.assigneeId);
      const type = await manager.findOneBy(ServiceTypeEntity, { id: input.serviceTypeId });
      if (!type || !type.isActive) throw validationFailed({ serviceTypeId: 'is not offered' });
      const totals = bookingTotals(type.price, (await this.settings.currentIn(manager)).taxRateBps);
      const customerId = party.kind === 'account' ? party.customerId : null;
      // invoice_id: an explicit NULL, its default reserves the invoice's id on completion
      const [{ id }] = await manager.query(
        `INSERT INTO bookings (customer_id, offline_customer_id, assignee_id, service_type_id, service_name, price, duration_minutes, scheduled_at, address,
                               notes, created_by_id, subtotal, tax_rate_bps, tax_total, total, invoice_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, NULL) RETURNING id`,
        [
          customerId,
          party.kind === 'in_store' ? party.offlineCustomerId : null,
          input.assigneeId ?? null,
          type.id,
          type.name,
          type.price,
          type.durationMinutes,
          scheduledAt,
          input.address.trim(),
          input.notes ?? '',
          actorId,
          totals.subtotal,
          totals.taxRateBps,
          totals.taxTotal,
          totals.total,
        ],
      );
      await publish(manager, 'booking.created', {
        bookingId: id,
        customerId,
        serviceName: type.name,
        scheduledAt: scheduledAt.toISOString(),
      });
      return this.getIn(manager, id, forCustomer ? (customerId ?? undefined) : undefined);
    });
  }

  reschedule(id: number, input: UpdateBookingDto): Promise<BookingView> {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await this.lock(manager, id);
      assertReschedulable(booking.status);
      const scheduledAt = input.scheduledAt ? parseInstant(input.scheduledAt) : undefined;
      if (scheduledAt) assertFuture(scheduledAt, new Date());
      if (input.assigneeId !== undefined && input.assigneeId !== null) await assertAssignee(manager, input.assigneeId);
      await updateRow(
        manager,
        'bookings',
        id,
        { ...input, scheduledAt },
        { scheduledAt: 'scheduled_at', address: 'address', notes: 'notes', assigneeId: 'assignee_id' },
      );
      await publish(manager, 'booking.updated', { bookingId: id, customerId: booking.customerId, serviceName: booking.serviceName, change: 'details' });
      return this.getIn(manager, id);
    });
  }

  /**
   * Moves a pending booking on; with `customerId`, only that customer's own booking. Completing it
   * issues its invoice (`booking.completed`, last: the invoice takes the year's gapless counter);
   * cancelling it gives back what was paid (`booking.cancelled`: the refunds library refunds every
   * payment in this transaction) and it takes no more payments.
   */
  move(id: number, to: Exclude<BookingStatus, 'pending'>, customerId?: number): Promise<BookingView> {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await this.lock(manager, id);
      if (customerId !== undefined && booking.customerId !== customerId) throw notFound('Booking');
      assertBookingMove(booking.status, to);
      // an UPDATE answers [rows, count]
      const [[moved]]: [{ invoice_id: number | null; completed_at: Date | null }[], number] = await manager.query(
        to === 'completed'
          ? `UPDATE bookings SET status = 'completed', completed_at = now(), invoice_id = DEFAULT, updated_at = now() WHERE id = $1 RETURNING invoice_id, completed_at`
          : `UPDATE bookings SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1 RETURNING invoice_id, completed_at`,
        [id],
      );
      await publish(manager, 'booking.updated', {
        bookingId: id,
        customerId: booking.customerId,
        serviceName: booking.serviceName,
        change: 'status',
        from: booking.status,
        to,
      });
      if (to === 'cancelled') {
        await deriveBookingPayments(manager, this.events, { id, total: booking.total, cancelled: true });
        await this.events.raise(manager, 'booking.cancelled', { bookingId: id, number: bookingNumber(booking) });
      } else {
        await this.events.raise(manager, 'booking.completed', {
          bookingId: id,
          invoiceId: moved.invoice_id!,
          completedAt: moved.completed_at!,
          serviceName: booking.serviceName,
          billTo: await billToOf(manager, booking),
          currency: (await this.settings.currentIn(manager)).currency,
          subtotal: booking.subtotal,
          taxRateBps: booking.taxRateBps,
          taxTotal: booking.taxTotal,
          total: booking.total,
          paidAmount: booking.paidAmount,
          paymentStatus: booking.paymentStatus,
        });
      }
      return this.getIn(manager, id, customerId);
    });
  }

  /**
   * One payment (docs/api.md#services-and-notifications): a positive amount of at most the balance (409
   * OVERPAYMENT), never on a cancelled booking (409 INVALID_TRANSITION), checked on the locked
   * booking, so concurrent payments queue and the later ones see the earlier; the booking's
   * payment state and its invoice's follow. With an Idempotency-Key, a retried request records it once.
   */
  pay(id: number, input: BookingPaymentDto, actorId: number, key?: string): Promise<IdempotentResult<BookingView>> {
    return inTransaction(this.dataSource, async (manager) => {
      const work = async () => {
        const booking = await this.lock(manager, id);
        const refusal = paymentRefusal(input.amount, {
          total: booking.total,
          cancelled: booking.status === 'cancelled',
          payments: await paymentsOf(manager, id),
        });
        if (refusal) throw paymentRefused(refusal, { noun: 'booking', currency: (await this.settings.currentIn(manager)).currency });
        await manager.query('INSERT INTO booking_payments (booking_id, amount, method, reference, recorded_by_id) VALUES ($1, $2, $3, $4, $5)', [
          id,
          input.amount,
          input.method,
          input.reference?.trim() || null,
          actorId,
        ]);
        await deriveBookingPayments(manager, this.events, { id, total: booking.total, cancelled: booking.status === 'cancelled' });
        await publish(manager, 'booking.updated', { bookingId: id, customerId: booking.customerId, serviceName: booking.serviceName, change: 'payment' });
        return { status: 201, body: await this.getIn(manager, id) };
      };
      if (key === undefined) return { ...(await work()), replayed: false };
      return idempotent(manager, { scope: `booking-payment:${id}:staff:${actorId}`, key, hash: requestHash(input) }, work);
    });
  }

  /** The booking, locked for the rest of the caller's transaction (its changes and refunds queue here). */
  async lock(manager: EntityManager, id: number): Promise<BookingEntity> {
    const booking = await manager.createQueryBuilder(BookingEntity, 'b').setLock('pessimistic_write').where('b.id = :id', { id }).getOne();
    if (!booking) throw notFound('Booking');
    return booking;
  }
}

/** An assignee is an active admin or staff member (400 on assigneeId otherwise). */
async function assertAssignee(manager: EntityManager, assigneeId: number): Promise<void> {
  const [contact] = await contactsIn(manager, [assigneeId]);
  if (!contact || !BACK_OFFICE.includes(contact.role)) throw validationFailed({ assigneeId: 'must be an active admin or staff member' });
}
