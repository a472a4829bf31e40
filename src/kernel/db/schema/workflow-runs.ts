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
}

/** A checklist item, field or cell note a reviewer writes when deciding. */
export interface TaskDetail {
  checklist?: { key: string; met: boolean | null; note: string }[];
  fields?: { field: string; note: string }[];
  cells?: { resource: string; row: number; column: string; note: string }[];
  recommendation?: { number: string; date: string };
  submissionId?: string;
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
}

export type WorkflowInstance = Selectable<WorkflowInstanceTable>;
export type WorkflowTask = Selectable<WorkflowTaskTable>;
export type DatasetSubmission = Selectable<DatasetSubmissionTable>;
export type Notification = Selectable<NotificationTable>;
export type MailOutbox = Selectable<MailOutboxTable>;
