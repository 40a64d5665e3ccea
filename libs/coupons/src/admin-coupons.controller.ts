import { Body, Controller, Delete, Get, Param, Post, Put, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery, ApiListExport, ExportParams } from '@chance/core';
import { BackOffice } from '@chance/identity';
import { COUPON_CSV, COUPON_LIST, CouponsService, toCouponView } from './coupons.service.js';
import { CouponView, CreateCouponDto, UpdateCouponDto } from './dto/coupon.dto.js';

@ApiTags('admin: coupons')
@Controller('admin/coupons')
@BackOffice()
export class AdminCouponsController {
  constructor(private readonly coupons: CouponsService) {}

  @Get()
  @ApiOperation({ summary: 'List coupons', description: 'q searches code and description; each carries its derived status and timesUsed.' })
  @ApiList(COUPON_LIST)
  @ApiResponse({ status: 200, type: [CouponView] })
  @ApiErrors()
  list(@ListParams(COUPON_LIST) query: ListQuery): Promise<ListPage<CouponView>> {
    return this.coupons.list(query);
  }

  @Get('export.csv')
  @ApiListExport(COUPON_LIST, COUPON_CSV.map((c) => c.header))
  exportCsv(@ExportParams(COUPON_LIST) query: ListQuery): StreamableFile {
    return this.coupons.exportCsv(query);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: CouponView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number): Promise<CouponView> {
    return toCouponView(await this.coupons.get(id));
  }

  @Post()
  @ApiResponse({ status: 201, type: CouponView })
  @ApiErrors()
  async create(@Body() body: CreateCouponDto): Promise<CouponView> {
    return toCouponView(await this.coupons.create(body));
  }

  @Put(':id')
  @ApiResponse({ status: 200, type: CouponView })
  @ApiErrors('NOT_FOUND')
  async update(@Param('id', IdPipe) id: number, @Body() body: UpdateCouponDto): Promise<CouponView> {
    return toCouponView(await this.coupons.update(id, body));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a coupon never used', description: '409 CONFLICT once used: deactivate it instead.' })
  @ApiResponse({ status: 200, type: CouponView })
  @ApiErrors('NOT_FOUND', 'CONFLICT')
  async remove(@Param('id', IdPipe) id: number): Promise<CouponView> {
    return toCouponView(await this.coupons.remove(id));
  }
}
