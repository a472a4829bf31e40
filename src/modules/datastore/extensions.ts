/**
 * The datastore's extension points, as the catalog's are (catalog/extensions.ts): modules above
 * the datastore fill them in their `install()`, so the ingest uses what they know without
 * importing them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';

/** A Table Schema declared for a resource by something it fulfils, and what that is. */
export interface InheritedSchema {
  schema: TableSchema;
  /** Who people read it comes from, e.g. the data standard's title. */
  source: { kind: 'data_standard'; name: string; title: string };
}

type InheritedSchemaLookup = (db: Kysely<DB>, resourceId: string) => Promise<InheritedSchema | null>;

const lookups: InheritedSchemaLookup[] = [];

/**
 * A resource without a schema of its own takes one from what it fulfils (the metadata module:
 * its dataset's data standard), before its first upload is read.
 */
export function addInheritedSchema(fn: InheritedSchemaLookup): void {
  lookups.push(fn);
}

/** The first inherited schema of a resource, if any provider has one. */
export async function inheritedSchemaOf(db: Kysely<DB>, resourceId: string): Promise<InheritedSchema | null> {
  for (const fn of lookups) {
    const found = await fn(db, resourceId);
    if (found) return found;
  }
  return null;
}
