import { getSetting } from '../../kernel/db/settings.repository.js';
import { NotFoundError } from '../../kernel/errors.js';
import {
  type Db,
  type DefinitionRef,
  findPresetId,
  insertPresetVersions,
  insertRegionChoiceIfMissing,
  listChosenProcessKinds,
  movePresetChoicesForward,
  type StoredDefinition,
  selectDefinition,
  selectDefinitions,
  selectRegionChoices,
} from './definitions.repository.js';
import {
  PROCESS_KINDS,
  type ProcessKind,
  validateWorkflowDefinition,
  type WorkflowDefinition,
} from './domain/definition.js';
import { defaultPresetsFor, SHIPPED_PRESETS } from './domain/presets/index.js';

export {
  type Db,
  type DefinitionRef,
  insertDefinitionVersion,
  nextVersion,
  type StoredDefinition,
  setRegionChoice,
} from './definitions.repository.js';

/**
 * Store each shipped preset under its version, give every process kind its default unless it has
 * a choice (the region's own shipped SOP for a kind it covers, else the national default: the
 * region is the `site` setting's code), and move a choice of an older shipped preset to its newest version. Idempotent and safe under concurrency (ON CONFLICT DO NOTHING);
 * it is seed data, so it writes no audit row. Every reader below calls it first.
 */
export async function ensurePresets(db: Db): Promise<void> {
  await insertPresetVersions(db, SHIPPED_PRESETS);
  const chosen = await listChosenProcessKinds(db);
  const toChoose = PROCESS_KINDS.filter((k) => !chosen.includes(k));
  if (toChoose.length === 0) return movePresetChoicesForward(db);
  const site = await getSetting<{ regionCode?: string }>(db, 'site');
  const defaults = defaultPresetsFor(site?.regionCode ?? null);
  for (const kind of toChoose) {
    const id = await findPresetId(db, defaults[kind]);
    await insertRegionChoiceIfMissing(db, kind, id);
  }
  await movePresetChoicesForward(db);
}

/** Every stored version, by process kind, key and version. */
export async function listDefinitions(db: Db): Promise<StoredDefinition[]> {
  await ensurePresets(db);
  return selectDefinitions(db);
}

/**
 * One version by row id, or the newest version of a key (a given version when `version` is set).
 * `forUpdate` locks the row for the caller's transaction (an action about to change from it).
 */
export async function findDefinition(
  db: Db,
  ref: DefinitionRef,
  opts: { forUpdate?: boolean } = {},
): Promise<StoredDefinition | undefined> {
  await ensurePresets(db);
  return selectDefinition(db, ref, opts);
}

/** As findDefinition, but NotFoundError when there is no such definition. */
export async function getDefinition(
  db: Db,
  ref: DefinitionRef,
  opts: { forUpdate?: boolean } = {},
): Promise<StoredDefinition> {
  const found = await findDefinition(db, ref, opts);
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
  const rows = await selectRegionChoices(db);
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
