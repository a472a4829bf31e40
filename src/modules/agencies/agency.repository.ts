import type { Kysely } from 'kysely';
import type { Agency, AgencyUpdate, DB, NewAgency } from '../../kernel/db/schema.js';

export async function listAgencies(db: Kysely<DB>): Promise<Agency[]> {
  return db.selectFrom('agency').selectAll().orderBy('name').execute();
}

export async function findAgency(
  db: Kysely<DB>,
  by: { id: string } | { code: string },
): Promise<Agency | undefined> {
  const q = db.selectFrom('agency').selectAll();
  return ('id' in by ? q.where('id', '=', by.id) : q.where('code', '=', by.code)).executeTakeFirst();
}

export async function insertAgency(db: Kysely<DB>, agency: NewAgency): Promise<Agency> {
  return db.insertInto('agency').values(agency).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgency(db: Kysely<DB>, id: string, changes: AgencyUpdate): Promise<Agency> {
  return db
    .updateTable('agency')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
