import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { retentionRule } from '@chance/core';
import { AdminAuditLogsController } from './audit.controller.js';
import { AuditActorInterceptor, AuditLogService } from './audit.js';

@Module({
  controllers: [AdminAuditLogsController],
  providers: [
    AuditLogService,
    { provide: APP_INTERCEPTOR, useClass: AuditActorInterceptor },
    retentionRule({
      name: 'audit-log',
      table: 'audit_logs',
      age: 'at',
      keepDays: { variable: 'RETENTION_AUDIT_DAYS', default: 365 },
      why: 'who changed what, for a year (a yearly closing); raise it if your auditors ask for more, 0 keeps every entry. The records themselves (orders, sales, invoices, stock movements) are never deleted.',
    }),
  ],
})
export class AuditModule {}
