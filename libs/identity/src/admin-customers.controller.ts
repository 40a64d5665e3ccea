import { Controller, Get, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiListExport, ExportParams, type ListQuery } from '@chance/core';
import { BackOffice } from './access.js';
import { CUSTOMER_CSV, CUSTOMER_LIST, UsersService } from './users.service.js';

/**
 * Customer accounts (SPEC section 17: staff may read customers): their CSV export, the users
 * list's filters and sort with the role fixed to `customer`.
 */
@ApiTags('admin: customers')
@Controller('admin/customers')
@BackOffice()
export class AdminCustomersController {
  constructor(private readonly users: UsersService) {}

  @Get('export.csv')
  @ApiListExport(CUSTOMER_LIST, CUSTOMER_CSV.map((c) => c.header), 'customer accounts')
  exportCsv(@ExportParams(CUSTOMER_LIST) query: ListQuery): StreamableFile {
    return this.users.exportCustomersCsv(query);
  }
}
