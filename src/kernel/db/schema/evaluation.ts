import type { ColumnType, Generated, Selectable } from 'kysely';

/** Tables of evaluation (migration 0022): the EPSS structure, assessments, reports, portal use. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Numeric = ColumnType<string | number, number | string, number | string>;
type JsonOf<T> = ColumnType<T, string, string>;

export interface EpssCriterion {
  id: string;
  en: string;
}

/** One piece of evidence: a label, a link inside the platform (or a document), and a value. */
export interface EpssEvidence {
  label_id: string;
  label_en: string;
  href: string | null;
  value?: string;
}

/** Why the platform proposes a level: its rule's reasoning, in both languages, and the facts. */
export interface EpssProposal {
  level: number | null;
  reason_id: string;
  reason_en: string;
  evidence: EpssEvidence[];
  /** What would reach the next level. */
  next_id: string;
  next_en: string;
}

export interface EpssDomainTable {
  code: string;
  name_id: string;
  name_en: string;
  weight: Numeric;
  position: Generated<number>;
}

export interface EpssAspectTable {
  code: string;
  domain_code: string;
  name_id: string;
  name_en: string;
  weight: ColumnType<string | number | null, number | string | null, number | string | null>;
  position: Generated<number>;
}

export interface EpssIndicatorTable {
  code: string;
  aspect_code: string;
  name_id: string;
  name_en: string;
  weight: ColumnType<string | number | null, number | string | null, number | string | null>;
  criteria: JsonOf<EpssCriterion[]>;
  position: Generated<number>;
}

export type EpssAssessmentState = 'draft' | 'submitted' | 'verified';

export interface EpssAssessmentTable {
  id: Generated<string>;
  year: number;
  state: Generated<EpssAssessmentState>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EpssScoreTable {
  assessment_id: string;
  indicator_code: string;
  level: number | null;
  explanation: Generated<string>;
  evidence: ColumnType<EpssEvidence[], string | undefined, string>;
  proposed_level: number | null;
  proposal: ColumnType<EpssProposal | null, string | null | undefined, string | null>;
  assessed_by: string | null;
  assessed_by_name: string | null;
  assessed_at: Date | null;
  verify_outcome: 'agree' | 'adjust' | null;
  verified_level: number | null;
  verify_note: Generated<string>;
  verified_by: string | null;
  verified_by_name: string | null;
  verified_at: Date | null;
}

export interface EvaluationReportTable {
  id: Generated<string>;
  year: number;
  state: Generated<'draft' | 'approved' | 'returned'>;
  generated_by: string | null;
  generated_by_name: string;
  generated_at: CreatedAt;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  /** Migration 0035: the leader's return with its reason, and the year's evaluation run. */
  returned_by: ColumnType<string | null, string | null | undefined, string | null>;
  returned_by_name: ColumnType<string | null, string | null | undefined, string | null>;
  returned_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  return_reason: ColumnType<string | null, string | null | undefined, string | null>;
  run_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export type PortalUsageKind = 'view' | 'download' | 'api';

export interface PortalUsageTable {
  /** The day counted, in the region's time zone ('YYYY-MM-DD'; migration 0030). */
  day: ColumnType<string, string, string>;
  dataset_id: string;
  kind: PortalUsageKind;
  count: number;
}

export interface EvaluationTables {
  epss_domain: EpssDomainTable;
  epss_aspect: EpssAspectTable;
  epss_indicator: EpssIndicatorTable;
  epss_assessment: EpssAssessmentTable;
  epss_score: EpssScoreTable;
  evaluation_report: EvaluationReportTable;
  portal_usage: PortalUsageTable;
}

export type EpssScore = Selectable<EpssScoreTable>;
export type EvaluationReport = Selectable<EvaluationReportTable>;
