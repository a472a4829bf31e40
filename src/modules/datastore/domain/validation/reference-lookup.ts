/**
 * The code sets a schema's foreign keys point at, loaded once before validation so each row's
 * check is a Set lookup: official region codes of one level (`region:<level>`) and the current
 * items of an administrator's code list (`codelist:<name>`).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../../kernel/db/schema.js';
import type { TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import { regionLevelOf } from './region-code.js';

/** Preloaded code sets for the schema's foreign keys (region:<level>, codelist:<name>). */
export interface ReferenceLookup {
  has(reference: string, code: string): boolean;
}

/** The references a schema's foreign keys name, each once. */
export function referencesOf(schema: TableSchema): string[] {
  return [...new Set((schema.foreignKeys ?? []).map((fk) => fk.reference.resource))];
}

/** A lookup over sets already in memory (tests, and the result of loadReferenceLookup). */
export function referenceLookupOf(sets: ReadonlyMap<string, ReadonlySet<string>>): ReferenceLookup {
  return { has: (reference, code) => sets.get(reference)?.has(code) ?? false };
}

/** Loads only the code sets the schema references; an unknown reference is an empty set. */
export async function loadReferenceLookup(db: Kysely<DB>, schema: TableSchema): Promise<ReferenceLookup> {
  const sets = new Map<string, ReadonlySet<string>>();
  for (const reference of referencesOf(schema)) {
    const level = regionLevelOf(reference);
    if (level !== undefined) {
      const rows = await db.selectFrom('region').select('code').where('level', '=', level).execute();
      sets.set(reference, new Set(rows.map((r) => r.code)));
    } else if (reference.startsWith('codelist:')) {
      const rows = await db
        .selectFrom('code_list_item')
        .innerJoin('code_list', 'code_list.id', 'code_list_item.code_list_id')
        .select('code_list_item.code')
        .where('code_list.name', '=', reference.slice('codelist:'.length))
        .where('code_list_item.retired_in_version', 'is', null)
        .execute();
      sets.set(reference, new Set(rows.map((r) => r.code)));
    } else sets.set(reference, new Set());
  }
  return referenceLookupOf(sets);
}
