/**
 * The code sets a Table Schema's foreign keys point at (official region codes of one level,
 * `region:<level>`, and the current items of an administrator's code list, `codelist:<name>`),
 * and the code lists the schema editor offers.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import {
  type ReferenceLookup,
  referenceLookupOf,
  referencesOf,
} from './domain/validation/reference-lookup.js';
import { regionLevelOf } from './domain/validation/region-code.js';

/**
 * Loads only the code sets the schema references, once before validation so each row's check
 * is a Set lookup; an unknown reference is an empty set.
 */
export async function loadReferenceLookup(db: Kysely<DB>, schema: TableSchema): Promise<ReferenceLookup> {
  const sets = new Map<string, ReadonlySet<string>>();
  for (const reference of referencesOf(schema)) {
    const level = regionLevelOf(reference);
    if (level !== undefined) {
      // New data follows the current edition: a retired code (migration 0025) is refused.
      // One row of all the codes (region codes are digits and dots): a row per code for the
      // 80,000-odd villages took about three times as long to read, a tenth of a load's time.
      const r = await sql<{ codes: string | null }>`
        select string_agg(code, E'\n') as codes from region
        where level = ${level} and retired_in is null`.execute(db);
      const codes = r.rows[0]?.codes;
      sets.set(reference, new Set(codes ? codes.split('\n') : []));
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

/** Which of these code list names exist. */
export async function findCodeListNames(db: Kysely<DB>, names: string[]): Promise<string[]> {
  const found = await db.selectFrom('code_list').select('name').where('name', 'in', names).execute();
  return found.map((r) => r.name);
}

/** Every code list, by name (the schema editor's choices). */
export async function listCodeLists(db: Kysely<DB>) {
  return db.selectFrom('code_list').select(['name', 'title']).orderBy('name').execute();
}
