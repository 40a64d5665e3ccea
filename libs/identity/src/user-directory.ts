import type { EntityManager } from 'typeorm';
import type { Role } from './roles.js';

// What other libraries may ask about users, read in the caller's transaction: the one way they
// reach identity's tables (docs/architecture.md#table-ownership).

/** The user's e-mail, or null when there is no such user. */
export async function emailOf(manager: EntityManager, userId: number): Promise<string | null> {
  const [user] = await manager.query('SELECT email FROM users WHERE id = $1', [userId]);
  return user?.email ?? null;
}

/** Whether the user exists (active or not). */
export async function userExists(manager: EntityManager, userId: number): Promise<boolean> {
  const [user] = await manager.query('SELECT 1 FROM users WHERE id = $1', [userId]);
  return user !== undefined;
}

/** E-mail and full name of these users, in one query; a user that does not exist is missing from the map. */
export async function contactsOf(manager: EntityManager, userIds: readonly number[]): Promise<Map<number, { email: string; name: string }>> {
  // one query even for none: a page's query count does not depend on its rows
  const rows: { id: number; email: string; name: string }[] = await manager.query(
    'SELECT u.id, u.email, p.full_name AS name FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = ANY($1)',
    [[...new Set(userIds)]],
  );
  return new Map(rows.map((r) => [r.id, { email: r.email, name: r.name }]));
}

/** Whom a message goes to: an active account's address and name. */
export interface Contact {
  id: number;
  email: string;
  fullName: string;
  role: Role;
}

const CONTACT = `SELECT u.id, u.email, u.role, COALESCE(p.full_name, '') AS "fullName" FROM users u LEFT JOIN profiles p ON p.user_id = u.id`;

/** The contacts of the active accounts among `ids`, read in the caller's transaction (for messages queued in it). */
export async function contactsIn(manager: EntityManager, ids: readonly number[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  return manager.query(`${CONTACT} WHERE u.id = ANY($1) AND u.is_active`, [ids]);
}

/** The contact of the active account that uses this (normalized) e-mail, or null. */
export async function activeContactByEmail(manager: EntityManager, email: string): Promise<Contact | null> {
  const [contact] = await manager.query(`${CONTACT} WHERE u.email = $1 AND u.is_active`, [email]);
  return contact ?? null;
}

/** Which of these users are active (a deactivated account receives nothing), in id order. */
export async function activeUserIds(manager: EntityManager, userIds: readonly number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows: { id: number }[] = await manager.query('SELECT id FROM users WHERE id = ANY($1) AND is_active ORDER BY id', [[...new Set(userIds)]]);
  return rows.map((r) => r.id);
}

/** Every active user with one of these roles, in id order. */
export async function activeUserIdsWithRoles(manager: EntityManager, roles: readonly Role[]): Promise<number[]> {
  if (roles.length === 0) return [];
  const rows: { id: number }[] = await manager.query('SELECT id FROM users WHERE role = ANY($1) AND is_active ORDER BY id', [[...roles]]);
  return rows.map((r) => r.id);
}

/** How to address a user on a document (a credit note of their booking): e-mail and profile, in the caller's transaction; null when there is no such user. */
export async function contactOf(
  manager: EntityManager,
  userId: number,
): Promise<{ email: string; fullName: string; phone: string | null; address: string | null } | null> {
  const [row] = await manager.query(
    `SELECT u.email, COALESCE(p.full_name, '') AS "fullName", p.phone, p.address FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = $1`,
    [userId],
  );
  return row ?? null;
}

/** Whether this user exists and has the role `customer` (an account a record may belong to). */
export async function isCustomerAccount(manager: EntityManager, userId: number): Promise<boolean> {
  const [user] = await manager.query(`SELECT 1 FROM users WHERE id = $1 AND role = 'customer'`, [userId]);
  return user !== undefined;
}
