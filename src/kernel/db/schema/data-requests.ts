import type { ColumnType, Generated, Selectable } from 'kysely';

/** Tables of the public data-request service (migration 0020, issue 14). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export type DataRequestState = 'unverified' | 'open' | 'delivered' | 'not_available';
export type DataRequestOutcome =
  | 'delivered_file'
  | 'delivered_dataset'
  | 'not_held'
  | 'exempt'
  | 'not_yet_produced';
export type ObjectionDecision = 'upheld' | 'rejected';

/**
 * One request. The requester's personal fields (name, e-mail, phone, organisation, ip hash) are
 * blanked when the region's retention period has passed (`personal_purged_at`); everything else
 * stays for the statistics.
 */
export interface DataRequestTable {
  id: Generated<string>;
  code: string;
  /**
   * The secret of the private status link. Kept as is (like a follow's unsubscribe token): every
   * mail to the requester carries the link, and it opens no personal data.
   */
  status_secret: string;
  state: Generated<DataRequestState>;
  requester_name: string;
  email: string;
  phone: string | null;
  organisation: string | null;
  asked: string;
  region: string | null;
  period: string | null;
  format: string | null;
  purpose: string;
  delivery: string;
  locale: Generated<'id' | 'en'>;
  ip_hash: string | null;
  created_at: CreatedAt;
  /** When the e-mail was confirmed: the request counts and the legal clock starts. */
  verified_at: Date | null;
  instance_id: string | null;
  /** The agency it was routed to (the producers who answer). */
  agency_id: string | null;
  extension_days: Generated<number>;
  extension_reason: string | null;
  extended_at: Date | null;
  answered_at: Date | null;
  /** The legal due time when it was answered (frozen; open requests compute it from the calendar). */
  answer_due_at: Date | null;
  outcome: DataRequestOutcome | null;
  outcome_reason: string | null;
  legal_ground: string | null;
  /** What the agency proposed when it said "not available" (the sub-coordinator confirms). */
  proposed_outcome: DataRequestOutcome | null;
  dataset_id: string | null;
  file_key: string | null;
  file_name: string | null;
  file_expires_at: Date | null;
  objection_at: Date | null;
  objection_reason: string | null;
  objection_due_at: Date | null;
  objection_answered_at: Date | null;
  objection_decision: ObjectionDecision | null;
  objection_answer: string | null;
  rating: Json<number[]> | null;
  rating_comment: string | null;
  rated_at: Date | null;
  personal_purged_at: Date | null;
}

/** A message addressed to the requester, shown on the status page and mailed. */
export interface DataRequestMessageTable {
  id: Generated<string>;
  request_id: string;
  created_at: CreatedAt;
  kind: string;
  body_id: string;
  body_en: string;
}

/**
 * A reminder or escalation sent on a legal clock (migration 0028): at most one of each kind per
 * request, clock and due time (an extension's new due time is reminded again).
 */
export interface DataRequestAlertTable {
  request_id: string;
  clock: 'answer' | 'objection';
  kind: 'reminder' | 'escalation';
  due_at: Date;
  sent_at: Date;
  recipients: Generated<number>;
}

export interface DataRequestTables {
  data_request: DataRequestTable;
  data_request_message: DataRequestMessageTable;
  data_request_alert: DataRequestAlertTable;
}

export type DataRequest = Selectable<DataRequestTable>;
export type DataRequestMessage = Selectable<DataRequestMessageTable>;
