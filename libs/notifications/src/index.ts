export * from './notifications.module.js';
export { NotificationEntity } from './notification.entity.js';
export { MessageEntity } from './message.entity.js';
export type * from './notifications.events.js';
