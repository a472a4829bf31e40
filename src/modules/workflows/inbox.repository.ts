import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** SQL of "Tugas saya" beyond the open tasks (runs.repository.ts): what the inbox names them by. */

/** Dataset subjects by id, with their agency's short name (none for an empty list). */
export async function inboxDatasets(db: Kysely<DB>, datasetIds: readonly string[]) {
  if (datasetIds.length === 0) return [];
  return db
    .selectFrom('dataset as d')
    .innerJoin('agency as a', 'a.id', 'd.agency_id')
    .select(['d.id', 'd.name', 'd.title', 'a.short_name'])
    .where('d.id', 'in', datasetIds)
    .execute();
}

/** The submissions of some instances, newest number first (none for an empty list). */
export async function inboxSubmissions(db: Kysely<DB>, instanceIds: readonly string[]) {
  if (instanceIds.length === 0) return [];
  return db
    .selectFrom('dataset_submission')
    .select(['id', 'instance_id', 'number'])
    .where('instance_id', 'in', instanceIds)
    .orderBy('number', 'desc')
    .execute();
}
