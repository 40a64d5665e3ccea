export * from './reports.module.js';
export { checkIntegrity, formatIntegrity, type IntegrityReport } from './integrity.js';
export { RevenueDaysFold } from './revenue-days.js';
