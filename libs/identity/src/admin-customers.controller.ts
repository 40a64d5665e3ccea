import { Body, Controller, Get, Param, Put, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, ApiListExport, ExportParams, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { BackOffice } from './access.js';
import { CUSTOMER_CSV, CUSTOMER_LIST, CustomersService } from './customers.service.js';
import { CustomerView, UpdateCustomerDto } from './dto/index.js';

/**
 * Customers across channels (docs/api.md#customers): one row per account with role `customer`, with
 * its linked in-store customer and maintained figures. Staff may read them and keep notes; roles,
 * passwords and profile fields stay on `users` (admin only).
 */
@ApiTags('admin: customers')
@Controller('admin/customers')
@BackOffice()
export class AdminCustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @ApiList(CUSTOMER_LIST, {
    summary: 'List customers with their orders, in-store sales, bookings, lifetime value and outstanding balance',
    description:
      'One row per account with role customer. q searches name, e-mail and phone. Counts and sums leave out drafts and cancelled records; ' +
      'lifetimeValue = Σ totals of the account’s orders, its linked in-store customer’s sales and its completed bookings that are not cancelled − Σ their refunds; ' +
      'outstandingBalance = the balances still due on them. The figures are maintained with every change (never summed per request), so ' +
      'sorting by lifetimeValue, outstandingBalance or lastActivityAt stays fast at any size. Admins and staff.',
    type: CustomerView,
  })
  list(@ListParams(CUSTOMER_LIST) query: ListQuery): Promise<ListPage<CustomerView>> {
    return this.customers.list(query);
  }

  @Get('export.csv')
  @ApiListExport(CUSTOMER_LIST, CUSTOMER_CSV.map((c) => c.header), 'customers')
  exportCsv(@ExportParams(CUSTOMER_LIST) query: ListQuery): StreamableFile {
    return this.customers.exportCsv(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A customer', description: 'The id is the account’s user id; 404 NOT_FOUND when no account with role customer has this id.' })
  @ApiResponse({ status: 200, type: CustomerView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<CustomerView> {
    return this.customers.get(id);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Keep notes on a customer',
    description:
      'Takes only `notes` (a string up to 5000 characters, or null to clear); any other field is a 400 VALIDATION_FAILED. ' +
      'Admins and staff; audited under the customers resource. Profile fields, roles and passwords are changed on users (admin only). ' +
      '404 NOT_FOUND when no account with role customer has this id.',
  })
  @ApiResponse({ status: 200, type: CustomerView })
  @ApiErrors('NOT_FOUND')
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateCustomerDto): Promise<CustomerView> {
    return this.customers.update(id, body);
  }
}
