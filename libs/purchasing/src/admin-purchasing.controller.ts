import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Res, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery, ApiListExport, ExportParams, ApiPdf } from '@chance/core';
import { BackOffice, CurrentUser, type Caller } from '@chance/identity';
import type { FastifyReply } from 'fastify';
import {
  CreatePurchaseDto,
  CreateSupplierDto,
  PurchaseInvoiceView,
  PurchaseView,
  SupplierView,
  UpdatePurchaseDto,
  UpdateSupplierDto,
} from './dto/purchasing.dto.js';
import { PURCHASE_INVOICE_LIST, PurchaseInvoicesService, toPurchaseInvoiceView } from './purchase-invoices.service.js';
import { PURCHASE_CSV, PURCHASE_LIST, PurchasesService } from './purchases.service.js';
import { SUPPLIER_LIST, SuppliersService, toSupplierView } from './suppliers.service.js';

@ApiTags('admin: suppliers')
@Controller('admin/suppliers')
@BackOffice()
export class AdminSuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get()
  @ApiList(SUPPLIER_LIST, { summary: 'List suppliers', description: 'q searches name, contact name, e-mail and phone.', type: SupplierView })
  list(@ListParams(SUPPLIER_LIST) query: ListQuery): Promise<ListPage<SupplierView>> {
    return this.suppliers.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One supplier', description: '404 NOT_FOUND when no supplier has this id.' })
  @ApiResponse({ status: 200, type: SupplierView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number): Promise<SupplierView> {
    return toSupplierView(await this.suppliers.get(id));
  }

  @Post()
  @ApiOperation({ summary: 'Create a supplier', description: 'name is required; contact details are optional.' })
  @ApiResponse({ status: 201, type: SupplierView })
  @ApiErrors()
  async create(@Body() body: CreateSupplierDto): Promise<SupplierView> {
    return toSupplierView(await this.suppliers.create(body));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change a supplier (partial)', description: 'Takes only the fields to change. 404 NOT_FOUND when no supplier has this id.' })
  @ApiResponse({ status: 200, type: SupplierView })
  @ApiErrors('NOT_FOUND')
  async update(@Param('id', IdPipe) id: number, @Body() body: UpdateSupplierDto): Promise<SupplierView> {
    return toSupplierView(await this.suppliers.update(id, body));
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a supplier without purchases',
    description: '409 CONFLICT once it has purchases. 404 NOT_FOUND when no supplier has this id.',
  })
  @ApiResponse({ status: 200, type: SupplierView })
  @ApiErrors('NOT_FOUND', 'CONFLICT')
  async remove(@Param('id', IdPipe) id: number): Promise<SupplierView> {
    return toSupplierView(await this.suppliers.remove(id));
  }
}

@ApiTags('admin: purchases')
@Controller('admin/purchases')
@BackOffice()
export class AdminPurchasesController {
  constructor(private readonly purchases: PurchasesService) {}

  @Get()
  @ApiList(PURCHASE_LIST, { summary: 'List purchases', description: 'q searches the number, notes, product names and SKUs of the lines.', type: PurchaseView })
  list(@ListParams(PURCHASE_LIST) query: ListQuery): Promise<ListPage<PurchaseView>> {
    return this.purchases.list(query);
  }

  @Get('export.csv')
  @ApiListExport(PURCHASE_LIST, PURCHASE_CSV.map((c) => c.header))
  exportCsv(@ExportParams(PURCHASE_LIST) query: ListQuery): StreamableFile {
    return this.purchases.exportCsv(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One purchase', description: 'With its lines and what has been received. 404 NOT_FOUND when no purchase has this id.' })
  @ApiResponse({ status: 200, type: PurchaseView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<PurchaseView> {
    return this.purchases.view(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a purchase', description: 'Its purchase invoice (PINV-<year>-<6 digits>) is issued with it.' })
  @ApiResponse({ status: 201, type: PurchaseView })
  @ApiErrors()
  create(@Body() body: CreatePurchaseDto): Promise<PurchaseView> {
    return this.purchases.create(body);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Change a purchase before receipt (partial; lines replace all lines)',
    description:
      'status may move draft → ordered here. A received or cancelled purchase is 409 INVALID_TRANSITION. 404 NOT_FOUND when no purchase has this id.',
  })
  @ApiResponse({ status: 200, type: PurchaseView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  update(@Param('id', IdPipe) id: number, @Body() body: UpdatePurchaseDto): Promise<PurchaseView> {
    return this.purchases.update(id, body);
  }

  @Post(':id/receive')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive the goods',
    description:
      'Adds every line to stock (purchase_received), sets each variant’s cost price to the line’s unit cost, freezes the purchase and its invoice. Twice: 409 INVALID_TRANSITION. 404 NOT_FOUND when no purchase has this id.',
  })
  @ApiResponse({ status: 200, type: PurchaseView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  receive(@Param('id', IdPipe) id: number, @CurrentUser() caller: Caller): Promise<PurchaseView> {
    return this.purchases.receive(id, caller.id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel before receipt',
    description: 'The purchase invoice becomes void. A received or cancelled purchase is 409 INVALID_TRANSITION. 404 NOT_FOUND when no purchase has this id.',
  })
  @ApiResponse({ status: 200, type: PurchaseView })
  @ApiErrors('NOT_FOUND', 'INVALID_TRANSITION')
  cancel(@Param('id', IdPipe) id: number): Promise<PurchaseView> {
    return this.purchases.cancel(id);
  }
}

@ApiTags('admin: purchase invoices')
@Controller('admin/purchase-invoices')
@BackOffice()
export class AdminPurchaseInvoicesController {
  constructor(private readonly invoices: PurchaseInvoicesService) {}

  @Get()
  @ApiList(PURCHASE_INVOICE_LIST, {
    summary: 'List suppliers’ invoices',
    description: 'Filters: supplierId, purchaseId, status (open, final, void); q searches its number and the purchase’s number.',
    type: PurchaseInvoiceView,
  })
  list(@ListParams(PURCHASE_INVOICE_LIST) query: ListQuery): Promise<ListPage<PurchaseInvoiceView>> {
    return this.invoices.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One supplier’s invoice', description: '404 NOT_FOUND when no purchase invoice has this id.' })
  @ApiResponse({ status: 200, type: PurchaseInvoiceView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number): Promise<PurchaseInvoiceView> {
    return toPurchaseInvoiceView(await this.invoices.get(id));
  }

  @Get(':id/pdf')
  @ApiOperation({
    summary: 'A supplier’s invoice as a PDF',
    description: 'The printable purchase invoice (application/pdf, inline). 404 NOT_FOUND when no purchase invoice has this id.',
  })
  @Header('Content-Type', 'application/pdf')
  @ApiPdf('purchase invoice')
  @ApiErrors('NOT_FOUND')
  async pdf(@Param('id', IdPipe) id: number, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const invoice = await this.invoices.get(id);
    reply.header('Content-Disposition', `inline; filename="${invoice.number}.pdf"`);
    return this.invoices.pdf(invoice);
  }
}
