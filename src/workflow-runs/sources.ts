import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { defaultWorkingCalendar, type WorkingCalendar } from '../domain/calendar/working-calendar.js';
import type { ProcessKind, WorkflowDefinition } from '../domain/workflow/definition.js';
import { MAGETAN_DATASET_COLLECTION } from './fallback-definition.js';

/** The definition a new instance starts with, and its stored row id (null for the fallback). */
export interface ActiveDefinition {
  id: string | null;
  definition: WorkflowDefinition;
}

/** The region's working calendar (service hours, holidays, time zone). */
export async function loadCalendar(_db: Kysely<DB>): Promise<WorkingCalendar> {
  return defaultWorkingCalendar();
}

/** The definition the region runs for `kind`; Magetan's dataset flow when none is chosen. */
export async function definitionFor(_db: Kysely<DB>, kind: ProcessKind): Promise<ActiveDefinition> {
  if (kind !== 'dataset_collection') throw new Error(`No definition for ${kind}`);
  return { id: null, definition: MAGETAN_DATASET_COLLECTION };
}
