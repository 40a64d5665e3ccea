import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  STORE_MAX_ROWS,
  findPage,
  inTransaction,
  notFound,
  parseInstant,
  publish,
  updateRow,
  validationFailed,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  ReadReplica,
} from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { userExists } from '@chance/identity';
import { assertBookingMove, assertFuture, BOOKING_STATUSES, type BookingStatus } from './booking-rules.js';
import { BookingEntity, ServiceTypeEntity } from './services.entities.js';
import type { BookingView, CreateServiceTypeDto, ServiceTypeView, UpdateBookingDto, UpdateServiceTypeDto } from './dto/services.dto.js';

const bookingFilters = {
  status: { type: 'enum' as const, values: BOOKING_STATUSES },
  scheduledAt_gte: { type: 'date' as const },
  scheduledAt_lte: { type: 'date' as const },
};

export const ADMIN_BOOKING_LIST: ListSpec = {
  resource: 'bookings',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'scheduledAt', 'status', 'price', 'createdAt'],
  defaultSort: ['scheduledAt', 'ASC'],
  searchable: true,
  filters: { ...bookingFilters, customerId: { type: 'int' }, serviceTypeId: { type: 'int' } },
};

export const STORE_BOOKING_LIST: ListSpec = { ...ADMIN_BOOKING_LIST, maxRows: STORE_MAX_ROWS, filters: bookingFilters };

export const SERVICE_TYPE_LIST: ListSpec = {
  resource: 'service-types',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'name', 'price', 'durationMinutes'],
  defaultSort: ['name', 'ASC'],
  searchable: true,
  filters: { isActive: { type: 'boolean' } },
};

export const STORE_SERVICE_TYPE_LIST: ListSpec = { ...SERVICE_TYPE_LIST, maxRows: STORE_MAX_ROWS, filters: {} };

const BOOKING_COLUMNS: ListColumns = {
  columns: {
    id: 'b.id',
    scheduledAt: 'b.scheduledAt',
    status: 'b.status',
    price: 'b.price',
    createdAt: 'b.createdAt',
    customerId: 'b.customerId',
    serviceTypeId: 'b.serviceTypeId',
  },
  search: ['b.serviceName', 'b.address', 'b.notes'],
};

const TYPE_COLUMNS: ListColumns = {
  columns: { id: 't.id', name: 't.name', price: 't.price', durationMinutes: 't.durationMinutes', isActive: 't.isActive' },
  search: ['t.name', 't.description'],
};

export const toServiceTypeView = (t: ServiceTypeEntity): ServiceTypeView => ({
  id: t.id,
  name: t.name,
  description: t.description,
  price: t.price,
  durationMinutes: t.durationMinutes,
  isActive: t.isActive,
});

const toBookingView = (b: BookingEntity): BookingView => ({
  id: b.id,
  customerId: b.customerId,
  serviceTypeId: b.serviceTypeId,
  serviceName: b.serviceName,
  price: b.price,
  durationMinutes: b.durationMinutes,
  scheduledAt: b.scheduledAt,
  address: b.address,
  notes: b.notes,
  status: b.status,
  refundedAmount: b.refundedAmount,
  completedAt: b.completedAt,
  cancelledAt: b.cancelledAt,
  createdAt: b.createdAt,
});

export interface NewBooking {
  customerId: number;
  serviceTypeId: number;
  scheduledAt: string;
  address: string;
  notes?: string;
}

/** Service types and bookings of home visits; a booking snapshots the service's name and price. */
@Injectable()
export class BookingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
  ) {}

  async listTypes(query: ListQuery, activeOnly = false): Promise<ListPage<ServiceTypeView>> {
    const page = await this.reads.onReplica((manager) => {
      const qb = manager.createQueryBuilder(ServiceTypeEntity, 't');
      if (activeOnly) qb.where('t.isActive = true');
      return findPage('service-types', qb, query, TYPE_COLUMNS);
    });
    return page.map(toServiceTypeView);
  }

  async getType(id: number): Promise<ServiceTypeView> {
    const type = await this.dataSource.manager.findOneBy(ServiceTypeEntity, { id });
    if (!type) throw notFound('Service type');
    return toServiceTypeView(type);
  }

  async createType(input: CreateServiceTypeDto): Promise<ServiceTypeView> {
    const [{ id }] = await inTransaction(this.dataSource, (manager) =>
      manager.query('INSERT INTO service_types (name, description, price, duration_minutes, is_active) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
        input.name.trim(),
        input.description ?? '',
        input.price,
        input.durationMinutes,
        input.isActive ?? true,
      ]),
    );
    return this.getType(id);
  }

  async updateType(id: number, input: UpdateServiceTypeDto): Promise<ServiceTypeView> {
    await this.getType(id);
    await inTransaction(this.dataSource, (manager) =>
      updateRow(manager, 'service_types', id, input, {
        name: 'name',
        description: 'description',
        price: 'price',
        durationMinutes: 'duration_minutes',
        isActive: 'is_active',
      }),
    );
    return this.getType(id);
  }

  async list(query: ListQuery, customerId?: number): Promise<ListPage<BookingView>> {
    const run = async (manager: EntityManager) => {
      const qb = manager.createQueryBuilder(BookingEntity, 'b');
      if (customerId !== undefined) qb.where('b.customerId = :customerId', { customerId });
      return (await findPage('bookings', qb, query, BOOKING_COLUMNS)).map(toBookingView);
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
    const rows = await manager.query(
      `SELECT id, customer_id, service_name, scheduled_at FROM bookings
        WHERE status = 'pending' AND scheduled_at > now() AND scheduled_at <= now() + make_interval(secs => $1)
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
    return toBookingView(booking);
  }

  book(input: NewBooking, actorId: number): Promise<BookingView> {
    const scheduledAt = parseInstant(input.scheduledAt);
    assertFuture(scheduledAt, new Date());
    return inTransaction(this.dataSource, async (manager) => {
      if (!(await userExists(manager, input.customerId))) throw validationFailed({ customerId: 'does not exist' });
      const type = await manager.findOneBy(ServiceTypeEntity, { id: input.serviceTypeId });
      if (!type || !type.isActive) throw validationFailed({ serviceTypeId: 'is not offered' });
      const [{ id }] = await manager.query(
        `INSERT INTO bookings (customer_id, service_type_id, service_name, price, duration_minutes, scheduled_at, address, notes, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [input.customerId, type.id, type.name, type.price, type.durationMinutes, scheduledAt, input.address.trim(), input.notes ?? '', actorId],
      );
      await publish(manager, 'booking.created', {
        bookingId: id,
        customerId: input.customerId,
        serviceName: type.name,
        scheduledAt: scheduledAt.toISOString(),
      });
      return this.getIn(manager, id);
    });
  }

  reschedule(id: number, input: UpdateBookingDto): Promise<BookingView> {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await this.lock(manager, id);
      if (booking.status !== 'pending') assertBookingMove(booking.status, 'pending');
      const scheduledAt = input.scheduledAt ? parseInstant(input.scheduledAt) : undefined;
      if (scheduledAt) assertFuture(scheduledAt, new Date());
      await updateRow(manager, 'bookings', id, { ...input, scheduledAt }, { scheduledAt: 'scheduled_at', address: 'address', notes: 'notes' });
      await publish(manager, 'booking.updated', { bookingId: id, customerId: booking.customerId, serviceName: booking.serviceName, change: 'details' });
      return this.getIn(manager, id);
    });
  }

  /** Moves a pending booking on; with `customerId`, only that customer's own booking. */
  move(id: number, to: Exclude<BookingStatus, 'pending'>, customerId?: number): Promise<BookingView> {
    return inTransaction(this.dataSource, async (manager) => {
      const booking = await this.lock(manager, id);
      if (customerId !== undefined && booking.customerId !== customerId) throw notFound('Booking');
      assertBookingMove(booking.status, to);
      await manager.query(
        `UPDATE bookings SET status = $2, ${to === 'completed' ? 'completed_at' : 'cancelled_at'} = now(), updated_at = now() WHERE id = $1`,
        [id, to],
      );
      await publish(manager, 'booking.updated', {
        bookingId: id,
        customerId: booking.customerId,
        serviceName: booking.serviceName,
        change: 'status',
        from: booking.status,
        to,
      });
      return this.getIn(manager, id);
    });
  }

  /** The booking, locked for the rest of the caller's transaction (its changes and refunds queue here). */
  async lock(manager: EntityManager, id: number): Promise<BookingEntity> {
    const booking = await manager.createQueryBuilder(BookingEntity, 'b').setLock('pessimistic_write').where('b.id = :id', { id }).getOne();
    if (!booking) throw notFound('Booking');
    return booking;
  }
}
