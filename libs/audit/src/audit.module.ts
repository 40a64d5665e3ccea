import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AdminAuditLogsController } from './audit.controller.js';
import { AuditActorInterceptor, AuditLogService } from './audit.js';

@Module({
  controllers: [AdminAuditLogsController],
  providers: [AuditLogService, { provide: APP_INTERCEPTOR, useClass: AuditActorInterceptor }],
})
export class AuditModule {}
