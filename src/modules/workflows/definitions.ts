import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { NotFoundError } from '../../kernel/errors.js';
import {
  PROCESS_KINDS,
  type ProcessKind,
  validateWorkflowDefinition,
  type WorkflowDefinition,
} from './domain/definition.js';
import { DEFAULT_PRESET_BY_KIND, WORKFLOW_PRESETS } from './domain/presets/index.js';

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

/**
 * Store each shipped preset as version 1 of its key and give every process kind its default
 * preset, unless already there. Idempotent and safe under concurrency (ON CONFLICT DO NOTHING);
 * it is seed data, so it writes no audit row. Every reader below calls it first.
 */
export async function ensurePresets(db: Db): Promise<void> {
  await db
    .insertInto('workflow_definition')
    .values(
      WORKFLOW_PRESETS.map((p) => ({
        key: p.key,
        version: 1,
        process_kind: p.processKind,
        definition: JSON.stringify(p),
        preset: true,
        based_on: null,
        created_by: null,
      })),
    )
    .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
    .execute();
  const chosen = await db.selectFrom('region_workflow').select('process_kind').execute();
  const toChoose = PROCESS_KINDS.filter((k) => !chosen.some((c) => c.process_kind === k));
  for (const kind of toChoose) {
    const row = await db
      .selectFrom('workflow_definition')
      .select('id')
      .where('key', '=', DEFAULT_PRESET_BY_KIND[kind])
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('region_workflow')
      .values({ process_kind: kind, definition_id: row.id, updated_by: null })
      .onConflict((oc) => oc.column('process_kind').doNothing())
      .execute();
  }
}

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

/** Every stored version, by process kind, key and version. */
export async function listDefinitions(db: Db): Promise<StoredDefinition[]> {
  await ensurePresets(db);
  const rows = await db
    .selectFrom('workflow_definition')
    .select(COLUMNS)
    .orderBy('process_kind')
    .orderBy('key')
    .orderBy('version')
    .execute();
  return rows.map(toStored);
}

/** One version by row id, or the newest version of a key (a given version when `version` is set). */
export async function findDefinition(
  db: Db,
  ref: { id: string } | { key: string; version?: number },
): Promise<StoredDefinition | undefined> {
  await ensurePresets(db);
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
  const row = await q.executeTakeFirst();
  return row && toStored(row);
}

export async function getDefinition(
  db: Db,
  ref: { id: string } | { key: string; version?: number },
): Promise<StoredDefinition> {
  const found = await findDefinition(db, ref);
  if (!found) {
    const name = 'id' in ref ? ref.id : `${ref.key}${ref.version ? ` v${ref.version}` : ''}`;
    throw new NotFoundError({
      id: `Definisi alur kerja '${name}' tidak ditemukan`,
      en: `Workflow definition '${name}' was not found`,
    });
  }
  return found;
}

/** The region's choice per process kind: the definition row id. */
export async function regionChoices(db: Db): Promise<Record<ProcessKind, string>> {
  await ensurePresets(db);
  const rows = await db.selectFrom('region_workflow').select(['process_kind', 'definition_id']).execute();
  return Object.fromEntries(rows.map((r) => [r.process_kind, r.definition_id])) as Record<
    ProcessKind,
    string
  >;
}

/**
 * The definition the region runs for a process kind: its row id (an instance keeps it) and
 * the definition, validated on load.
 */
export async function activeDefinition(
  db: Db,
  processKind: ProcessKind,
): Promise<{ id: string; definition: WorkflowDefinition }> {
  const choices = await regionChoices(db);
  const stored = await getDefinition(db, { id: choices[processKind] });
  return { id: stored.id, definition: validateWorkflowDefinition(stored.definition) };
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
