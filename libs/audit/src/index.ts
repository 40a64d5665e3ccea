export * from './audit.module.js';
export { actionOf } from './audit.js';
export { AuditLogEntity } from './audit-log.entity.js';
