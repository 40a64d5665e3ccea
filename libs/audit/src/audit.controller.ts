import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { AdminOnly } from '@chance/identity';
import { AUDIT_LIST, AuditLogService } from './audit.js';
import { AuditLogView } from './dto/audit-log.dto.js';

@ApiTags('admin: audit log')
@Controller('admin/audit-logs')
@AdminOnly()
export class AdminAuditLogsController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @ApiList(AUDIT_LIST, {
    summary: 'Every back-office change, newest first',
    description: 'filter {"record":"products:5"} gives a record’s history (its parts included); also resource, resourceId, actorId, action, at_gte/lte.',
    type: AuditLogView,
  })
  list(@ListParams(AUDIT_LIST) query: ListQuery): Promise<ListPage<AuditLogView>> {
    return this.audit.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One audit entry',
    description: 'Who changed what and when, with the record before and after. 404 NOT_FOUND when no entry has this id.',
  })
  @ApiResponse({ status: 200, type: AuditLogView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<AuditLogView> {
    return this.audit.get(id);
  }
}
