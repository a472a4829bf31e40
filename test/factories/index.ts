import { randomBytes } from 'node:crypto';
import type { Actor } from '../../src/kernel/access/policy.js';
import type { GrantableRole } from '../../src/kernel/access/roles.js';
import type { Database } from '../../src/kernel/db/database.js';
import type { Agency, AgencyKind } from '../../src/kernel/db/schema.js';
import { hashPassword } from '../../src/modules/accounts/password.js';
import { insertUser, setRoles } from '../../src/modules/accounts/user.repository.js';
import { insertAgency } from '../../src/modules/agencies/agency.repository.js';

/** Password of every factory-made user. */
export const TEST_PASSWORD = 'Test-Password-2026';
let cachedHash: string | undefined;

const uniq = () => randomBytes(4).toString('hex');

/** An agency with a unique code; override any field. */
export async function buildAgency(
  database: Database,
  overrides: Partial<{ code: string; name: string; shortName: string; kind: AgencyKind }> = {},
): Promise<Agency> {
  const code = overrides.code ?? `opd-${uniq()}`;
  return insertAgency(database.db, {
    code,
    name: overrides.name ?? `Dinas Uji ${code}`,
    short_name: overrides.shortName ?? code.toUpperCase(),
    kind: overrides.kind ?? 'department',
  });
}

/** A user with roles (and agency), password TEST_PASSWORD; returns the user and its actor. */
export async function buildUser(
  database: Database,
  opts: { roles?: GrantableRole[]; agencyId?: string | null; username?: string; isDemo?: boolean } = {},
) {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const user = await insertUser(database.db, {
    username: opts.username ?? `u${uniq()}`,
    full_name: 'Pengguna Uji',
    email: null,
    password_hash: cachedHash,
    agency_id: opts.agencyId ?? null,
    locale: 'id',
    is_demo: opts.isDemo ?? false,
  });
  const roles = opts.roles ?? [];
  await setRoles(database.db, user.id, roles);
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    roles: ['public', ...roles],
    agencyId: user.agency_id,
  };
  return { user, actor };
}
