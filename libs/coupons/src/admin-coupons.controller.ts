import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  applyToEach,
  ApiErrors,
  ApiList,
  BULK_MAX_IDS,
  BulkResultView,
  IdPipe,
  ListParams,
  type ListPage,
  type ListQuery,
  ApiListExport,
  ExportParams,
} from '@chance/core';
import { BackOffice } from '@chance/identity';
import { COUPON_CSV, COUPON_LIST, CouponsService, toCouponView } from './coupons.service.js';
import { BulkCouponUpdateDto, CouponView, CreateCouponDto, UpdateCouponDto } from './dto/coupon.dto.js';

@ApiTags('admin: coupons')
@Controller('admin/coupons')
@BackOffice()
export class AdminCouponsController {
  constructor(private readonly coupons: CouponsService) {}

  @Get()
  @ApiList(COUPON_LIST, {
    summary: 'List coupons',
    description: 'q searches code and description; each carries its derived status and timesUsed.',
    type: CouponView,
  })
  list(@ListParams(COUPON_LIST) query: ListQuery): Promise<ListPage<CouponView>> {
    return this.coupons.list(query);
  }

  @Get('export.csv')
  @ApiListExport(COUPON_LIST, COUPON_CSV.map((c) => c.header))
  exportCsv(@ExportParams(COUPON_LIST) query: ListQuery): StreamableFile {
    return this.coupons.exportCsv(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One coupon', description: 'With its derived status and timesUsed. 404 NOT_FOUND when no coupon has this id.' })
  @ApiResponse({ status: 200, type: CouponView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number): Promise<CouponView> {
    return toCouponView(await this.coupons.get(id));
  }

  @Post()
  @ApiOperation({
    summary: 'Create a coupon',
    description:
      'A percentage’s discountValue is in basis points (1000 = 10 %), a fixed one’s in minor units. The code is unique (400 VALIDATION_FAILED with errors.code when taken).',
  })
  @ApiResponse({ status: 201, type: CouponView })
  @ApiErrors()
  async create(@Body() body: CreateCouponDto): Promise<CouponView> {
    return toCouponView(await this.coupons.create(body));
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Change a coupon (partial)',
    description:
      'Takes only the fields to change. A taken code, or a usageLimit below the uses already made, is 400 VALIDATION_FAILED. 404 NOT_FOUND when no coupon has this id.',
  })
  @ApiResponse({ status: 200, type: CouponView })
  @ApiErrors('NOT_FOUND')
  async update(@Param('id', IdPipe) id: number, @Body() body: UpdateCouponDto): Promise<CouponView> {
    return toCouponView(await this.coupons.update(id, body));
  }

  @Post('bulk-update')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deactivate (or reactivate) several coupons',
    description:
      `PUT /:id with \`isActive\` for each coupon named (1 to ${BULK_MAX_IDS} distinct ids, else 400 VALIDATION_FAILED), one after another, each in its ` +
      'own transaction with the same rules and audit entries as the single route. A coupon that cannot change (404 NOT_FOUND, ...) is left unchanged and ' +
      'listed in `failed` with that code and message; the others are changed. The answer is 200 whatever each coupon’s outcome.',
  })
  @ApiResponse({ status: 200, type: BulkResultView })
  @ApiErrors()
  updateMany(@Body() body: BulkCouponUpdateDto): Promise<BulkResultView> {
    return applyToEach(body.ids, (id) => this.coupons.update(id, { isActive: body.isActive }));
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a coupon never used',
    description: '409 CONFLICT once used: deactivate it instead. 404 NOT_FOUND when no coupon has this id.',
  })
  @ApiResponse({ status: 200, type: CouponView })
  @ApiErrors('NOT_FOUND', 'CONFLICT')
  async remove(@Param('id', IdPipe) id: number): Promise<CouponView> {
    return toCouponView(await this.coupons.remove(id));
  }
}
