import type { StreamableFile } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  DomainError,
  findPage,
  inTransaction,
  notFound,
  pgCode,
  updateRow,
  validationFailed,
  withUniqueFields,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listCsvFile,
  type CsvColumn,
  ReadReplica,
} from '@chance/core';
import { isCustomerAccount } from '@chance/identity';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { CreateOfflineCustomerDto, OfflineCustomerView, UpdateOfflineCustomerDto } from './dto/offline-sales.dto.js';
import { OfflineCustomerEntity } from './offline-sales.entities.js';

export const OFFLINE_CUSTOMER_LIST: ListSpec = {
  resource: 'offline-customers',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'name', 'createdAt', 'outstandingBalance'],
  defaultSort: ['name', 'ASC'],
  searchable: true,
  filters: { owing: { type: 'boolean' }, userId: { type: 'int' } },
};

/**
 * What a customer owes: Σ balance of their completed sales. Only sales with a balance add to it, and
 * that condition is the partial index offline_sales_owed_idx's, so the sum (for the `owing` filter
 * and the sort) reads a few index entries per customer, never the paid sales.
 */
const OUTSTANDING = `(SELECT COALESCE(sum(s.total - s.paid_amount), 0) FROM offline_sales s
                       WHERE s.customer_id = c.id AND s.status = 'completed' AND s.paid_amount < s.total)`;

const COLUMNS: ListColumns = {
  columns: { id: 'c.id', name: 'c.name', createdAt: 'c.createdAt', outstandingBalance: OUTSTANDING, userId: 'c.userId' },
  search: ['c.name', 'c.phone', 'c.email'],
  custom: { owing: (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) => qb.andWhere(`${OUTSTANDING} ${value ? '>' : '='} 0`) },
};

/** The in-store customers export's columns (docs/api.md#exports). */
export const OFFLINE_CUSTOMER_CSV: readonly CsvColumn<OfflineCustomerView>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'name', value: (c) => c.name },
  { header: 'phone', value: (c) => c.phone },
  { header: 'email', value: (c) => c.email },
  { header: 'address', value: (c) => c.address },
  { header: 'userId', value: (c) => c.userId },
  { header: 'outstandingBalance', value: (c) => c.outstandingBalance },
  { header: 'createdAt', value: (c) => c.createdAt },
];

/** Shop customers known at the counter, with what they still owe (derived from their sales). */
@Injectable()
export class OfflineCustomersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
  ) {}

  list(query: ListQuery): Promise<ListPage<OfflineCustomerView>> {
    return this.reads.onReplica((manager) => this.listOn(manager, query));
  }

  private async listOn(manager: EntityManager, query: ListQuery): Promise<ListPage<OfflineCustomerView>> {
    const page = await findPage('offline-customers', manager.createQueryBuilder(OfflineCustomerEntity, 'c'), query, COLUMNS);
    const owed = await this.outstanding(
      manager,
      page.rows.map((c) => c.id),
    );
    return page.map((c) => view(c, owed.get(c.id) ?? 0));
  }

  /** Every in-store customer the list's filter matches, in its sort, as streamed CSV. */
  exportCsv(query: ListQuery): StreamableFile {
    return listCsvFile(
      this.reads.source(),
      {
        spec: OFFLINE_CUSTOMER_LIST,
        columns: COLUMNS,
        query: (manager) => manager.createQueryBuilder(OfflineCustomerEntity, 'c'),
        view: async (manager, rows) => {
          const owed = await this.outstanding(
            manager,
            rows.map((c) => c.id),
          );
          return rows.map((c) => view(c, owed.get(c.id) ?? 0));
        },
        csv: OFFLINE_CUSTOMER_CSV,
      },
      query,
    );
  }

  /** An in-store customer, read outside any transaction (committed data), for the controller. */
  get(id: number): Promise<OfflineCustomerView> {
    return this.getIn(this.dataSource.manager, id);
  }

  /** An in-store customer, read in the caller's transaction. */
  async getIn(manager: EntityManager, id: number): Promise<OfflineCustomerView> {
    const customer = await manager.findOneBy(OfflineCustomerEntity, { id });
    if (!customer) throw notFound('Customer');
    return view(customer, (await this.outstanding(manager, [id])).get(id) ?? 0);
  }

  create(input: CreateOfflineCustomerDto): Promise<OfflineCustomerView> {
    return inTransaction(this.dataSource, async (manager) => {
      const [{ id }] = await manager.query('INSERT INTO offline_customers (name, phone, email, address, notes) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
        input.name.trim(),
        input.phone.trim(),
        input.email ?? null,
        input.address ?? null,
        input.notes ?? null,
      ]);
      return this.getIn(manager, id);
    });
  }

  /**
   * Contact fields, and the link to a customer account (`userId`, null unlinks): an in-store customer
   * is linked to at most one account and an account to at most one in-store customer (a unique
   * column, so concurrent links of one account cannot both win). The accounts' figures follow in
   * this transaction (the link's trigger moves the sales' figures from the old account to the new).
   */
  update(id: number, input: UpdateOfflineCustomerDto): Promise<OfflineCustomerView> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.getIn(manager, id);
      if (input.userId !== undefined && input.userId !== null && !(await isCustomerAccount(manager, input.userId))) {
        throw validationFailed({ userId: 'is not a customer account' });
      }
      await withUniqueFields(
        () =>
          updateRow(manager, 'offline_customers', id, input, {
            name: 'name',
            phone: 'phone',
            email: 'email',
            address: 'address',
            notes: 'notes',
            userId: 'user_id',
          }),
        { offline_customers_user_id_key: { userId: 'is already linked to another in-store customer' } },
      );
      return this.getIn(manager, id);
    });
  }

  remove(id: number): Promise<OfflineCustomerView> {
    return inTransaction(this.dataSource, async (manager) => {
      const customer = await this.getIn(manager, id);
      const [used] = await manager.query('SELECT 1 FROM offline_sales WHERE customer_id = $1 LIMIT 1', [id]);
      if (used) throw new DomainError('CONFLICT', 'This customer has sales and cannot be deleted');
      try {
        await manager.query('DELETE FROM offline_customers WHERE id = $1', [id]);
      } catch (error) {
        // other records keep them (their bookings, counter coupon uses): the history stays whole
        if (pgCode(error) === '23503') throw new DomainError('CONFLICT', 'This customer has bookings and cannot be deleted');
        throw error;
      }
      return customer;
    });
  }

  /** Σ balance of the sales not cancelled, for many customers in one query. */
  private async outstanding(manager: EntityManager, ids: number[]): Promise<Map<number, number>> {
    const rows: { customer_id: number; owed: string }[] = await manager.query(
      `SELECT customer_id, sum(total - paid_amount) AS owed FROM offline_sales WHERE customer_id = ANY($1) AND status = 'completed' GROUP BY customer_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.customer_id, Number(r.owed)]));
  }
}

const view = (c: OfflineCustomerEntity, outstandingBalance: number): OfflineCustomerView => ({
  id: c.id,
  name: c.name,
  phone: c.phone,
  email: c.email,
  address: c.address,
  notes: c.notes,
  userId: c.userId,
  outstandingBalance,
  createdAt: c.createdAt,
});
