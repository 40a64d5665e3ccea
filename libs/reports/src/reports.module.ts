import { Module } from '@nestjs/common';
import { CustomerTimelineController } from './customer-timeline.controller.js';
import { CustomerTimeline } from './customer-timeline.js';
import { ReportsController } from './reports.controller.js';
import { IntegrityService } from './integrity.js';
import { ReorderReport } from './reorder.js';
import { ReportsService } from './reports.service.js';
import { RevenueDaysFold } from './revenue-days.js';

@Module({
  controllers: [ReportsController, CustomerTimelineController],
  providers: [ReportsService, IntegrityService, RevenueDaysFold, ReorderReport, CustomerTimeline],
})
export class ReportsModule {}
