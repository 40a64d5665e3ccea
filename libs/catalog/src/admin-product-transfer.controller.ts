import { Controller, Get, HttpCode, Post, Query, Req, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrors, UploadRoute, validationFailed, withUploadedFile } from '@chance/core';
import { BackOffice, CurrentUser, type Caller } from '@chance/identity';
import { ImportResultView } from './dto/index.js';
import { CSV_COLUMNS, CSV_LIMITS } from './product-csv.js';
import { ProductExportService } from './product-export.service.js';
import { ProductImportService } from './product-import.service.js';

const COLUMNS = `${CSV_COLUMNS.join(', ')}, attribute:<name>…`;

@ApiTags('admin: products')
@Controller('admin')
@BackOffice()
export class AdminProductTransferController {
  constructor(
    private readonly imports: ProductImportService,
    private readonly exports: ProductExportService,
  ) {}

  @Post('imports/products')
  @HttpCode(200)
  @UploadRoute('file', 'The CSV: UTF-8, comma-separated, a header row, one row per variant')
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'], description: 'true: check and count only, change nothing. Default false' })
  @ApiOperation({
    summary: 'Import products from CSV (create or update by SKU)',
    description:
      `Columns: ${COLUMNS}; sku, product, category and price are required, the others may be left out (or a cell left empty) to keep what is there ` +
      '(new products: costPrice 0, shippingCost 0, estimatedDeliveryDays 3, isActive true, stock 0). Money in whole minor units (1999 for 19.99). ' +
      "isActive: true/false (also yes/no, 1/0). One row per variant; a row's price and costPrice are that variant's (the product's own price " +
      "becomes its first variant's, a variant keeps an own price where it differs). A known SKU (case-insensitive) updates its variant and " +
      'product; a new SKU joins the product of that name (of a known SKU in the file, else the one product so named) or creates one. Rows of ' +
      'one product must agree on its fields. `category` is a name, created when missing. `attribute:<name>` columns set the attributes (an empty ' +
      'cell: none of that name); without any attribute column attributes are kept. Stock is set through `adjustment` movements, reference "import". ' +
      "Text cells starting with = + - @ may start with a ' (the export adds it so spreadsheets do not run them as formulas), which is dropped. " +
      `At most ${CSV_LIMITS.maxRows.toLocaleString('en')} rows (beyond, an error on the first row too many) and 100 MB (413 beyond). ` +
      'The answer counts rows: {created, updated, unchanged, errors: [{row, column, message}]} with `row` the line where the row starts (the header ' +
      'is line 1). A dry run changes nothing. A real run is one transaction: with any error it changes nothing and answers 400 VALIDATION_FAILED ' +
      'whose `errors` is that same list (here a list, not a map). At most the first 1,000 errors are listed. A body that is not multipart/form-data is 415 UNSUPPORTED_MEDIA_TYPE; a file over the size limit is 413 PAYLOAD_TOO_LARGE.',
  })
  @ApiResponse({ status: 200, type: ImportResultView })
  @ApiErrors('PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  async importProducts(@Query('dryRun') dryRun: unknown, @Req() request: FastifyRequest, @CurrentUser() caller: Caller): Promise<ImportResultView> {
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') throw validationFailed({ dryRun: 'must be true or false' });
    return withUploadedFile(request, { field: 'file', maxBytes: CSV_LIMITS.maxBytes }, (upload) =>
      this.imports.import(upload, { dryRun: dryRun === 'true', actorId: caller.id }),
    );
  }

  @Get('exports/products.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Export every variant as the import’s CSV',
    description:
      `Columns ${COLUMNS} (every attribute name in the catalog), one row per variant in product order, effective prices; it imports back ` +
      'unchanged. Streamed from one consistent snapshot, a page of 1,000 variants at a time, for any catalog size.',
  })
  @ApiResponse({
    status: 200,
    description: 'text/csv; charset=utf-8, as an attachment products.csv',
    content: { 'text/csv': { schema: { type: 'string' }, example: `${CSV_COLUMNS.join(',')}\r\n` } },
  })
  exportProducts(): StreamableFile {
    return this.exports.csv();
  }
}
