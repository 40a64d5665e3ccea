/**
 * Who may do what in the back office (docs/api.md#roles): admins everything; staff everything
 * except users, settings, the audit log and the integrations (API keys, webhooks, e-mails); customers nothing (they are refused at sign-in).
 * The API enforces the same rules; this only keeps the SPA from offering what would be refused.
 */
import type { Role } from '../types';

/** Resources (react-admin names, plus the custom pages) reserved to admins. */
export const adminOnlyResources: ReadonlySet<string> = new Set(['users', 'settings', 'audit-logs', 'api-keys', 'webhooks', 'webhook-deliveries', 'emails']);

export function canRoleAccess(role: Role | undefined, resource: string): boolean {
  if (role === 'admin') return true;
  if (role === 'staff') return !adminOnlyResources.has(resource);
  return false;
}
