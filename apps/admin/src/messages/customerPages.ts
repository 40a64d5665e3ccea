import { canRoleAccess } from '../providers/access';
import type { Role } from '../types';

/** One customer's messages: the Messages list filtered to them (the filter shown, so it can be cleared). */
export const customerMessagesPath = (userId: number): string =>
  `/messages?${new URLSearchParams({ filter: JSON.stringify({ userId }), displayedFilters: JSON.stringify({ userId: true }) })}`;

/** The "Send a message" page, addressed to one customer (and titled, for a reply; `to` names them on the page). */
export const replyPath = (userId: number, title?: string, to?: string | null): string =>
  `/messages/new?${new URLSearchParams({ userId: String(userId), ...(title ? { title: replyTitle(title) } : {}), ...(to ? { to } : {}) })}`;

/** "Re: Sunday?" (never "Re: Re: Sunday?"), within the API's 200 characters. */
export const replyTitle = (title: string): string => (/^re:/i.test(title.trim()) ? title.trim() : `Re: ${title.trim()}`).slice(0, 200);

/**
 * Where a customer opens (the API's `customers` link, on a customer's message): the customer's page
 * (`customers`: figures, timeline and messages, for admins and staff); for a role that may not read
 * customers, their account (`users`) if it may read that, else their messages.
 */
export function customerPagePath(role: Role | undefined, userId: number): string {
  if (canRoleAccess(role, 'customers')) return `/customers/${userId}/show`;
  return canRoleAccess(role, 'users') ? `/users/${userId}` : customerMessagesPath(userId);
}

export type Audience = 'all' | 'one';

/** The "Send a message" form. */
export interface MessageFormValues {
  audience: Audience;
  userId?: number | null;
  title: string;
  body: string;
}

/** What the "Send a message" page starts with: `?userId=42` addresses one person (a reply), `?title=` titles it. */
export function initialMessage(params: URLSearchParams): MessageFormValues {
  const userId = Number(params.get('userId'));
  const title = (params.get('title') ?? '').slice(0, 200);
  return Number.isInteger(userId) && userId > 0 ? { audience: 'one', userId, title, body: '' } : { audience: 'all', title, body: '' };
}
