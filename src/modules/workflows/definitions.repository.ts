import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { ProcessKind, WorkflowDefinition } from './domain/definition.js';

/** SQL of the workflow definitions (stored versions) and the region's choice per process kind. */

/** A database or an open transaction: every function here works inside `mutate` with `trx`. */
export type Db = Kysely<DB> | Transaction<DB>;

/** One stored version of a definition. */
export interface StoredDefinition {
  id: string;
  key: string;
  version: number;
  processKind: ProcessKind;
  definition: WorkflowDefinition;
  basedOn: string | null;
  preset: boolean;
  createdAt: Date;
  createdBy: string | null;
}

/** A definition reference: one version by row id, or a key (its newest version unless `version`). */
export type DefinitionRef = { id: string } | { key: string; version?: number };

type Row = {
  id: string;
  key: string;
  version: number;
  process_kind: string;
  definition: unknown;
  based_on: string | null;
  preset: boolean;
  created_at: Date;
  created_by: string | null;
};

function toStored(row: Row): StoredDefinition {
  const definition = (
    typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
  ) as WorkflowDefinition;
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    processKind: row.process_kind as ProcessKind,
    definition,
    basedOn: row.based_on,
    preset: row.preset,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

const COLUMNS = [
  'id',
  'key',
  'version',
  'process_kind',
  'definition',
  'based_on',
  'preset',
  'created_at',
  'created_by',
] as const;

/** Store each given preset under its shipped version unless that version exists (ON CONFLICT DO NOTHING). */
export async function insertPresetVersions(db: Db, presets: readonly WorkflowDefinition[]): Promise<void> {
  await db
    .insertInto('workflow_definition')
    .values(
      presets.map((p) => ({
        key: p.key,
        version: p.version,
        process_kind: p.processKind,
        definition: JSON.stringify(p),
        preset: true,
        based_on: null,
        created_by: null,
      })),
    )
    .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
    .execute();
}

/** The process kinds the region has chosen a definition for. */
export async function listChosenProcessKinds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('region_workflow').select('process_kind').execute();
  return rows.map((r) => r.process_kind);
}

/** The row id of the newest shipped version of a preset key (stored by insertPresetVersions). */
export async function findPresetId(db: Db, key: string): Promise<string> {
  const row = await db
    .selectFrom('workflow_definition')
    .select('id')
    .where('key', '=', key)
    .where('preset', '=', true)
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A region that runs a shipped preset runs its newest shipped version: when a release corrects
 * a preset (a new `version` in its file), the choice moves to it. A region's own copy (preset =
 * false) is never moved, and running instances keep the definition they started with.
 */
export async function movePresetChoicesForward(db: Db): Promise<void> {
  await sql`
    update region_workflow rw set definition_id = newest.id, updated_at = now()
    from workflow_definition cur,
      lateral (select d.id, d.version from workflow_definition d
        where d.key = cur.key and d.preset order by d.version desc limit 1) newest
    where cur.id = rw.definition_id and cur.preset and newest.version > cur.version`.execute(db);
}

/** Give a process kind its definition unless it has one (ON CONFLICT DO NOTHING). */
export async function insertRegionChoiceIfMissing(
  db: Db,
  processKind: ProcessKind,
  definitionId: string,
): Promise<void> {
  await db
    .insertInto('region_workflow')
    .values({ process_kind: processKind, definition_id: definitionId, updated_by: null })
    .onConflict((oc) => oc.column('process_kind').doNothing())
    .execute();
}

/** Every stored version, by process kind, key and version. */
export async function selectDefinitions(db: Db): Promise<StoredDefinition[]> {
  const rows = await db
    .selectFrom('workflow_definition')
    .select(COLUMNS)
    .orderBy('process_kind')
    .orderBy('key')
    .orderBy('version')
    .execute();
  return rows.map(toStored);
}

/**
 * One version by row id, or the newest version of a key (a given version when `version` is set);
 * `forUpdate` locks the row for the caller's transaction.
 */
export async function selectDefinition(
  db: Db,
  ref: DefinitionRef,
  opts: { forUpdate?: boolean } = {},
): Promise<StoredDefinition | undefined> {
  let q = db.selectFrom('workflow_definition').select(COLUMNS);
  if ('id' in ref) {
    if (!/^[0-9a-f-]{36}$/i.test(ref.id)) return undefined;
    q = q.where('id', '=', ref.id);
  } else {
    q = q.where('key', '=', ref.key);
    q =
      ref.version === undefined
        ? q.orderBy('version', 'desc').limit(1)
        : q.where('version', '=', ref.version);
  }
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toStored(row);
}

/** The region's choices as rows: process kind → definition row id. */
export async function selectRegionChoices(
  db: Db,
): Promise<{ process_kind: string; definition_id: string }[]> {
  return db.selectFrom('region_workflow').select(['process_kind', 'definition_id']).execute();
}

/** Store a new version row (the caller validated `definition` and audits the change). */
export async function insertDefinitionVersion(
  db: Db,
  definition: WorkflowDefinition,
  basedOn: string | null,
  createdBy: string | null,
): Promise<StoredDefinition> {
  const row = await db
    .insertInto('workflow_definition')
    .values({
      key: definition.key,
      version: definition.version,
      process_kind: definition.processKind,
      definition: JSON.stringify(definition),
      based_on: basedOn,
      preset: false,
      created_by: createdBy,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toStored(row);
}

/** The next free version number of a key (1 for a new key). */
export async function nextVersion(db: Db, key: string): Promise<number> {
  const row = await db
    .selectFrom('workflow_definition')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('key', '=', key)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Point a process kind at a definition row (insert or replace the region's choice). */
export async function setRegionChoice(
  db: Db,
  processKind: ProcessKind,
  definitionId: string,
  updatedBy: string | null,
): Promise<void> {
  await db
    .insertInto('region_workflow')
    .values({ process_kind: processKind, definition_id: definitionId, updated_by: updatedBy })
    .onConflict((oc) =>
      oc
        .column('process_kind')
        .doUpdateSet({ definition_id: definitionId, updated_by: updatedBy, updated_at: new Date() }),
    )
    .execute();
}
