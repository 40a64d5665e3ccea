export * from './notifications.module.js';
export { NotificationEntity } from './notifications.service.js';
export type * from './notifications.events.js';
