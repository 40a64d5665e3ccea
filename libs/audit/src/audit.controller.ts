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
  @ApiOperation({
    summary: 'Every back-office change, newest first',
    description: 'filter {"record":"products:5"} gives a record’s history (its parts included); also resource, resourceId, actorId, action, at_gte/lte.',
  })
  @ApiList(AUDIT_LIST)
  @ApiResponse({ status: 200, type: [AuditLogView] })
  @ApiErrors()
  list(@ListParams(AUDIT_LIST) query: ListQuery): Promise<ListPage<AuditLogView>> {
    return this.audit.list(query);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: AuditLogView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<AuditLogView> {
    return this.audit.get(id);
  }
}
