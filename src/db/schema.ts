import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

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

export interface DB {
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
