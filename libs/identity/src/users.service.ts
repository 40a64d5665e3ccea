import { Injectable } from '@nestjs/common';
import {
  findPage,
  inTransaction,
  notFound,
  publish,
  updateRow,
  withUniqueFields,
  ADMIN_MAX_ROWS,
  type ListColumns,
  type ListQuery,
  type ListSpec,
  type ListPage,
  ReadReplica,
} from '@chance/core';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { CreateUserDto, UpdateProfileDto, UpdateUserDto } from './dto/index.js';
import { PasswordHasher, hashPassword } from './password.js';
import { ROLES, type Role } from './roles.js';
import { SessionsService } from './sessions.service.js';
import { activeContactByEmail, contactsIn, type Contact } from './user-directory.js';
import { ProfileEntity, UserEntity } from './user.entity.js';

export interface NewUser {
  email: string;
  password: string;
  fullName: string;
  phone?: string | null;
  address?: string | null;
  role: Role;
}

export const USER_LIST: ListSpec = {
  resource: 'users',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'email', 'fullName', 'role', 'isActive', 'createdAt'],
  defaultSort: ['id', 'ASC'],
  searchable: true,
  filters: { role: { type: 'enum', values: ROLES }, isActive: { type: 'boolean' }, createdAt_gte: { type: 'date' }, createdAt_lte: { type: 'date' } },
};

const USER_COLUMNS: ListColumns = {
  columns: { id: 'u.id', email: 'u.email', fullName: 'p.fullName', role: 'u.role', isActive: 'u.isActive', createdAt: 'u.createdAt' },
  search: ['u.email', 'p.fullName', 'p.phone'],
};

/** The users list's query: each user with its profile, the columns above. */
const withProfiles = (manager: EntityManager): SelectQueryBuilder<UserEntity> =>
  manager.createQueryBuilder(UserEntity, 'u').leftJoinAndMapOne('u.profile', ProfileEntity, 'p', 'p.userId = u.id');

/** A new user whose password has been hashed already (hash before the transaction: argon2 is slow). */
export type HashedNewUser = Omit<NewUser, 'password'> & { passwordHash: string };

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Creates a user and its profile in the caller's transaction (every user has a profile,
 * docs/api.md#tokens-and-sessions). An e-mail already taken is a 400 on `email`.
 */
export async function createUserWithProfile(manager: EntityManager, input: HashedNewUser): Promise<UserEntity> {
  const email = normalizeEmail(input.email);
  const { passwordHash } = input;
  const [{ id }]: { id: number }[] = await withUniqueFields(
    () => manager.query('INSERT INTO users (email, password_hash, role) VALUES ($1, $2, $3) RETURNING id', [email, passwordHash, input.role]),
    { users_email_key: { email: 'is already registered' } },
  );
  await manager.query('INSERT INTO profiles (user_id, full_name, phone, address) VALUES ($1, $2, $3, $4)', [
    id,
    input.fullName.trim(),
    input.phone ?? null,
    input.address ?? null,
  ]);
  if (input.role === 'customer') await publish(manager, 'customer.created', { userId: id });
  else await publish(manager, 'user.created', { userId: id, role: input.role });
  return loadUser(manager, id);
}

export async function loadUser(manager: EntityManager, id: number): Promise<UserEntity> {
  const user = await manager
    .createQueryBuilder(UserEntity, 'u')
    .leftJoinAndMapOne('u.profile', ProfileEntity, 'p', 'p.userId = u.id')
    .where('u.id = :id', { id })
    .getOne();
  if (!user) throw notFound('User');
  return user;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadReplica,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  async create(input: NewUser): Promise<UserEntity> {
    const { password, ...rest } = input;
    const passwordHash = await this.hasher.hash(password);
    return inTransaction(this.dataSource, (manager) => createUserWithProfile(manager, { ...rest, passwordHash }));
  }

  get(id: number): Promise<UserEntity> {
    return loadUser(this.dataSource.manager, id);
  }

  /** An active account's contact, or null (unknown or deactivated), from committed data. */
  async contactOf(id: number): Promise<Contact | null> {
    return (await contactsIn(this.dataSource.manager, [id]))[0] ?? null;
  }

  /** The active account that uses this e-mail (normalized), or null. */
  contactByEmail(email: string): Promise<Contact | null> {
    return activeContactByEmail(this.dataSource.manager, normalizeEmail(email));
  }

  list(query: ListQuery): Promise<ListPage<UserEntity>> {
    return this.reads.onReplica((manager) => findPage(USER_LIST.resource, withProfiles(manager), query, USER_COLUMNS));
  }

  updateProfile(userId: number, changes: UpdateProfileDto): Promise<UserEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.applyProfile(manager, userId, changes);
      return loadUser(manager, userId);
    });
  }

  /**
   * Admin update: role, active flag, profile fields, a new password. A new password, a new role
   * and a deactivation end every session of the user at once (docs/api.md#tokens-and-sessions): their tokens are
   * refused from now on, also after a reactivation.
   */
  async update(id: number, changes: UpdateUserDto | CreateUserDto | Partial<NewUser & { isActive: boolean }>): Promise<UserEntity> {
    const c = changes as Partial<NewUser & { isActive: boolean }>;
    const passwordHash = c.password !== undefined ? await this.hasher.hash(c.password) : undefined;
    return inTransaction(this.dataSource, async (manager) => {
      const [found] = await manager.query('SELECT id, role FROM users WHERE id = $1 FOR UPDATE', [id]);
      if (!found) throw notFound('User');
      await updateRow(
        manager,
        'users',
        id,
        { role: c.role, isActive: c.isActive, passwordHash },
        { role: 'role', isActive: 'is_active', passwordHash: 'password_hash' },
      );
      if (c.isActive === false || passwordHash !== undefined || (c.role !== undefined && c.role !== found.role)) {
        await this.sessions.endAll(manager, id);
      }
      await this.applyProfile(manager, id, c);
      return loadUser(manager, id);
    });
  }

  private async applyProfile(manager: EntityManager, userId: number, changes: UpdateProfileDto): Promise<void> {
    const fullName = changes.fullName?.trim();
    const changed = await updateRow(
      manager,
      'profiles',
      userId,
      { ...changes, fullName },
      { fullName: 'full_name', phone: 'phone', address: 'address' },
      { key: 'user_id', touch: false },
    );
    if (!changed) return;
    // a new phone number is not verified yet
    const phoneChanged = changes.phone !== undefined;
    await manager.query(`UPDATE users SET updated_at = now()${phoneChanged ? ', phone_verified_at = NULL' : ''} WHERE id = $1`, [userId]);
  }

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists yet. */
  async bootstrapAdmin(email: string, password: string): Promise<boolean> {
    const anyAdmin = async (manager: EntityManager) => (await manager.query(`SELECT 1 FROM users WHERE role = 'admin' LIMIT 1`)).length > 0;
    if (await anyAdmin(this.dataSource.manager)) return false;
    const passwordHash = await hashPassword(password);
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['bootstrap-admin']);
      if (await anyAdmin(manager)) return false;
      await createUserWithProfile(manager, { email, passwordHash, fullName: 'Administrator', role: 'admin' });
      return true;
    });
  }
}
