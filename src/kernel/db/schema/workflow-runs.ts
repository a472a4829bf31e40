import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * Tables of the workflow-runs area (migration 0008). Each area keeps its table interfaces in
 * its own file; `DB` in ../schema.ts extends them all.
 */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type JsonOf<T> = ColumnType<T, string | T, string | T>;

declare module '../schema.js' {
  interface DatasetTable {
    /** Nationally prioritised data (Perpres 39/2019 art. 13): the supervisor always reviews it. */
    priority: Generated<boolean>;
  }
}

export type InstanceState = 'running' | 'completed' | 'cancelled';
export type TaskState = 'open' | 'done' | 'cancelled';
export type SubmissionState = 'submitted' | 'returned' | 'verified' | 'reviewed' | 'published' | 'superseded';

export interface WorkflowInstanceTable {
  id: Generated<string>;
  definition_id: string | null;
  definition_key: string;
  definition_version: number;
  /** The definition as it was when the instance started (validated WorkflowDefinition). */
  definition: JsonOf<unknown>;
  process_kind: string;
  subject_type: string;
  subject_id: string;
  /** What a process without a platform record is about ("Daftar Data 2027"); null for datasets. */
  subject_title: ColumnType<string | null, string | null | undefined, string | null>;
  agency_id: string | null;
  state: Generated<InstanceState>;
  started_by: string | null;
  started_at: CreatedAt;
  ended_at: Date | null;
  /** What earlier steps chose, by choosing step id (migration 0011; RunRouting in the workflows domain). */
  routing: ColumnType<RunRoutingRow, string | undefined, string>;
}

export type RunRoutingRow = Record<string, { agencyId?: string; agencyIds?: string[]; userId?: string }>;

/** A file attached to a task (migration 0011: a step may take several). */
export interface TaskFileRow {
  key: string;
  name: string;
  requirement?: number;
}

/** A checklist item, field or cell note a reviewer writes when deciding. */
export interface TaskDetail {
  checklist?: { key: string; met: boolean | null; note: string }[];
  fields?: { field: string; note: string }[];
  cells?: { resource: string; row: number; column: string; note: string }[];
  recommendation?: { number: string; date: string };
  submissionId?: string;
  /** Why a task was rerouted (a key the history shows in the reader's language). */
  reason?: string;
  /** The approver's initials (paraf) on an approval step (issue #12 item 3). */
  paraf?: {
    userId: string;
    name: string;
    position: string | null;
    stepId: string;
    outcome: string;
    at: string;
  };
}

export interface WorkflowTaskTable {
  id: Generated<string>;
  instance_id: string;
  step_id: string;
  role: string;
  agency_id: string | null;
  state: Generated<TaskState>;
  opened_at: Timestamp;
  due_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
  closed_by_name: string | null;
  outcome: string | null;
  note: string | null;
  attachment_key: string | null;
  attachment_name: string | null;
  working_minutes: number | null;
  detail: ColumnType<TaskDetail, string | undefined, string>;
  /** A task for one named person (chosen at an earlier step). */
  assignee_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The position within the role that acts. */
  position: ColumnType<string | null, string | null | undefined, string | null>;
  files: ColumnType<TaskFileRow[], string | undefined, string>;
}

/** The position a region gives a user within a role (migration 0011). */
export interface UserPositionTable {
  user_id: string;
  role: string;
  position: string;
}

/** What a hand-started run is about (migration 0011): a data-list cycle of a year, a request, … */
export interface WorkflowSubjectTable {
  id: Generated<string>;
  kind: string;
  title: string;
  year: number | null;
  agency_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** What a submission froze of each resource: enough to diff two submissions. */
export interface SubmittedResource {
  resource_id: string;
  name: string;
  format: string;
  url: string;
  size: number | null;
  hash: string | null;
  version_id: string | null;
  version_number: number | null;
  table_name: string | null;
  row_count: number | null;
}

export interface DatasetSubmissionTable {
  id: Generated<string>;
  dataset_id: string;
  number: number;
  instance_id: string;
  state: Generated<SubmissionState>;
  resources: JsonOf<SubmittedResource[]>;
  metadata: JsonOf<Record<string, unknown>>;
  note: Generated<string>;
  submitted_by: string | null;
  submitted_by_name: string;
  submitted_at: CreatedAt;
  recommendation_number: string | null;
  /** 'YYYY-MM-DD' */
  recommendation_date: string | null;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  task_id: string | null;
  title: string;
  title_en: string;
  link: string;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  body: string;
  created_at: CreatedAt;
  sent_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface WorkflowRunTables {
  workflow_instance: WorkflowInstanceTable;
  workflow_task: WorkflowTaskTable;
  dataset_submission: DatasetSubmissionTable;
  notification: NotificationTable;
  mail_outbox: MailOutboxTable;
  user_position: UserPositionTable;
  workflow_subject: WorkflowSubjectTable;
}

export type WorkflowInstance = Selectable<WorkflowInstanceTable>;
export type WorkflowTask = Selectable<WorkflowTaskTable>;
export type DatasetSubmission = Selectable<DatasetSubmissionTable>;
export type Notification = Selectable<NotificationTable>;
export type MailOutbox = Selectable<MailOutboxTable>;
export type WorkflowSubject = Selectable<WorkflowSubjectTable>;
