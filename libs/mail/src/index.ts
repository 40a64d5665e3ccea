export * from './mail.module.js';
export { EmailEntity } from './email.entity.js';
export { MailSender } from './mail-sender.js';
export { MailQueue, REMINDER_AHEAD_SECONDS } from './mail-queue.js';
export { MailTransport, type MailMessage } from './mail-transport.js';
export { TEMPLATES, type Template } from './mail-templates.js';
