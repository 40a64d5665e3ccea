import { Injectable } from '@nestjs/common';
import { ADMIN_MAX_ROWS, ListPage, ReadReplica, notFound, validationFailed, type ListQuery, type ListSpec } from '@chance/core';
import type { EntityManager } from 'typeorm';
import type { CustomerTimelineEntry, TimelineKind, TimelineResource } from './dto/customer-timeline.dto.js';

/** The timeline's list protocol: newest first by default; only `range` (and the order of `at`) to choose. */
export const CUSTOMER_TIMELINE_LIST: ListSpec = {
  resource: 'customer-timeline',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['at'],
  defaultSort: ['at', 'DESC'],
};

const RESOURCE_OF: Record<TimelineKind, TimelineResource> = {
  order: 'orders',
  offline_sale: 'offline-sales',
  booking: 'bookings',
  refund: 'refunds',
  message: 'messages',
};

interface TimelineRow {
  user_id: number;
  total: string;
  kind: TimelineKind | null;
  record_id: number | null;
  happened_at: Date | null;
  number: string | null;
  title: string | null;
  amount: string | null;
  status: string | null;
  payment_status: string | null;
}

/**
 * One customer's records across channels as one timeline, in ONE statement: the account (404 when it
 * is not a customer's), the number of entries (for Content-Range) and the page. Each branch of the
 * UNION ALL is filtered by the customer on an index that leads with it (orders_customer_idx,
 * offline_sales_customer_idx, bookings_customer_idx, bookings_offline_customer_idx, messages_user_idx;
 * refunds through their record: refunds_<record>_id_idx), ordered and cut to the page's end, so a
 * page reads at most `offset + limit` rows per branch whatever the customer's history holds.
 *
 * `$1` the account, `$2` offset + limit, `$3` offset, `$4` limit. `dir` is ASC or DESC (validated by
 * the list parser, never the caller's text).
 */
export function timelineSql(dir: 'ASC' | 'DESC'): string {
  const branch = (select: string, from: string, at: string, id: string) => `(SELECT ${select} ${from} ORDER BY ${at} ${dir}, ${id} ${dir} LIMIT $2)`;
  const refundColumns = `'refund' AS kind, r.id AS record_id, COALESCE(r.refunded_at, r.created_at) AS happened_at, r.number, r.record_number AS title,
                         r.amount::bigint AS amount, r.status, NULL::text AS payment_status`;
  const refundAt = 'COALESCE(r.refunded_at, r.created_at)';
  const branches = [
    branch(
      `'order' AS kind, o.id AS record_id, o.placed_at AS happened_at, o.number, NULL::text AS title, o.total::bigint AS amount, o.status, o.payment_status`,
      `FROM orders o WHERE o.customer_id = (SELECT user_id FROM account) AND o.status <> 'draft'`,
      'o.placed_at',
      'o.id',
    ),
    branch(
      `'offline_sale', s.id, s.sold_at, s.number, NULL::text, s.total::bigint, s.status, s.payment_status`,
      `FROM offline_sales s WHERE s.customer_id = (SELECT linked FROM account)`,
      's.sold_at',
      's.id',
    ),
    branch(
      `'booking', b.id, b.scheduled_at, NULL::text, b.service_name, b.total::bigint, b.status, b.payment_status`,
      `FROM bookings b WHERE b.customer_id = (SELECT user_id FROM account)`,
      'b.scheduled_at',
      'b.id',
    ),
    branch(
      `'booking', b.id, b.scheduled_at, NULL::text, b.service_name, b.total::bigint, b.status, b.payment_status`,
      `FROM bookings b WHERE b.offline_customer_id = (SELECT linked FROM account)`,
      'b.scheduled_at',
      'b.id',
    ),
    branch(refundColumns, `FROM orders o JOIN refunds r ON r.order_id = o.id WHERE o.customer_id = (SELECT user_id FROM account)`, refundAt, 'r.id'),
    branch(
      refundColumns,
      `FROM offline_sales s JOIN refunds r ON r.offline_sale_id = s.id WHERE s.customer_id = (SELECT linked FROM account)`,
      refundAt,
      'r.id',
    ),
    branch(refundColumns, `FROM bookings b JOIN refunds r ON r.booking_id = b.id WHERE b.customer_id = (SELECT user_id FROM account)`, refundAt, 'r.id'),
    branch(refundColumns, `FROM bookings b JOIN refunds r ON r.booking_id = b.id WHERE b.offline_customer_id = (SELECT linked FROM account)`, refundAt, 'r.id'),
    branch(
      `'message', m.id::integer, m.created_at, NULL::text, m.title, NULL::bigint, m.direction, NULL::text`,
      `FROM messages m WHERE m.user_id = (SELECT user_id FROM account)`,
      'm.created_at',
      'm.id',
    ),
  ];
  return `
    WITH account AS MATERIALIZED (
      SELECT u.id AS user_id, (SELECT c.id FROM offline_customers c WHERE c.user_id = u.id) AS linked
        FROM users u WHERE u.id = $1 AND u.role = 'customer'
    ),
    counted AS (
      SELECT (SELECT count(*) FROM orders o WHERE o.customer_id = a.user_id AND o.status <> 'draft')
           + (SELECT count(*) FROM offline_sales s WHERE s.customer_id = a.linked)
           + (SELECT count(*) FROM bookings b WHERE b.customer_id = a.user_id)
           + (SELECT count(*) FROM bookings b WHERE b.offline_customer_id = a.linked)
           + (SELECT count(*) FROM orders o JOIN refunds r ON r.order_id = o.id WHERE o.customer_id = a.user_id)
           + (SELECT count(*) FROM offline_sales s JOIN refunds r ON r.offline_sale_id = s.id WHERE s.customer_id = a.linked)
           + (SELECT count(*) FROM bookings b JOIN refunds r ON r.booking_id = b.id WHERE b.customer_id = a.user_id OR b.offline_customer_id = a.linked)
           + (SELECT count(*) FROM messages m WHERE m.user_id = a.user_id) AS total
        FROM account a
    ),
    entries AS (
      ${branches.join('\n      UNION ALL\n      ')}
    )
    SELECT a.user_id, c.total, e.*
      FROM account a CROSS JOIN counted c
      LEFT JOIN LATERAL (SELECT * FROM entries ORDER BY happened_at ${dir}, kind ASC, record_id ${dir} OFFSET $3 LIMIT $4) e ON true`;
}

/** A row of the statement as an entry of the timeline. */
export function toTimelineEntry(row: TimelineRow & { kind: TimelineKind; record_id: number; happened_at: Date; status: string }): CustomerTimelineEntry {
  return {
    id: `${row.kind}-${row.record_id}`,
    kind: row.kind,
    resource: RESOURCE_OF[row.kind],
    recordId: row.record_id,
    at: row.happened_at,
    number: row.number,
    title: row.title,
    amount: row.amount === null ? null : Number(row.amount),
    status: row.status,
    paymentStatus: row.payment_status,
  };
}

/**
 * A customer's timeline (docs/api.md#customers): reports read across libraries (the account, its
 * orders, its linked in-store customer's sales, bookings, refunds and messages), never writing.
 */
@Injectable()
export class CustomerTimeline {
  constructor(private readonly reads: ReadReplica) {}

  page(customerId: number, query: ListQuery): Promise<ListPage<CustomerTimelineEntry>> {
    // the list protocol always takes `filter={"id":[…]}`; a timeline's entries are not fetched by id
    if (query.ids) throw validationFailed({ 'filter.id': 'is not a filter of this list' }, 'Invalid list query');
    return this.reads.onReplica((manager) => this.pageOn(manager, customerId, query));
  }

  private async pageOn(manager: EntityManager, customerId: number, query: ListQuery): Promise<ListPage<CustomerTimelineEntry>> {
    const rows: TimelineRow[] = await manager.query(timelineSql(query.sort.order), [customerId, query.offset + query.limit, query.offset, query.limit]);
    if (rows.length === 0) throw notFound('Customer');
    const entries = rows.filter((row): row is Parameters<typeof toTimelineEntry>[0] => row.kind !== null).map(toTimelineEntry);
    return new ListPage(CUSTOMER_TIMELINE_LIST.resource, entries, query.offset, Number(rows[0].total));
  }
}
