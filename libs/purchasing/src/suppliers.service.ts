import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  DomainError,
  findPage,
  inTransaction,
  notFound,
  updateRow,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  ReadReplica,
} from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateSupplierDto, SupplierView, UpdateSupplierDto } from './dto/purchasing.dto.js';
import { SupplierEntity } from './purchasing.entities.js';

export const SUPPLIER_LIST: ListSpec = {
  resource: 'suppliers',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'name', 'createdAt'],
  defaultSort: ['name', 'ASC'],
  searchable: true,
};

const COLUMNS: ListColumns = {
  columns: { id: 's.id', name: 's.name', createdAt: 's.createdAt' },
  search: ['s.name', 's.contactName', 's.email', 's.phone'],
};

const SUPPLIER_COLUMNS = { name: 'name', contactName: 'contact_name', email: 'email', phone: 'phone', address: 'address', notes: 'notes' };

export const toSupplierView = (s: SupplierEntity): SupplierView => ({
  id: s.id,
  name: s.name,
  contactName: s.contactName,
  email: s.email,
  phone: s.phone,
  address: s.address,
  notes: s.notes,
});

@Injectable()
export class SuppliersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
  ) {}

  async list(query: ListQuery): Promise<ListPage<SupplierView>> {
    return (await this.reads.onReplica((manager) => findPage('suppliers', manager.createQueryBuilder(SupplierEntity, 's'), query, COLUMNS))).map(
      toSupplierView,
    );
  }

  /** A supplier, read outside any transaction (committed data), for the controller. */
  get(id: number): Promise<SupplierEntity> {
    return this.getIn(this.dataSource.manager, id);
  }

  /** A supplier, read in the caller's transaction. */
  async getIn(manager: EntityManager, id: number): Promise<SupplierEntity> {
    const supplier = await manager.findOneBy(SupplierEntity, { id });
    if (!supplier) throw notFound('Supplier');
    return supplier;
  }

  create(input: CreateSupplierDto): Promise<SupplierEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const [{ id }] = await manager.query(
        'INSERT INTO suppliers (name, contact_name, email, phone, address, notes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [input.name.trim(), input.contactName ?? '', input.email ?? null, input.phone ?? null, input.address ?? null, input.notes ?? ''],
      );
      return this.getIn(manager, id);
    });
  }

  update(id: number, input: UpdateSupplierDto): Promise<SupplierEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.getIn(manager, id);
      await updateRow(manager, 'suppliers', id, input, SUPPLIER_COLUMNS);
      return this.getIn(manager, id);
    });
  }

  /** A supplier with purchases stays (their invoices name them). */
  remove(id: number): Promise<SupplierEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const supplier = await this.getIn(manager, id);
      const [used] = await manager.query('SELECT 1 FROM purchases WHERE supplier_id = $1 LIMIT 1', [id]);
      if (used) throw new DomainError('CONFLICT', 'This supplier has purchases and cannot be deleted');
      await manager.query('DELETE FROM suppliers WHERE id = $1', [id]);
      return supplier;
    });
  }
}
