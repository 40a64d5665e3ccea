import type { StreamableFile } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  findPage,
  inTransaction,
  listCsvFile,
  notFound,
  ReadReplica,
  updateRow,
  type CsvColumn,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
} from '@chance/core';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { CustomerAccountEntity } from './customer-account.entity.js';
import type { CustomerView, UpdateCustomerDto } from './dto/index.js';
import { ProfileEntity, UserEntity } from './user.entity.js';

/** The customers list (docs/api.md#customers): accounts with role `customer` and their maintained figures. */
export const CUSTOMER_LIST: ListSpec = {
  resource: 'customers',
  maxRows: ADMIN_MAX_ROWS,
  sortable: [
    'id',
    'email',
    'fullName',
    'isActive',
    'createdAt',
    'ordersCount',
    'offlineSalesCount',
    'bookingsCount',
    'lifetimeValue',
    'outstandingBalance',
    'lastActivityAt',
  ],
  defaultSort: ['id', 'ASC'],
  searchable: true,
  filters: {
    isActive: { type: 'boolean' },
    createdAt_gte: { type: 'date' },
    createdAt_lte: { type: 'date' },
    offlineCustomerId: { type: 'int' },
  },
};

const COLUMNS: ListColumns = {
  columns: {
    // the figures' key breaks ties, so a sort by a figure reads its index (figure, user_id) in order
    id: 'a.userId',
    email: 'u.email',
    fullName: 'p.fullName',
    isActive: 'u.isActive',
    createdAt: 'u.createdAt',
    ordersCount: 'a.ordersCount',
    offlineSalesCount: 'a.offlineSalesCount',
    bookingsCount: 'a.bookingsCount',
    lifetimeValue: 'a.lifetimeValue',
    outstandingBalance: 'a.outstandingBalance',
    lastActivityAt: 'a.lastActivityAt',
    offlineCustomerId: 'a.offlineCustomerId',
  },
  // one indexed (trigram) lookup per text column, so a search never reads every customer
  searchConditions: [
    'u.id IN (SELECT id FROM users WHERE email ILIKE :listQ UNION SELECT user_id FROM profiles WHERE full_name ILIKE :listQ OR phone ILIKE :listQ)',
  ],
  // pages deep in a sort by a figure: the page's ids from the figures' index first, then their rows
  deferredJoin: true,
};

type CustomerRow = UserEntity & { account: CustomerAccountEntity };

/** Each customer account with its profile and figures; other roles are not customers (an account whose role changes leaves the list). */
const customers = (manager: EntityManager): SelectQueryBuilder<CustomerRow> =>
  manager
    .createQueryBuilder(UserEntity, 'u')
    .innerJoinAndMapOne('u.account', CustomerAccountEntity, 'a', 'a.userId = u.id')
    .leftJoinAndMapOne('u.profile', ProfileEntity, 'p', 'p.userId = u.id')
    .where("u.role = 'customer'") as SelectQueryBuilder<CustomerRow>;

export function toCustomerView(row: CustomerRow): CustomerView {
  const { account } = row;
  return {
    id: row.id,
    email: row.email,
    fullName: row.profile?.fullName ?? '',
    phone: row.profile?.phone ?? null,
    address: row.profile?.address ?? null,
    notes: account.notes,
    offlineCustomerId: account.offlineCustomerId,
    ordersCount: account.ordersCount,
    offlineSalesCount: account.offlineSalesCount,
    bookingsCount: account.bookingsCount,
    lifetimeValue: Number(account.lifetimeValue),
    outstandingBalance: Number(account.outstandingBalance),
    lastActivityAt: account.lastActivityAt,
    isActive: row.isActive,
    createdAt: row.createdAt,
  };
}

/** The customers export's columns (docs/api.md#exports): the list's fields. */
export const CUSTOMER_CSV: readonly CsvColumn<CustomerView>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'email', value: (c) => c.email },
  { header: 'fullName', value: (c) => c.fullName },
  { header: 'phone', value: (c) => c.phone },
  { header: 'address', value: (c) => c.address },
  { header: 'notes', value: (c) => c.notes },
  { header: 'offlineCustomerId', value: (c) => c.offlineCustomerId },
  { header: 'ordersCount', value: (c) => c.ordersCount },
  { header: 'offlineSalesCount', value: (c) => c.offlineSalesCount },
  { header: 'bookingsCount', value: (c) => c.bookingsCount },
  { header: 'lifetimeValue', value: (c) => c.lifetimeValue },
  { header: 'outstandingBalance', value: (c) => c.outstandingBalance },
  { header: 'lastActivityAt', value: (c) => c.lastActivityAt },
  { header: 'isActive', value: (c) => c.isActive },
  { header: 'createdAt', value: (c) => c.createdAt },
];

/**
 * Customers for admins and staff (docs/api.md#customers): read from the maintained figures, never summed
 * per request; staff notes are the one thing written here.
 */
@Injectable()
export class CustomersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
  ) {}

  list(query: ListQuery): Promise<ListPage<CustomerView>> {
    return this.reads.onReplica(async (manager) => (await findPage(CUSTOMER_LIST.resource, customers(manager), query, COLUMNS)).map(toCustomerView));
  }

  /** Every customer the list's filter matches, in its sort, as streamed CSV. */
  exportCsv(query: ListQuery): StreamableFile {
    return listCsvFile(
      this.reads.source(),
      { spec: CUSTOMER_LIST, columns: COLUMNS, query: customers, view: (_manager, rows) => rows.map(toCustomerView), csv: CUSTOMER_CSV },
      query,
    );
  }

  get(id: number): Promise<CustomerView> {
    return this.getIn(this.dataSource.manager, id);
  }

  /** A customer account; any other user (or none) is a 404. */
  async getIn(manager: EntityManager, id: number): Promise<CustomerView> {
    const row = await customers(manager).andWhere('u.id = :id', { id }).getOne();
    if (!row) throw notFound('Customer');
    return toCustomerView(row);
  }

  /** Staff notes (the one field of a customer written here; profile fields stay on users and /me). */
  update(id: number, input: UpdateCustomerDto): Promise<CustomerView> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.getIn(manager, id);
      await updateRow(manager, 'customer_accounts', id, input, { notes: 'notes' }, { key: 'user_id', touch: false });
      return this.getIn(manager, id);
    });
  }
}
