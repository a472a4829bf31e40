import type { ColumnType, Generated, Selectable } from 'kysely';

/** Tables of planning: the yearly data list, proposals, the forum and obligations (migration 0019). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;
type DateOnly = ColumnType<string, string, string>;

export type DataListStatus = 'draft' | 'discussed' | 'agreed' | 'enacted';
export type DataKind = 'statistik' | 'geospasial' | 'keuangan';
export type RiskClass = 'terbuka' | 'terbatas' | 'tertutup';
export type UpdateSchedule =
  | 'harian'
  | 'mingguan'
  | 'bulanan'
  | 'triwulanan'
  | 'semesteran'
  | 'tahunan'
  | 'insidental';
export type ItemStatus = 'planned' | 'agreed' | 'changed' | 'refused' | 'postponed';
export type ForumDecisionKind = 'agreed' | 'changed' | 'refused' | 'postponed';
export type Disaggregation = 'province' | 'regency' | 'district' | 'village';

export interface DataListTable {
  id: Generated<string>;
  year: number;
  status: Generated<DataListStatus>;
  version: Generated<number>;
  decree_number: Generated<string>;
  decree_file_key: string | null;
  decree_file_name: string | null;
  enacted_at: Date | null;
  collection_instance_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DataListItemTable {
  id: Generated<string>;
  list_id: string;
  position: Generated<number>;
  id_ddd: string;
  id_ddp: Generated<string>;
  source_reference: Generated<string>;
  indicator_code: Generated<string>;
  indicator_name: Generated<string>;
  data_name: string;
  kind: DataKind;
  indicator_variable: Generated<string>;
  standard_code: Generated<string>;
  agency_id: string;
  risk_class: Generated<RiskClass>;
  definition: Generated<string>;
  unit: Generated<string>;
  presentation: Generated<string>;
  update_schedule: Generated<UpdateSchedule>;
  rad_category: Generated<string>;
  metadata_code: Generated<string>;
  portal_link: Generated<string>;
  sdi_link: Generated<string>;
  priority: Generated<boolean>;
  disaggregation: Disaggregation | null;
  collection_method: Generated<string>;
  responsible_officer: Generated<string>;
  data_standard_id: string | null;
  statistical_activity_id: string | null;
  status: Generated<ItemStatus>;
  producer_response: 'agree' | 'refuse' | null;
  producer_reason: Generated<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DataListItemDatasetTable {
  item_id: string;
  dataset_id: string;
}

export type ProposalSource = 'public' | 'producer' | 'need' | 'data_request';
export type ProposalState = 'new' | 'accepted' | 'rejected';

export interface DataProposalTable {
  id: Generated<string>;
  year: number;
  source: ProposalSource;
  data_name: string;
  description: Generated<string>;
  agency_id: string | null;
  planning_document: Generated<string>;
  proposer_name: Generated<string>;
  proposer_email: Generated<string>;
  state: Generated<ProposalState>;
  item_id: string | null;
  /** The unmet public data request this proposal came from (migration 0027). */
  data_request_id: string | null;
  created_at: CreatedAt;
}

export interface ForumInvitee {
  /** An agency of the region, or null for an outside party (BPS, Bappeda). */
  agencyId: string | null;
  name: string;
}

export interface ForumMeetingTable {
  id: Generated<string>;
  year: number;
  title: string;
  held_on: DateOnly;
  place: Generated<string>;
  agenda: Generated<string>;
  invitees: Json<ForumInvitee[]>;
  /** Names (of invitees) who attended. */
  attendance: Json<string[]>;
  minutes: Generated<string>;
  minutes_recorded_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  /** Migration 0041: the data-list forum, or the yearly evaluation's coordination meeting. */
  purpose: Generated<ForumMeetingPurpose>;
}

export type ForumMeetingPurpose = 'data_list' | 'evaluation';

export interface ForumDecisionTable {
  meeting_id: string;
  item_id: string;
  decision: ForumDecisionKind;
  note: Generated<string>;
  decided_at: Timestamp;
}

export type PlanningRecordKind = 'berita_acara' | 'sk_draft';

export interface Signatory {
  name: string;
  role: string;
}

export interface PlanningRecordTable {
  id: Generated<string>;
  year: number;
  kind: PlanningRecordKind;
  meeting_id: string | null;
  list_version: number;
  signatories: Json<Signatory[]>;
  generated_by: string | null;
  generated_at: Timestamp;
}

export interface DataListObligationTable {
  id: Generated<string>;
  item_id: string;
  agency_id: string;
  period: string;
  due_on: DateOnly;
}

export interface PlanningTables {
  data_list: DataListTable;
  data_list_item: DataListItemTable;
  data_list_item_dataset: DataListItemDatasetTable;
  data_proposal: DataProposalTable;
  forum_meeting: ForumMeetingTable;
  forum_decision: ForumDecisionTable;
  planning_record: PlanningRecordTable;
  data_list_obligation: DataListObligationTable;
}

export type DataList = Selectable<DataListTable>;
export type DataListItem = Selectable<DataListItemTable>;
export type DataProposal = Selectable<DataProposalTable>;
export type ForumMeeting = Selectable<ForumMeetingTable>;
export type ForumDecision = Selectable<ForumDecisionTable>;
export type PlanningRecord = Selectable<PlanningRecordTable>;
export type DataListObligation = Selectable<DataListObligationTable>;
