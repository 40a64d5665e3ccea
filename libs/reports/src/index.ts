export * from './reports.module.js';
export { checkIntegrity, formatIntegrity } from './integrity.js';
export type { IntegrityReport } from './dto/reports.dto.js';
export { RevenueDaysFold } from './revenue-days.js';
