import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@chance/core';
import { BackOffice } from '@chance/identity';
import { DashboardView, IntegrityReport, ReorderLine, SalesReportView } from './dto/reports.dto.js';
import { IntegrityService } from './integrity.js';
import { ReorderReport } from './reorder.js';
import { reportPeriod } from './report-period.js';
import { ReportsService } from './reports.service.js';

@ApiTags('admin: reports')
@Controller('admin/reports')
@BackOffice()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly integrityService: IntegrityService,
    private readonly reorder: ReorderReport,
  ) {}

  @Get('dashboard')
  @ApiOperation({
    summary: 'The back office’s figures of the day',
    description:
      'Net revenue today and over 30 days (with each day’s), pending orders, variants at or below their low-stock threshold, balances still owed and bookings of the next 7 days; money in minor units, days in UTC.',
  })
  @ApiResponse({ status: 200, type: DashboardView })
  dashboard(): Promise<DashboardView> {
    return this.reports.dashboard();
  }

  @Get('integrity')
  @ApiOperation({
    summary: 'Check every invariant (stock = ledger, totals, payments, coupon use, numbering, events)',
    description: 'Also `npm run check:invariants`.',
  })
  @ApiResponse({ status: 200, type: IntegrityReport })
  integrity(): Promise<IntegrityReport> {
    return this.integrityService.check();
  }

  @Get('sales')
  @ApiOperation({ summary: 'Sales by day or month', description: 'from and to are UTC dates, both inclusive. Cancelled orders and sales do not count.' })
  @ApiQuery({ name: 'from', example: '2026-01-01' })
  @ApiQuery({ name: 'to', example: '2026-11-25' })
  @ApiQuery({ name: 'groupBy', enum: ['day', 'month'], required: false })
  @ApiResponse({ status: 200, type: SalesReportView })
  @ApiErrors()
  sales(@Query() query: Record<string, unknown>): Promise<SalesReportView> {
    return this.reports.sales(reportPeriod(query));
  }

  @Get('reorder')
  @ApiOperation({
    summary: 'What to order again',
    description:
      'Every variant at or below its low-stock threshold, with the supplier and unit cost of its latest purchase that is not cancelled ' +
      '(by receipt, else order, else creation date) and suggestedQuantity = max(⌈units sold in the last 90 days × 30 / 90⌉, threshold + 1) − stock: ' +
      'enough for 30 days at the recent rate (online orders and in-store sales that are not cancelled), and at least out of low stock. ' +
      '`onOrder` (draft and ordered purchases not received) is shown beside it and not subtracted: check it before ordering again. ' +
      'A JSON array (not a paged list), by last supplier, product and SKU. The admin SPA turns a selection into one draft purchase per supplier.',
  })
  @ApiResponse({ status: 200, type: [ReorderLine] })
  reorderReport(): Promise<ReorderLine[]> {
    return this.reorder.lines();
  }
}
