import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller.js';
import { IntegrityService } from './integrity.js';
import { ReorderReport } from './reorder.js';
import { ReportsService } from './reports.service.js';
import { RevenueDaysFold } from './revenue-days.js';

@Module({ controllers: [ReportsController], providers: [ReportsService, IntegrityService, RevenueDaysFold, ReorderReport] })
export class ReportsModule {}
