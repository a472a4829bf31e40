import type { Insertable, Kysely } from 'kysely';
import type { GrantableRole, Role } from '../../kernel/access/roles.js';
import { insertAuditEntry } from '../../kernel/actions/audit.repository.js';
import type { AuditLogTable, DB, NewUser, User, UserUpdate } from '../../kernel/db/schema.js';

export type UserWithRoles = User & { roles: Role[] };

/** One user by id or user name, with roles; undefined when absent. */
export async function findUser(
  db: Kysely<DB>,
  by: { id: string } | { username: string },
): Promise<UserWithRoles | undefined> {
  const q = db.selectFrom('app_user').selectAll();
  const user = await ('id' in by
    ? q.where('id', '=', by.id)
    : q.where('username', '=', by.username)
  ).executeTakeFirst();
  if (!user) return undefined;
  return { ...user, roles: await findRoles(db, user.id) };
}

/**
 * The user a change targets, with roles, locked (`FOR UPDATE`) until the caller's transaction
 * ends: the row checked is the row changed.
 */
export async function findUserForUpdate(trx: Kysely<DB>, id: string): Promise<UserWithRoles | undefined> {
  const user = await trx
    .selectFrom('app_user')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!user) return undefined;
  return { ...user, roles: await findRoles(trx, user.id) };
}

export async function findRoles(db: Kysely<DB>, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('user_role')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role as Role);
}

/** All users with their roles and agency short name, for the admin list. */
export async function listUsers(db: Kysely<DB>) {
  const users = await db
    .selectFrom('app_user')
    .leftJoin('agency', 'agency.id', 'app_user.agency_id')
    .select([
      'app_user.id',
      'app_user.username',
      'app_user.full_name',
      'app_user.email',
      'app_user.state',
      'app_user.agency_id',
      'app_user.locked_until',
      'app_user.is_demo',
      'agency.short_name as agency_short_name',
    ])
    .orderBy('app_user.username')
    .execute();
  const roles = await db.selectFrom('user_role').select(['user_id', 'role']).execute();
  return users.map((u) => ({
    ...u,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role as Role),
  }));
}

export async function insertUser(db: Kysely<DB>, user: NewUser): Promise<User> {
  return db.insertInto('app_user').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function updateUser(db: Kysely<DB>, id: string, changes: UserUpdate): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Replace a user's roles with exactly `roles`. */
export async function setRoles(
  db: Kysely<DB>,
  userId: string,
  roles: readonly GrantableRole[],
): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length) {
    await db
      .insertInto('user_role')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

/** Count one failed login; lock the account when `maxFailures` is reached. Returns the new state. */
export async function recordLoginFailure(
  db: Kysely<DB>,
  userId: string,
  maxFailures: number,
  lockMinutes: number,
): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', userId)
    .returning(['failed_logins'])
    .executeTakeFirstOrThrow();
  if (row.failed_logins < maxFailures) return { failedLogins: row.failed_logins, lockedUntil: null };
  const lockedUntil = new Date(Date.now() + lockMinutes * 60_000);
  await db
    .updateTable('app_user')
    .set({ locked_until: lockedUntil, failed_logins: 0 })
    .where('id', '=', userId)
    .execute();
  return { failedLogins: row.failed_logins, lockedUntil };
}

/** recordLoginFailure in a transaction of its own (the two updates commit together). */
export async function recordLoginFailureAtomically(
  db: Kysely<DB>,
  userId: string,
  maxFailures: number,
  lockMinutes: number,
): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
  return db.transaction().execute(async (trx) => recordLoginFailure(trx, userId, maxFailures, lockMinutes));
}

/** A successful login: clear the failure count and write its audit row, in one transaction. */
export async function recordLogin(
  db: Kysely<DB>,
  userId: string,
  auditEntry: Insertable<AuditLogTable>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, userId);
    await insertAuditEntry(trx, auditEntry);
  });
}

export async function clearLoginFailures(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A few demo accounts' user names (the login page of a demo site offers them), oldest first. */
export async function listDemoUsernames(db: Kysely<DB>, limit = 3): Promise<string[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('username')
    .where('is_demo', '=', true)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.username);
}
