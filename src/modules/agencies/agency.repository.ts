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

/**
 * The agency row to change, locked (`FOR UPDATE`) until the caller's transaction ends, so the
 * row checked is the row written.
 */
export async function findAgencyForUpdate(trx: Kysely<DB>, id: string): Promise<Agency | undefined> {
  return trx.selectFrom('agency').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Several agencies by id in one query (no order promised). */
export async function findAgenciesByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Agency[]> {
  return db.selectFrom('agency').selectAll().where('id', 'in', ids).execute();
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
