import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  STORE_MAX_ROWS,
  findPage,
  inTransaction,
  notFound,
  ReadReplica,
  updateRow,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
} from '@chance/core';
import { DataSource } from 'typeorm';
import type { CreateServiceTypeDto, ServiceTypeView, UpdateServiceTypeDto } from './dto/services.dto.js';
import { ServiceTypeEntity } from './services.entities.js';

export const SERVICE_TYPE_LIST: ListSpec = {
  resource: 'service-types',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'name', 'price', 'durationMinutes'],
  defaultSort: ['name', 'ASC'],
  searchable: true,
  filters: { isActive: { type: 'boolean' } },
};

export const STORE_SERVICE_TYPE_LIST: ListSpec = { ...SERVICE_TYPE_LIST, maxRows: STORE_MAX_ROWS, filters: {} };

const TYPE_COLUMNS: ListColumns = {
  columns: { id: 't.id', name: 't.name', price: 't.price', durationMinutes: 't.durationMinutes', isActive: 't.isActive' },
  search: ['t.name', 't.description'],
};

const toServiceTypeView = (t: ServiceTypeEntity): ServiceTypeView => ({
  id: t.id,
  name: t.name,
  description: t.description,
  price: t.price,
  durationMinutes: t.durationMinutes,
  isActive: t.isActive,
});

/** The services on offer (docs/api.md#services-and-notifications): what a booking copies its name, price and duration from. */
@Injectable()
export class ServiceTypesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
  ) {}

  async list(query: ListQuery, activeOnly = false): Promise<ListPage<ServiceTypeView>> {
    const page = await this.reads.onReplica((manager) => {
      const qb = manager.createQueryBuilder(ServiceTypeEntity, 't');
      if (activeOnly) qb.where('t.isActive = true');
      return findPage('service-types', qb, query, TYPE_COLUMNS);
    });
    return page.map(toServiceTypeView);
  }

  async get(id: number): Promise<ServiceTypeView> {
    const type = await this.dataSource.manager.findOneBy(ServiceTypeEntity, { id });
    if (!type) throw notFound('Service type');
    return toServiceTypeView(type);
  }

  async create(input: CreateServiceTypeDto): Promise<ServiceTypeView> {
    const [{ id }] = await inTransaction(this.dataSource, (manager) =>
      manager.query('INSERT INTO service_types (name, description, price, duration_minutes, is_active) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
        input.name.trim(),
        input.description ?? '',
        input.price,
        input.durationMinutes,
        input.isActive ?? true,
      ]),
    );
    return this.get(id);
  }

  async update(id: number, input: UpdateServiceTypeDto): Promise<ServiceTypeView> {
    await this.get(id);
    await inTransaction(this.dataSource, (manager) =>
      updateRow(manager, 'service_types', id, input, {
        name: 'name',
        description: 'description',
        price: 'price',
        durationMinutes: 'duration_minutes',
        isActive: 'is_active',
      }),
    );
    return this.get(id);
  }
}
