import { Injectable } from '@nestjs/common';
import { ReadReplica } from '@chance/core';
import type { EntityManager } from 'typeorm';
import type { DashboardView, RevenueDay, SalesReportView, SalesRow } from './dto/reports.dto.js';
import { periodLabels, type ReportPeriod } from './report-period.js';

const n = (value: unknown) => Number(value ?? 0);

/**
 * Read-only figures computed by SQL aggregates over indexed columns, read from the read replica
 * when there is one (docs/operations.md, "A read replica"). Revenue is the total of
 * orders and in-store sales that are not cancelled (tax and shipping included), by UTC date, and
 * of completed bookings by completion date (servicesRevenue);
 * refunds are counted apart by refund date, and net revenue is revenue − refunds (docs/api.md#back-office-resources, docs/api.md#refunds-and-returns).
 */
@Injectable()
export class ReportsService {
  constructor(private readonly reads: ReadReplica) {}

  dashboard(now = new Date()): Promise<DashboardView> {
    return this.reads.onReplica((manager) => this.dashboardOn(manager, now));
  }

  private async dashboardOn(manager: EntityManager, now: Date): Promise<DashboardView> {
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const start = new Date(today.getTime() - 29 * 86_400_000);
    const end = new Date(today.getTime() + 86_400_000);
    const [revenue, [counts]] = [
      await this.revenueBy(manager, 'day', start, end),
      await manager.query(
        `SELECT
           (SELECT count(*) FROM orders WHERE status = 'pending')::int AS "pendingOrders",
           (SELECT count(*) FROM variants v JOIN products p ON p.id = v.product_id
             WHERE v.stock <= COALESCE(p.low_stock_threshold, (SELECT low_stock_threshold FROM settings WHERE id = 1)))::int AS "lowStockVariants",
           -- only what is not fully paid can be owed: the payment-status indexes keep this off the paid majority
           (SELECT COALESCE(sum(total - paid_amount), 0) FROM offline_sales WHERE status = 'completed' AND payment_status IN ('unpaid', 'partially_paid'))::bigint AS "outstandingOffline",
           (SELECT COALESCE(sum(total - paid_amount), 0) FROM orders WHERE status NOT IN ('cancelled', 'draft') AND payment_status IN ('unpaid', 'partially_paid'))::bigint AS "outstandingOnline",
           -- a visit is owed once it is done
           (SELECT COALESCE(sum(total - paid_amount), 0) FROM bookings WHERE status = 'completed' AND payment_status IN ('unpaid', 'partially_paid'))::bigint AS "outstandingServices",
           (SELECT count(*) FROM bookings WHERE status = 'pending' AND scheduled_at >= $1 AND scheduled_at < $1::timestamptz + interval '7 days')::int AS "upcomingBookings"`,
        [now],
      ),
    ];
    const revenueByDay = periodLabels({ start, end, groupBy: 'day' }).map((date) => ({
      date,
      online: revenue.get(date)?.online ?? 0,
      offline: revenue.get(date)?.offline ?? 0,
      services: revenue.get(date)?.services ?? 0,
      refunds: revenue.get(date)?.refunds ?? 0,
    }));
    const todayLabel = today.toISOString().slice(0, 10);
    const net = (d: RevenueDay) => d.online + d.offline + d.services - d.refunds;
    return {
      revenueToday: revenueByDay.filter((d) => d.date === todayLabel).reduce((sum, d) => sum + net(d), 0),
      revenueLast30Days: revenueByDay.reduce((sum, d) => sum + net(d), 0),
      pendingOrders: counts.pendingOrders,
      lowStockVariants: counts.lowStockVariants,
      outstandingReceivables: n(counts.outstandingOnline) + n(counts.outstandingOffline) + n(counts.outstandingServices),
      outstandingServices: n(counts.outstandingServices),
      outstandingOnline: n(counts.outstandingOnline),
      outstandingOffline: n(counts.outstandingOffline),
      upcomingBookings: counts.upcomingBookings,
      revenueByDay,
    };
  }

  async sales(period: ReportPeriod): Promise<SalesReportView> {
    const figures = await this.reads.onReplica((manager) => this.revenueBy(manager, period.groupBy, period.start, period.end));
    const rows = periodLabels(period).map((label) => {
      const f = figures.get(label);
      const online = f?.online ?? 0;
      const offline = f?.offline ?? 0;
      const services = f?.services ?? 0;
      const refunds = f?.refunds ?? 0;
      return {
        period: label,
        onlineRevenue: online,
        offlineRevenue: offline,
        servicesRevenue: services,
        refunds,
        netRevenue: online + offline + services - refunds,
        orders: f?.orders ?? 0,
        offlineSales: f?.offlineSales ?? 0,
        completedBookings: f?.completedBookings ?? 0,
        grossProfit: f?.grossProfit ?? 0,
      };
    });
    const sum = (key: keyof Omit<SalesRow, 'period'>) => rows.reduce((total, row) => total + row[key], 0);
    return {
      from: period.from,
      to: period.to,
      groupBy: period.groupBy,
      rows,
      totals: {
        onlineRevenue: sum('onlineRevenue'),
        offlineRevenue: sum('offlineRevenue'),
        servicesRevenue: sum('servicesRevenue'),
        refunds: sum('refunds'),
        netRevenue: sum('netRevenue'),
        orders: sum('orders'),
        offlineSales: sum('offlineSales'),
        completedBookings: sum('completedBookings'),
        grossProfit: sum('grossProfit'),
      },
    };
  }

  /**
   * Revenue, counts and gross profit of orders and in-store sales not cancelled and of completed
   * bookings, per UTC day or month (gross profit = subtotal − discount − cost of goods, each kept on
   * the record at its creation; a booking's subtotal), from the revenue ledger: the folded days plus the changes not folded yet, a few
   * hundred rows for a year instead of every order.
   */
  private async revenueBy(manager: EntityManager, unit: 'day' | 'month', start: Date, end: Date) {
    const format = unit === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM';
    const days = (date: Date) => date.toISOString().slice(0, 10);
    // the last day included, not the first one after: the day after 9999-12-31 has no YYYY-MM-DD
    const lastDay = new Date(end.getTime() - 86_400_000);
    const figures: { period: string; channel: 'online' | 'offline' | 'services'; revenue: string; records: number; profit: string; refunds: string }[] =
      await manager.query(
        `SELECT to_char(day::timestamp, '${format}') AS period, channel,
                sum(revenue) AS revenue, sum(records)::int AS records, sum(gross_profit) AS profit, sum(refunds) AS refunds
           FROM (SELECT day, channel, revenue, records, gross_profit, refunds FROM revenue_days WHERE day >= $1::date AND day <= $2::date
                 UNION ALL
                 SELECT day, channel, revenue, records, gross_profit, refunds FROM revenue_changes WHERE day >= $1::date AND day <= $2::date) r
          GROUP BY 1, 2`,
        [days(start), days(lastDay)],
      );
    type Figures = {
      online: number;
      offline: number;
      services: number;
      orders: number;
      offlineSales: number;
      completedBookings: number;
      grossProfit: number;
      refunds: number;
    };
    const byPeriod = new Map<string, Figures>();
    for (const f of figures) {
      const row = byPeriod.get(f.period) ?? {
        online: 0,
        offline: 0,
        services: 0,
        orders: 0,
        offlineSales: 0,
        completedBookings: 0,
        grossProfit: 0,
        refunds: 0,
      };
      if (f.channel === 'online') Object.assign(row, { online: n(f.revenue), orders: f.records });
      else if (f.channel === 'offline') Object.assign(row, { offline: n(f.revenue), offlineSales: f.records });
      else Object.assign(row, { services: n(f.revenue), completedBookings: f.records });
      row.grossProfit += n(f.profit);
      row.refunds += n(f.refunds);
      byPeriod.set(f.period, row);
    }
    return byPeriod;
  }
}
