export * from './audit.module.js';
export { AuditLogEntity, actionOf } from './audit.js';
