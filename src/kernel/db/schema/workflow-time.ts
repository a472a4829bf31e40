import type { ColumnType } from 'kysely';

/** Tables of workflow time (migration 0012): seeded holiday years, task alerts, recurring cycles. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A year whose national holidays (and cuti bersama) are in the region's editable list. */
export interface HolidayYearTable {
  year: number;
  source: 'decree' | 'library' | 'region';
  seeded_at: Timestamp;
}

export type TaskAlertKind = 'reminder' | 'escalation';

/** A reminder or escalation sent for a task: at most one of each. */
export interface TaskAlertTable {
  task_id: string;
  kind: TaskAlertKind;
  sent_at: Date;
  recipients: number;
}

/** The run started for one period of a recurring process ('2027', '2027-2'). */
export interface WorkflowCycleTable {
  process_kind: string;
  period: string;
  instance_id: string | null;
  started_at: Date;
}

export interface WorkflowTimeTables {
  holiday_year: HolidayYearTable;
  task_alert: TaskAlertTable;
  workflow_cycle: WorkflowCycleTable;
}
