import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;

/**
 * Tables of the workflow area (migration 0006). Each area keeps its table interfaces in its
 * own file; `DB` in ../schema.ts extends them all.
 */
export interface WorkflowDefinitionTable {
  id: Generated<string>;
  key: string;
  version: number;
  process_kind: string;
  /** The WorkflowDefinition (src/domain/workflow/definition.ts), validated before it is written. */
  definition: Json<unknown>;
  /** The row this version was copied or edited from. */
  based_on: string | null;
  /** True for a shipped preset stored as version 1. */
  preset: Generated<boolean>;
  created_at: CreatedAt;
  created_by: string | null;
}

/** The region's choice: which definition runs each process kind. */
export interface RegionWorkflowTable {
  process_kind: string;
  definition_id: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** The single row of the region's working calendar. */
export interface WorkCalendarTable {
  id: Generated<boolean>;
  /** Null: the zone of the region's code (migration 0012). */
  time_zone: string | null;
  /** ServiceWeek (src/domain/calendar/working-calendar.ts). */
  week: Json<unknown>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface HolidayTable {
  id: Generated<string>;
  /** 'YYYY-MM-DD' on both drivers. */
  date: string;
  name: string;
  name_en: string | null;
  kind: string;
  tentative: Generated<boolean>;
  /** The decree a cuti bersama rests on (migration 0012). */
  decree: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface WorkflowTables {
  workflow_definition: WorkflowDefinitionTable;
  region_workflow: RegionWorkflowTable;
  work_calendar: WorkCalendarTable;
  holiday: HolidayTable;
}
