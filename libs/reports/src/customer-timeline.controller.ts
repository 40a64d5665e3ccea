import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { BackOffice } from '@chance/identity';
import { CUSTOMER_TIMELINE_LIST, CustomerTimeline } from './customer-timeline.js';
import { CustomerTimelineEntry } from './dto/customer-timeline.dto.js';

/**
 * A customer's records across channels as one timeline (docs/api.md#customers). It lives with the
 * reports because it reads across libraries (orders, in-store sales, bookings, refunds, messages),
 * which only the read side may do (docs/architecture.md#table-ownership); the customer itself is
 * libs/identity's `customers` resource.
 */
@ApiTags('admin: customers')
@Controller('admin/customers')
@BackOffice()
export class CustomerTimelineController {
  constructor(private readonly timeline: CustomerTimeline) {}

  @Get(':id/timeline')
  @ApiOperation({
    summary: 'A customer’s timeline: orders, in-store sales, bookings, refunds and messages, newest first',
    description:
      'One list of the account’s orders (not drafts), its linked in-store customer’s sales, the bookings of the account and of the linked ' +
      'in-store customer, the refunds of any of those, and the messages to and from the account (not those to every customer), ' +
      'cancelled records included. Each entry names its record (`resource`, `recordId`) with its date (`at`: placed, sold, the visit, ' +
      'refunded, sent), number or title, amount and status. Newest first (`sort=["at","ASC"]` for oldest first; ties by kind, then record id); ' +
      'the list protocol’s `range` pages it (at most 1000 entries) and Content-Range: customer-timeline start-end/total counts every entry. ' +
      'Admins and staff. 404 NOT_FOUND when no account with role customer has this id (another role’s user included). ' +
      'A malformed `range` or `sort`, or any `filter` key, is 400 VALIDATION_FAILED.',
  })
  @ApiResponse({
    status: 200,
    type: [CustomerTimelineEntry],
    description: 'A JSON array; header Content-Range: customer-timeline start-end/total',
    headers: { 'Content-Range': { description: 'customer-timeline start-end/total', schema: { type: 'string', example: 'customer-timeline 0-24/31' } } },
  })
  @ApiQuery({ name: 'range', type: String, required: false, description: 'JSON [start,end], inclusive, at most 1000 entries', example: '[0,24]' })
  @ApiQuery({ name: 'sort', type: String, required: false, description: 'JSON ["at","DESC"|"ASC"]; newest first by default', example: '["at","DESC"]' })
  @ApiErrors('NOT_FOUND')
  list(@Param('id', IdPipe) id: number, @ListParams(CUSTOMER_TIMELINE_LIST) query: ListQuery): Promise<ListPage<CustomerTimelineEntry>> {
    return this.timeline.page(id, query);
  }
}
