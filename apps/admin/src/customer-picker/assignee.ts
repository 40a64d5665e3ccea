/**
 * Who does a booked visit (`assigneeId`: an active admin or staff member, docs/api.md#services-and-notifications).
 * Admins search the team in `users` (role admin or staff, active). Staff may not read users
 * (docs/api.md#roles) and the API offers no other list of the team, so a staff member picks between
 * nobody and themselves (their id is their signed-in identity); an assignee already set stays
 * shown by number.
 */
import type { components } from '../api/schema';

type AdminUserView = components['schemas']['AdminUserView'];

/** The `users` list filter of the admins' search. */
export const assigneeFilter = { role: ['admin', 'staff'], isActive: true } as const;

/** "Sam Staff · sam@example.com (staff)". */
export const assigneeText = (user: Pick<AdminUserView, 'email' | 'fullName' | 'role'>): string =>
  `${[user.fullName?.trim(), user.email].filter(Boolean).join(' · ')} (${user.role})`;

export interface AssigneeChoice {
  id: number;
  name: string;
}

/** A staff member's choices: themselves, and the current assignee when it is someone else. */
export function staffAssigneeChoices(me: { id: unknown; fullName?: string | null } | undefined, currentAssigneeId: unknown): AssigneeChoice[] {
  const choices: AssigneeChoice[] = [];
  const myId = Number(me?.id);
  if (Number.isSafeInteger(myId) && myId > 0) choices.push({ id: myId, name: me?.fullName ? `Me (${me.fullName})` : 'Me' });
  const current = Number(currentAssigneeId);
  if (currentAssigneeId != null && currentAssigneeId !== '' && Number.isSafeInteger(current) && current > 0 && current !== myId) {
    choices.push({ id: current, name: `Team member #${current}` });
  }
  return choices;
}
