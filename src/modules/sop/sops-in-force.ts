import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import {
  type Bilingual,
  getDefinition,
  PROCESS_KIND_LABELS,
  PROCESS_KINDS,
  type ProcessKind,
  regionChoices,
  type WorkflowDefinition,
} from '../workflows/index.js';
import { identityOf } from './document/procedure-model.js';

/** One SOP in force: the definition version the region runs for a process kind. */
export interface SopInForce {
  /** The stored definition version's id (the document's address). */
  id: string;
  key: string;
  version: number;
  processKind: ProcessKind;
  kindLabel: Bilingual;
  name: string;
  number: string | null;
  effectiveOn: string | null;
  ratifiedOn: string | null;
}

/**
 * The region's SOPs in force, one per process kind in the kinds' order: the active definition
 * versions (a region's copy once an administrator chooses it, else the preset).
 */
export async function sopsInForce(db: Kysely<DB>): Promise<SopInForce[]> {
  const choices = await regionChoices(db);
  const out: SopInForce[] = [];
  for (const kind of PROCESS_KINDS) {
    const id = choices[kind];
    if (!id) continue;
    const stored = await getDefinition(db, { id });
    const identity = identityOf(stored.definition);
    out.push({
      id: stored.id,
      key: stored.key,
      version: stored.version,
      processKind: kind,
      kindLabel: PROCESS_KIND_LABELS[kind],
      name: identity.name,
      number: identity.number,
      effectiveOn: identity.effectiveOn,
      ratifiedOn: identity.ratifiedOn,
    });
  }
  return out;
}

/** A stored definition version and whether the region runs it now. */
export async function sopDefinition(
  db: Kysely<DB>,
  id: string,
): Promise<{ definition: WorkflowDefinition; inForce: boolean }> {
  const stored = await getDefinition(db, { id });
  const inForce = Object.values(await regionChoices(db)).includes(stored.id);
  return { definition: stored.definition, inForce };
}
