import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** SQL of what handling a data request picks from: staff, agencies, datasets to answer with. */

type Db = Kysely<DB>;

/** A dataset's public face (for a delivered link): only published, public ones. */
export async function publicDataset(db: Db, id: string) {
  return db
    .selectFrom('dataset')
    .select(['id', 'name', 'title', 'agency_id'])
    .where('id', '=', id)
    .where('state', '=', 'active')
    .where('private', '=', false)
    .executeTakeFirst();
}

/** Published datasets whose title or description matches words of a request (suggestions). */
export async function matchingDatasets(db: Db, words: string, limit = 5) {
  const terms = words
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4)
    .slice(0, 6);
  if (terms.length === 0) return [];
  return db
    .selectFrom('dataset')
    .select(['name', 'title'])
    .where('state', '=', 'active')
    .where('private', '=', false)
    .where((eb) => eb.or(terms.map((w) => eb('title', 'ilike', `%${w}%`))))
    .orderBy('metadata_modified', 'desc')
    .limit(limit)
    .execute();
}

/** Published public datasets, for linking an existing dataset as the answer. */
export async function publishedDatasetChoices(db: Db, limit = 500) {
  return db
    .selectFrom('dataset')
    .select(['id', 'title', 'name'])
    .where('state', '=', 'active')
    .where('private', '=', false)
    .orderBy('title')
    .limit(limit)
    .execute();
}

/** The slug of a published public dataset, for a link. */
export async function publicDatasetName(db: Db, id: string): Promise<string | undefined> {
  return (await publicDataset(db, id))?.name;
}

/** Active users holding `role` with an e-mail (objection notices to the superior). */
export async function usersWithRoleEmail(db: Db, role: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.email'])
    .where('r.role', '=', role)
    .where('u.state', '=', 'active')
    .execute();
}

export async function agencyName(db: Db, id: string | null) {
  if (!id) return undefined;
  return db.selectFrom('agency').select(['id', 'name', 'short_name']).where('id', '=', id).executeTakeFirst();
}

/** Active custodian staff, for the disposition form. */
export async function custodianOptions(db: Db) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.full_name', 'u.username'])
    .where('r.role', '=', 'custodian')
    .where('u.state', '=', 'active')
    .orderBy('u.full_name')
    .execute();
}

export async function agencyChoices(db: Db) {
  return db.selectFrom('agency').select(['id', 'name']).orderBy('name').execute();
}

/** The staff member the sub-coordinator assigned (the person of the availability check), if any. */
export async function assignedStaffOf(db: Db, instanceId: string | null): Promise<string | null> {
  if (!instanceId) return null;
  const row = await db
    .selectFrom('workflow_task')
    .select('assignee_id')
    .where('instance_id', '=', instanceId)
    .where('step_id', '=', 'check_availability')
    .where('assignee_id', 'is not', null)
    .orderBy('opened_at', 'desc')
    .executeTakeFirst();
  return row?.assignee_id ?? null;
}

/** Active staff holding any of `roles`, with their position and agency (the policy then picks). */
export async function activeStaffIn(db: Db, roles: readonly string[]) {
  if (roles.length === 0) return [];
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .leftJoin('user_position as p', (j) => j.onRef('p.user_id', '=', 'u.id').onRef('p.role', '=', 'r.role'))
    .select(['u.id', 'u.username', 'u.email', 'u.agency_id', 'r.role', 'p.position'])
    .where('r.role', 'in', roles as string[])
    .where('u.state', '=', 'active')
    .orderBy('u.username')
    .execute();
}
