import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { TableSchema } from '../table-schema/table-schema.js';
import type { DataRequestTables } from './schema/data-requests.js';
import type { DatastoreTables } from './schema/datastore.js';
import type { DisseminationTables } from './schema/dissemination.js';
import type { EvaluationTables } from './schema/evaluation.js';
import type { MetadataTables } from './schema/metadata.js';
import type { PlanningTables } from './schema/planning.js';
import type { PortalTables } from './schema/portal.js';
import type { ReadModelTables } from './schema/read-model.js';
import type { ReferenceCodeTables } from './schema/reference-codes.js';
import type { SdiTables } from './schema/sdi.js';
import type { WorkflowTables } from './schema/workflow.js';
import type { WorkflowRunTables } from './schema/workflow-runs.js';
import type { WorkflowTimeTables } from './schema/workflow-time.js';

/**
 * Table interfaces: the `DB` type Kysely checks every query against.
 * One interface per table, named after the entity; columns in snake_case as in SQL.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

export interface RegionTable {
  code: string;
  parent_code: string | null;
  level: RegionLevel;
  name: string;
  /** The edition that no longer lists this code (kept for the data citing it); null: current. */
  retired_in: Generated<string | null>;
}

export interface SiteSettingTable {
  key: string;
  value: Json<unknown>;
  updated_at: Timestamp;
}

export type AgencyKind =
  | 'secretariat'
  | 'department'
  | 'agency'
  | 'office'
  | 'inspectorate'
  | 'hospital'
  | 'district_office'
  | 'local_government'
  | 'other';

export interface AgencyTable {
  id: Generated<string>;
  code: string;
  name: string;
  short_name: string;
  kind: AgencyKind;
  region_code: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type UserState = 'active' | 'disabled';

export interface UserTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  agency_id: string | null;
  locale: string;
  state: Generated<UserState>;
  is_demo: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Timestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
  id_hash: string;
  user_id: string;
  ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  /** First characters of the token, to recognise it in the list. */
  prefix: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_id: string | null;
  actor_name: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: Json<Record<string, unknown>>;
  request_id: string | null;
  ip: string | null;
}

export interface TopicTable {
  id: Generated<string>;
  name: string;
  title: string;
  title_en: string | null;
  description: Generated<string>;
  description_en: string | null;
  image_url: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type DatasetState = 'draft' | 'active' | 'deleted';

export interface DatasetTable {
  id: Generated<string>;
  name: string;
  title: string;
  notes: Generated<string>;
  agency_id: string;
  license_id: Generated<string>;
  state: Generated<DatasetState>;
  private: Generated<boolean>;
  author: string | null;
  author_email: string | null;
  maintainer: string | null;
  maintainer_email: string | null;
  url: string | null;
  version: string | null;
  update_frequency: string | null;
  /** 'YYYY-MM-DD' */
  temporal_start: string | null;
  temporal_end: string | null;
  spatial_codes: Generated<string[]>;
  extras: ColumnType<Record<string, string>, string | undefined, string>;
  view_count: Generated<number>;
  metadata_created: CreatedAt;
  metadata_modified: Timestamp;
  search: Generated<string>;
  /** Facet arrays kept by triggers from dataset_tag, dataset_topic and resource (migration 0024). */
  tag_names: ColumnType<string[], never, never>;
  topic_names: ColumnType<string[], never, never>;
  res_formats: ColumnType<string[], never, never>;
}

export interface DatasetTagTable {
  dataset_id: string;
  tag: string;
}

export interface DatasetTopicTable {
  dataset_id: string;
  topic_id: string;
}

export interface ResourceTable {
  id: Generated<string>;
  dataset_id: string;
  position: Generated<number>;
  name: Generated<string>;
  description: Generated<string>;
  format: Generated<string>;
  url: Generated<string>;
  url_type: 'upload' | null;
  mimetype: string | null;
  size: number | null;
  hash: string | null;
  /** Path of the stored file under DATA_DIR/files, for uploads. */
  storage_key: string | null;
  state: Generated<'active' | 'deleted'>;
  download_count: Generated<number>;
  extras: ColumnType<Record<string, string>, string | undefined, string>;
  created: CreatedAt;
  last_modified: Date | null;
  metadata_modified: Timestamp;
  /** The Table Schema enforced on uploads (tabular resources only; see domain/table-schema). */
  table_schema: ColumnType<
    TableSchema | null,
    string | TableSchema | null | undefined,
    string | TableSchema | null
  >;
  /** The resource_version readers see (the atomic-swap pointer). */
  datastore_version_id: string | null;
}

export interface DatasetRevisionTable {
  id: Generated<number>;
  dataset_id: string;
  at: CreatedAt;
  actor_id: string | null;
  actor_name: string;
  action: string;
  changes: Json<Record<string, unknown>>;
}

/** Core tables here; each later area's tables in ./schema/<area>.ts. */
export interface DB
  extends ReferenceCodeTables,
    DatastoreTables,
    WorkflowTables,
    WorkflowRunTables,
    WorkflowTimeTables,
    MetadataTables,
    SdiTables,
    PortalTables,
    ReadModelTables,
    DisseminationTables,
    DataRequestTables,
    PlanningTables,
    EvaluationTables {
  topic: TopicTable;
  dataset: DatasetTable;
  dataset_tag: DatasetTagTable;
  dataset_topic: DatasetTopicTable;
  resource: ResourceTable;
  dataset_revision: DatasetRevisionTable;
  region: RegionTable;
  site_setting: SiteSettingTable;
  agency: AgencyTable;
  app_user: UserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
}

export type Agency = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type Topic = Selectable<TopicTable>;
export type Dataset = Selectable<DatasetTable>;
export type NewDataset = Insertable<DatasetTable>;
export type DatasetUpdate = Updateable<DatasetTable>;
export type Resource = Selectable<ResourceTable>;
export type NewResource = Insertable<ResourceTable>;
export type DatasetRevision = Selectable<DatasetRevisionTable>;
export type ResourceUpdate = Updateable<ResourceTable>;
