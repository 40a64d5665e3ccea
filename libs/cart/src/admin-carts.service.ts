import { Injectable } from '@nestjs/common';
import { ADMIN_MAX_ROWS, findPage, notFound, type ListColumns, type ListPage, type ListQuery, type ListSpec, ReadReplica } from '@chance/core';
import { contactsOf } from '@chance/identity';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { CartEntity } from './cart.entities.js';
import { priceCarts, toCartView } from './cart-loader.js';
import type { CartView } from './dto/cart.dto.js';

export const ADMIN_CART_LIST: ListSpec = {
  resource: 'carts',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'updatedAt', 'createdAt', 'status', 'customerId'],
  defaultSort: ['updatedAt', 'DESC'],
  filters: {
    status: { type: 'enum', values: ['active', 'merged', 'checked_out'] },
    customerId: { type: 'int' },
    guest: { type: 'boolean' },
    hasItems: { type: 'boolean' },
    updatedAt_gte: { type: 'date' },
    updatedAt_lte: { type: 'date' },
  },
};

const COLUMNS: ListColumns = {
  columns: { id: 'c.id', updatedAt: 'c.updatedAt', createdAt: 'c.createdAt', status: 'c.status', customerId: 'c.customerId' },
  custom: {
    guest: (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) => qb.andWhere(`c.customerId IS ${value ? '' : 'NOT '}NULL`),
    hasItems: (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) =>
      qb.andWhere(`${value ? '' : 'NOT '}EXISTS (SELECT 1 FROM cart_items hi WHERE hi.cart_id = c.id)`),
  },
};

/** The back office's read-only view of carts: owner or guest, lines, totals, last activity (abandoned carts). */
@Injectable()
export class AdminCartsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
    private readonly settings: SettingsService,
  ) {}

  list(query: ListQuery): Promise<ListPage<CartView>> {
    return this.reads.onReplica((manager) => this.listOn(manager, query));
  }

  private async listOn(manager: EntityManager, query: ListQuery): Promise<ListPage<CartView>> {
    const page = await findPage('carts', manager.createQueryBuilder(CartEntity, 'c'), query, COLUMNS);
    const priced = await priceCarts(manager, this.settings, page.rows);
    const owners = await this.owners(page.rows.map((c) => c.customerId).filter((id): id is number => id !== null));
    return page.map((cart) => ({ ...toCartView(cart, priced.get(cart.id)!), ...ownerOf(cart, owners) }));
  }

  async get(id: number): Promise<CartView> {
    const manager = this.dataSource.manager;
    const cart = await manager.findOneBy(CartEntity, { id });
    if (!cart) throw notFound('Cart');
    const owners = await this.owners(cart.customerId === null ? [] : [cart.customerId]);
    return { ...toCartView(cart, (await priceCarts(manager, this.settings, [cart])).get(id)!), ...ownerOf(cart, owners) };
  }

  /** Who owns the carts of a page (staff cannot read users, so the list carries it), in one query. */
  private async owners(ids: number[]): Promise<Map<number, { email: string; name: string }>> {
    return contactsOf(this.dataSource.manager, ids);
  }
}

function ownerOf(cart: CartEntity, owners: Map<number, { email: string; name: string }>): { customerEmail: string | null; customerName: string | null } {
  const owner = cart.customerId === null ? undefined : owners.get(cart.customerId);
  return { customerEmail: owner?.email ?? null, customerName: owner?.name ?? null };
}
