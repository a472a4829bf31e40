import type { Insertable, Kysely } from 'kysely';
import type {
  PlanningRecord,
  PlanningRecordKind,
  PlanningRecordTable,
} from '../../kernel/db/schema/planning.js';
import type { DB } from '../../kernel/db/schema.js';

/** Queries of the planning records (berita acara, draft decree) of a year. */

export async function recordsOf(db: Kysely<DB>, year: number): Promise<PlanningRecord[]> {
  return db.selectFrom('planning_record').selectAll().where('year', '=', year).orderBy('kind').execute();
}

export async function findRecord(db: Kysely<DB>, year: number, kind: PlanningRecordKind) {
  return db
    .selectFrom('planning_record')
    .selectAll()
    .where('year', '=', year)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function findRecordId(db: Kysely<DB>, year: number, kind: PlanningRecordKind) {
  return db
    .selectFrom('planning_record')
    .select('id')
    .where('year', '=', year)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** The record of a year and kind, written anew when one is there. */
export async function upsertRecord(db: Kysely<DB>, values: Insertable<PlanningRecordTable>) {
  return db
    .insertInto('planning_record')
    .values(values)
    .onConflict((oc) => oc.columns(['year', 'kind']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
}
