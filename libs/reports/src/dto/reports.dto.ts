import { ApiProperty } from '@nestjs/swagger';

export class RevenueDay {
  @ApiProperty({ example: '2026-11-25' }) date: string;
  @ApiProperty({ example: 125000 }) online: number;
  @ApiProperty({ example: 43000 }) offline: number;
  @ApiProperty({ example: 9600, description: 'Σ totals of the bookings completed that day' }) services: number;
  @ApiProperty({ example: 0, description: 'Refunds of the day (of records that are not cancelled, by refund date)' }) refunds: number;
}

export class DashboardView {
  @ApiProperty({ example: 48210, description: 'Net revenue today (UTC): online + in-store + services revenue − refunds, minor units' }) revenueToday: number;
  @ApiProperty({ example: 1250400, description: 'Net revenue of the 30 days ending today' }) revenueLast30Days: number;
  @ApiProperty({ example: 7 }) pendingOrders: number;
  @ApiProperty({ example: 3, description: 'Variants at or below their low-stock threshold' }) lowStockVariants: number;
  @ApiProperty({ example: 15900, description: 'Balances still owed: outstandingOnline + outstandingOffline + outstandingServices' })
  outstandingReceivables: number;
  @ApiProperty({
    example: 11000,
    description: 'Still owed on online orders that are not drafts or cancelled (payment status unpaid or partially_paid): Σ total − paidAmount',
  })
  outstandingOnline: number;
  @ApiProperty({
    example: 4900,
    description: 'Still owed on in-store sales that are not cancelled (payment status unpaid or partially_paid): Σ balance',
  })
  outstandingOffline: number;
  @ApiProperty({
    example: 0,
    description: 'Still owed on completed bookings (payment status unpaid or partially_paid): Σ balance. A visit is owed once it is done',
  })
  outstandingServices: number;
  @ApiProperty({ example: 4, description: 'Pending bookings in the next 7 days' }) upcomingBookings: number;
  @ApiProperty({ type: [RevenueDay], description: 'The 30 days ending today, oldest first' }) revenueByDay: RevenueDay[];
}

export class SalesRow {
  @ApiProperty({ example: '2026-11' }) period: string;
  @ApiProperty({ example: 125000 }) onlineRevenue: number;
  @ApiProperty({ example: 43000 }) offlineRevenue: number;
  @ApiProperty({ example: 9600, description: 'Σ totals of completed bookings, by completion date' }) servicesRevenue: number;
  @ApiProperty({ description: 'Σ refunds of records that are not cancelled, by refund date' }) refunds: number;
  @ApiProperty({ description: 'onlineRevenue + offlineRevenue + servicesRevenue − refunds' }) netRevenue: number;
  @ApiProperty() orders: number;
  @ApiProperty() offlineSales: number;
  @ApiProperty({ example: 1, description: 'Bookings completed in the period' }) completedBookings: number;
  @ApiProperty({
    description:
      'Σ (lineTotal − costPrice × quantity) − discount, from the cost snapshots, plus the subtotal of completed bookings; a return lowers it in its refund’s period by its subtotal − discount and gives back the cost of the units restocked; a direct refund lowers it by its credit note’s subtotal',
  })
  grossProfit: number;
}

class SalesTotals {
  @ApiProperty() onlineRevenue: number;
  @ApiProperty() offlineRevenue: number;
  @ApiProperty() servicesRevenue: number;
  @ApiProperty() refunds: number;
  @ApiProperty() netRevenue: number;
  @ApiProperty() orders: number;
  @ApiProperty() offlineSales: number;
  @ApiProperty() completedBookings: number;
  @ApiProperty() grossProfit: number;
}

export class SalesReportView {
  @ApiProperty({ example: '2026-11-01' }) from: string;
  @ApiProperty({ example: '2026-11-30' }) to: string;
  @ApiProperty({ example: 'day', enum: ['day', 'month'] }) groupBy: string;
  @ApiProperty({ type: [SalesRow] }) rows: SalesRow[];
  @ApiProperty({ type: SalesTotals }) totals: SalesTotals;
}

export class InvariantResult {
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() violations: number;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Up to 20 violating records' }) examples: Record<string, unknown>[];
}

export class IntegrityReport {
  @ApiProperty({ example: true }) ok: boolean;
  @ApiProperty({ example: '2026-12-07T03:00:00.000Z', format: 'date-time' }) checkedAt: Date;
  @ApiProperty({ type: [InvariantResult] }) checks: InvariantResult[];
}

/** A line of the reorder report (docs/api.md#catalog-media). */
export class ReorderLine {
  @ApiProperty({ example: 12 }) variantId: number;
  @ApiProperty({ example: 5 }) productId: number;
  @ApiProperty({ example: 'SHIRT-LIN-M-BLU' }) sku: string;
  @ApiProperty({ example: 'Linen shirt' }) productName: string;
  @ApiProperty({ example: { size: 'M', colour: 'blue' }, type: 'object', additionalProperties: { type: 'string' } }) attributes: Record<string, string>;
  @ApiProperty({ example: 2 }) stock: number;
  @ApiProperty({ example: 5, description: 'The low-stock threshold in force (the product’s, else the store’s)' }) threshold: number;
  @ApiProperty({ example: 3, nullable: true, type: Number, description: 'Supplier of the latest purchase of this variant that is not cancelled' })
  lastSupplierId: number | null;
  @ApiProperty({ example: 'Northwind Textiles', nullable: true, type: String }) lastSupplierName: string | null;
  @ApiProperty({ example: 850, nullable: true, type: Number, description: 'Unit cost on that purchase, minor units' }) lastUnitCost: number | null;
  @ApiProperty({ example: 45, description: 'Units sold in the last 90 days: online orders and in-store sales, cancelled ones left out' })
  soldLast90Days: number;
  @ApiProperty({ example: 0, description: 'Units on draft or ordered purchases, not received yet (not subtracted from the suggestion)' }) onOrder: number;
  @ApiProperty({ example: 13, description: 'max(⌈sold in 90 days × 30 / 90⌉, threshold + 1) − stock: 30 days of sales, and at least out of low stock' })
  suggestedQuantity: number;
}
