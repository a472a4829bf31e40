/**
 * The datastore's extension points, as the catalog's are (catalog/extensions.ts): modules above
 * the datastore fill them in their `install()`, so the ingest uses what they know without
 * importing them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ActionContext, Audit } from '../../kernel/actions/context.js';
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

/** A DataStore write's new version, complete but not yet served (table-write.ts). */
export interface WrittenVersion {
  resourceId: string;
  datasetId: string;
  versionId: string;
}

/**
 * Holds a DataStore write back from the public: returns true when it took the new version into
 * a check (the resource keeps serving the version it served; the check flow serves the new one
 * when it publishes). Runs in the write's transaction, with its audit.
 */
type WriteHold = (
  trx: Transaction<DB>,
  ctx: ActionContext,
  audit: Audit,
  written: WrittenVersion,
) => Promise<boolean>;

const holds: WriteHold[] = [];

/** The check flow (verification module): a producer's write to a published dataset becomes a submission. */
export function addWriteHold(fn: WriteHold): void {
  holds.push(fn);
}

/** Does some module hold this write for a check? The first that does decides. */
export async function holdWrite(
  trx: Transaction<DB>,
  ctx: ActionContext,
  audit: Audit,
  written: WrittenVersion,
): Promise<boolean> {
  for (const fn of holds) if (await fn(trx, ctx, audit, written)) return true;
  return false;
}
