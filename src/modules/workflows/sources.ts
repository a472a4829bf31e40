import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { DB } from '../../kernel/db/schema.js';
import { loadWorkingCalendarFor } from './calendar-store.js';
import { activeDefinition } from './definitions.js';
import type { ProcessKind, WorkflowDefinition } from './domain/definition.js';

/** The definition a new instance starts with, and its stored row id. */
export interface ActiveDefinition {
  id: string | null;
  definition: WorkflowDefinition;
}

/** The region's working calendar (service hours, holidays, time zone) as the administrator keeps it. */
export async function loadCalendar(db: Kysely<DB>): Promise<WorkingCalendar> {
  return loadWorkingCalendarFor(db);
}

/** The definition the region runs for `kind` (a shipped preset until the administrator picks another). */
export async function definitionFor(db: Kysely<DB>, kind: ProcessKind): Promise<ActiveDefinition> {
  return activeDefinition(db, kind);
}
