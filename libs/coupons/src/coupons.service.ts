import type { StreamableFile } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  DomainError,
  findPage,
  inTransaction,
  notFound,
  parseInstant,
  updateRow,
  validationFailed,
  withUniqueFields,
  type FieldErrors,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listCsvFile,
  type CsvColumn,
  ReadReplica,
} from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { REFUSAL_MESSAGES, couponRefusal, couponStatus, type Coupon, type CouponRefusal } from './coupon-rules.js';
import { CouponEntity } from './coupon.entity.js';
import type { CouponView, CreateCouponDto, UpdateCouponDto } from './dto/coupon.dto.js';

export const COUPON_LIST: ListSpec = {
  resource: 'coupons',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'code', 'discountValue', 'validFrom', 'validTo', 'timesUsed', 'isActive', 'createdAt'],
  defaultSort: ['id', 'DESC'],
  searchable: true,
  filters: { isActive: { type: 'boolean' }, discountType: { type: 'enum', values: ['percentage', 'fixed'] } },
};

const COLUMNS: ListColumns = {
  columns: {
    id: 'c.id',
    code: 'c.code',
    discountType: 'c.discountType',
    discountValue: 'c.discountValue',
    validFrom: 'c.validFrom',
    validTo: 'c.validTo',
    timesUsed: 'c.timesUsed',
    isActive: 'c.isActive',
    createdAt: 'c.createdAt',
  },
  search: ['c.code', 'c.description'],
};

const CODE_TAKEN = { coupons_code_key: { code: 'is already used by another coupon' } };

/**
 * Who uses a coupon, for its per-customer limit: a customer account, an e-mail (guests; an
 * in-store customer's), and at the counter the in-store customer (docs/api.md#in-store-sales). A walk-in
 * sale's shopper is none of them.
 */
export interface Shopper {
  customerId: number | null;
  email: string | null;
  offlineCustomerId?: number | null;
}

/** The record a coupon's use belongs to: an order or an in-store sale. */
export type CouponUseRecord = { orderId: number } | { offlineSaleId: number };

/** Whether anything identifies the shopper (a walk-in sale's does not: no per-customer limit can be counted for it). */
export const isKnownShopper = (shopper: Shopper): boolean => shopper.customerId !== null || !!shopper.email || !!shopper.offlineCustomerId;

export const toCouponView = (c: CouponEntity, now = new Date()): CouponView => ({
  id: c.id,
  code: c.code,
  description: c.description,
  discountType: c.discountType,
  discountValue: c.discountValue,
  maxDiscount: c.maxDiscount,
  minPurchase: c.minPurchase,
  validFrom: c.validFrom,
  validTo: c.validTo,
  usageLimit: c.usageLimit,
  perCustomerLimit: c.perCustomerLimit,
  isActive: c.isActive,
  timesUsed: c.timesUsed,
  status: couponStatus(c, now),
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** These coupons, read in the caller's transaction, in one query; one that does not exist is missing from the map. */
export async function couponsByIds(manager: EntityManager, couponIds: readonly number[]): Promise<Map<number, Coupon>> {
  // one query even for none: a page's query count does not depend on its rows
  const coupons = await manager
    .createQueryBuilder(CouponEntity, 'c')
    .where('c.id = ANY(:ids)', { ids: [...new Set(couponIds)] })
    .getMany();
  return new Map(coupons.map((c) => [c.id, c]));
}

/**
 * The body field a coupon's code came in, which its refusal names (docs/api.md: `errors` maps the
 * request's field names): the cart's coupon body is `{code}`, orders and in-store sales take `couponCode`.
 */
export type CouponCodeField = 'code' | 'couponCode';

/** A coupon refusal as the contract's error, its message under the field the code came in. */
export const couponRefused = (code: CouponRefusal | 'COUPON_NOT_FOUND', field: CouponCodeField = 'code') =>
  new DomainError(code, REFUSAL_MESSAGES[code], { [field]: REFUSAL_MESSAGES[code] });

/** Coupons: the admin resource, and the checks and redemptions carts and orders rely on. */
/** The coupons export's columns (docs/api.md#exports); `status` as of the export's start. */
export const COUPON_CSV: readonly CsvColumn<CouponView>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'code', value: (c) => c.code },
  { header: 'description', value: (c) => c.description },
  { header: 'discountType', value: (c) => c.discountType },
  { header: 'discountValue', value: (c) => c.discountValue },
  { header: 'maxDiscount', value: (c) => c.maxDiscount },
  { header: 'minPurchase', value: (c) => c.minPurchase },
  { header: 'status', value: (c) => c.status },
  { header: 'timesUsed', value: (c) => c.timesUsed },
  { header: 'usageLimit', value: (c) => c.usageLimit },
  { header: 'perCustomerLimit', value: (c) => c.perCustomerLimit },
  { header: 'validFrom', value: (c) => c.validFrom },
  { header: 'validTo', value: (c) => c.validTo },
  { header: 'isActive', value: (c) => c.isActive },
  { header: 'createdAt', value: (c) => c.createdAt },
];

@Injectable()
export class CouponsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
  ) {}

  async list(query: ListQuery): Promise<ListPage<CouponView>> {
    const page = await this.reads.onReplica((manager) => findPage('coupons', manager.createQueryBuilder(CouponEntity, 'c'), query, COLUMNS));
    const now = new Date();
    return page.map((c) => toCouponView(c, now));
  }

  /** Every coupon the list's filter matches, in its sort, as streamed CSV. */
  exportCsv(query: ListQuery): StreamableFile {
    const now = new Date();
    return listCsvFile(
      this.reads.source(),
      {
        spec: COUPON_LIST,
        columns: COLUMNS,
        query: (manager) => manager.createQueryBuilder(CouponEntity, 'c'),
        view: (_manager, rows) => rows.map((c) => toCouponView(c, now)),
        csv: COUPON_CSV,
      },
      query,
    );
  }

  /** A coupon, read outside any transaction (committed data), for the controller. */
  get(id: number): Promise<CouponEntity> {
    return this.getIn(this.dataSource.manager, id);
  }

  /** A coupon, read in the caller's transaction. */
  async getIn(manager: EntityManager, id: number): Promise<CouponEntity> {
    const coupon = await manager.findOneBy(CouponEntity, { id });
    if (!coupon) throw notFound('Coupon');
    return coupon;
  }

  create(input: CreateCouponDto): Promise<CouponEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const values = normalize(input);
      assertTerms({ maxDiscount: null, minPurchase: null, validFrom: null, validTo: null, ...values } as CouponEntity);
      const [{ id }] = await withUniqueFields(
        () =>
          manager.query(
            `INSERT INTO coupons (code, description, discount_type, discount_value, max_discount, min_purchase, valid_from,
                                  valid_to, usage_limit, per_customer_limit, is_active)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
            [
              values.code,
              values.description ?? '',
              values.discountType,
              values.discountValue,
              values.maxDiscount ?? null,
              values.minPurchase ?? null,
              values.validFrom ?? null,
              values.validTo ?? null,
              values.usageLimit ?? null,
              values.perCustomerLimit ?? null,
              values.isActive ?? true,
            ],
          ),
        CODE_TAKEN,
      );
      return this.getIn(manager, id);
    });
  }

  update(id: number, input: UpdateCouponDto): Promise<CouponEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.getIn(manager, id);
      const values = normalize(input);
      assertTerms({ ...current, ...values } as CouponEntity);
      if (values.usageLimit !== undefined && values.usageLimit !== null && values.usageLimit < current.timesUsed) {
        throw validationFailed({ usageLimit: `is below the ${current.timesUsed} uses already made` });
      }
      await withUniqueFields(
        () =>
          updateRow(manager, 'coupons', id, values, {
            code: 'code',
            description: 'description',
            discountType: 'discount_type',
            discountValue: 'discount_value',
            maxDiscount: 'max_discount',
            minPurchase: 'min_purchase',
            validFrom: 'valid_from',
            validTo: 'valid_to',
            usageLimit: 'usage_limit',
            perCustomerLimit: 'per_customer_limit',
            isActive: 'is_active',
          }),
        CODE_TAKEN,
      );
      return this.getIn(manager, id);
    });
  }

  /** A coupon that has been used stays (orders refer to it): deactivate it instead. */
  remove(id: number): Promise<CouponEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const coupon = await this.getIn(manager, id);
      const [used] = await manager.query('SELECT 1 FROM coupon_redemptions WHERE coupon_id = $1 LIMIT 1', [id]);
      if (used) throw new DomainError('CONFLICT', 'This coupon has been used: deactivate it instead');
      await manager.query('DELETE FROM coupons WHERE id = $1', [id]);
      return coupon;
    });
  }

  /** Finds a coupon by code (case-insensitively) and checks every rule; refusals are the contract's codes. */
  async applicable(manager: EntityManager, code: string, subtotal: number, shopper: Shopper, field: CouponCodeField = 'code'): Promise<CouponEntity> {
    const coupon = await this.byCode(manager, code, field);
    const refusal = await this.refusal(manager, coupon, subtotal, shopper);
    if (refusal) throw couponRefused(refusal, field);
    return coupon;
  }

  /**
   * A code typed where the coupon is used at once (an order edit, a counter sale): the coupon found
   * by its code, then every rule checked once, under the buyer's lock (assertUsable).
   */
  async usableByCode(manager: EntityManager, code: string, subtotal: number, shopper: Shopper, field: CouponCodeField = 'code'): Promise<CouponEntity> {
    const found = await this.byCode(manager, code, field);
    return this.assertUsable(manager, found.id, subtotal, shopper, field);
  }

  /** The coupon with this code (trimmed, in any case); 400 COUPON_NOT_FOUND when there is none. */
  private async byCode(manager: EntityManager, code: string, field: CouponCodeField): Promise<CouponEntity> {
    const coupon = await manager.createQueryBuilder(CouponEntity, 'c').where('lower(c.code) = lower(:code)', { code: code.trim() }).getOne();
    if (!coupon) throw couponRefused('COUPON_NOT_FOUND', field);
    return coupon;
  }

  /** Why the coupon cannot be used now by this shopper for this subtotal, or null. */
  async refusal(manager: EntityManager, coupon: CouponEntity, subtotal: number, shopper: Shopper, now = new Date()): Promise<CouponRefusal | null> {
    const customerUses = coupon.perCustomerLimit === null ? null : await this.customerUses(manager, coupon.id, shopper);
    return couponRefusal(coupon, { now, subtotal, customerUses });
  }

  /**
   * At checkout, with the buyer known: every rule again, the per-customer limit included. One
   * buyer's concurrent checkouts with the coupon queue on an advisory lock so their count holds;
   * the lock is named by the buyer's e-mail (a customer's is their account's), so an account and
   * guests using its e-mail queue together (docs/api.md#coupons).
   */
  async assertUsable(manager: EntityManager, couponId: number, subtotal: number, shopper: Shopper, field: CouponCodeField = 'code'): Promise<CouponEntity> {
    if (isKnownShopper(shopper)) {
      const buyer = shopper.email
        ? shopper.email.toLowerCase()
        : shopper.customerId !== null
          ? `customer:${shopper.customerId}`
          : `offline-customer:${shopper.offlineCustomerId}`;
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`coupon:${couponId}:${buyer}`]);
    }
    const coupon = await this.getIn(manager, couponId);
    const refusal = await this.refusal(manager, coupon, subtotal, shopper);
    if (refusal) throw couponRefused(refusal, field);
    return coupon;
  }

  /**
   * A placed order's coupon, kept through an edit by staff: every rule again for the new subtotal,
   * as at the order's placing (its dates), with the order's own use not counted against the limits
   * (it holds one already). The refusal is the coupon's code (docs/api.md#draft-orders-and-order-editing).
   */
  async assertStillApplies(manager: EntityManager, couponId: number, subtotal: number, shopper: Shopper, placedAt: Date): Promise<CouponEntity> {
    const coupon = await this.getIn(manager, couponId);
    const uses = coupon.perCustomerLimit === null ? null : await this.customerUses(manager, coupon.id, shopper);
    const refusal = couponRefusal(
      { ...coupon, timesUsed: Math.max(0, coupon.timesUsed - 1) },
      { now: placedAt, subtotal, customerUses: uses === null ? null : Math.max(0, uses - 1) },
    );
    if (refusal) throw couponRefused(refusal, 'couponCode');
    return coupon;
  }

  /**
   * Counts one use atomically against the total limit and records the redemption, in one
   * statement (no row: a concurrent checkout or counter sale used the last one up). The coupon row
   * stays locked until commit, so checkouts and sales redeem last. One use per order or in-store
   * sale, whichever channel: both count against the same limits.
   */
  async redeem(manager: EntityManager, couponId: number, use: CouponUseRecord, shopper: Shopper): Promise<void> {
    const used = await manager.query(
      `WITH used AS (
         UPDATE coupons SET times_used = times_used + 1, updated_at = now()
          WHERE id = $1 AND (usage_limit IS NULL OR times_used < usage_limit) RETURNING id)
       INSERT INTO coupon_redemptions (coupon_id, order_id, offline_sale_id, customer_id, email, offline_customer_id)
       SELECT id, $2, $3, $4, $5, $6 FROM used RETURNING coupon_id`,
      [
        couponId,
        'orderId' in use ? use.orderId : null,
        'offlineSaleId' in use ? use.offlineSaleId : null,
        shopper.customerId,
        shopper.email,
        shopper.offlineCustomerId ?? null,
      ],
    );
    if (used.length === 0) throw couponRefused('COUPON_USAGE_LIMIT');
  }

  /** A cancelled order or in-store sale gives its use back. */
  async release(manager: EntityManager, use: CouponUseRecord): Promise<void> {
    const [column, id] = 'orderId' in use ? ['order_id', use.orderId] : ['offline_sale_id', use.offlineSaleId];
    const released: { coupon_id: number }[] = await manager.query(
      `WITH released AS (
         UPDATE coupon_redemptions SET cancelled_at = now() WHERE ${column} = $1 AND cancelled_at IS NULL RETURNING coupon_id)
       SELECT coupon_id FROM released`,
      [id],
    );
    for (const { coupon_id } of released) {
      await manager.query('UPDATE coupons SET times_used = times_used - 1, updated_at = now() WHERE id = $1', [coupon_id]);
    }
  }

  /**
   * The buyer's uses of the coupon so far: an account's orders and the guest orders placed with
   * its e-mail count together (docs/api.md#coupons: per customer account, and per e-mail for guests,
   * so a guest checkout with an account's e-mail is that account's use, and the other way round);
   * at the counter, an in-store customer's sales count too, and through its link or e-mail its
   * account's (docs/api.md#in-store-sales).
   */
  private async customerUses(manager: EntityManager, couponId: number, shopper: Shopper): Promise<number | null> {
    if (!isKnownShopper(shopper)) return null;
    const [row] = await manager.query(
      `SELECT count(*)::int AS uses FROM coupon_redemptions
        WHERE coupon_id = $1 AND cancelled_at IS NULL
          AND (customer_id = $2::int OR lower(email) = lower($3::text) OR offline_customer_id = $4::int)`,
      [couponId, shopper.customerId, shopper.email, shopper.offlineCustomerId ?? null],
    );
    return row.uses;
  }
}

/** Dates as instants (a date-only validTo lasts to the end of its UTC day). */
function normalize(input: UpdateCouponDto): Omit<UpdateCouponDto, 'validFrom' | 'validTo'> & { validFrom?: Date | null; validTo?: Date | null } {
  const { validFrom, validTo, ...rest } = input;
  return {
    ...rest,
    ...(validFrom !== undefined ? { validFrom: validFrom === null ? null : parseInstant(validFrom) } : {}),
    ...(validTo !== undefined ? { validTo: validTo === null ? null : parseInstant(validTo, { endOfDay: true }) } : {}),
  };
}

function assertTerms(terms: Pick<CouponEntity, 'discountType' | 'discountValue' | 'validFrom' | 'validTo' | 'maxDiscount'>): void {
  const errors: FieldErrors = {};
  if (terms.discountType === 'percentage' && terms.discountValue > 10_000) errors.discountValue = 'a percentage is at most 10000 (100 %)';
  if (terms.validFrom && terms.validTo && terms.validFrom > terms.validTo) errors.validTo = 'must not be before validFrom';
  if (terms.discountType === 'fixed' && terms.maxDiscount !== null && terms.maxDiscount !== undefined)
    errors.maxDiscount = 'applies to percentage coupons only';
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
}
