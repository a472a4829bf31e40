/**
 * The code sets a schema's foreign keys point at, loaded once before validation so each row's
 * check is a Set lookup: official region codes of one level (`region:<level>`) and the current
 * items of an administrator's code list (`codelist:<name>`). Loading them is
 * reference-codes.repository.ts's `loadReferenceLookup`.
 */
import type { TableSchema } from '../../../../kernel/table-schema/table-schema.js';

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
