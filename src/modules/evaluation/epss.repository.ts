import type { Kysely } from 'kysely';
import type { EpssEvidence, EpssProposal, EpssScore } from '../../kernel/db/schema/evaluation.js';
import type { DB } from '../../kernel/db/schema.js';
import type { EpssStructure } from './domain/epss.js';

/** The worksheet structure as the region keeps it, in order. */
export async function loadStructure(db: Kysely<DB>): Promise<EpssStructure> {
  const [domains, aspects, indicators] = await Promise.all([
    db.selectFrom('epss_domain').selectAll().orderBy('position').orderBy('code').execute(),
    db.selectFrom('epss_aspect').selectAll().orderBy('position').orderBy('code').execute(),
    db.selectFrom('epss_indicator').selectAll().orderBy('position').orderBy('code').execute(),
  ]);
  const w = (v: string | number | null) => (v === null ? null : Number(v));
  return domains.map((d) => ({
    code: d.code,
    name: { id: d.name_id, en: d.name_en },
    weight: Number(d.weight),
    aspects: aspects
      .filter((a) => a.domain_code === d.code)
      .map((a) => ({
        code: a.code,
        name: { id: a.name_id, en: a.name_en },
        weight: w(a.weight),
        indicators: indicators
          .filter((x) => x.aspect_code === a.code)
          .map((x) => ({
            code: x.code,
            name: { id: x.name_id, en: x.name_en },
            weight: w(x.weight),
            criteria: x.criteria,
          })),
      })),
  }));
}

export async function findAssessment(db: Kysely<DB>, year: number) {
  return db.selectFrom('epss_assessment').selectAll().where('year', '=', year).executeTakeFirst();
}

/** The assessment of a year, created on its first write (locked for the change). */
export async function ensureAssessment(db: Kysely<DB>, year: number, by: string | null) {
  await db
    .insertInto('epss_assessment')
    .values({ year, created_by: by })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  return db
    .selectFrom('epss_assessment')
    .selectAll()
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function listScores(db: Kysely<DB>, assessmentId: string): Promise<EpssScore[]> {
  return db.selectFrom('epss_score').selectAll().where('assessment_id', '=', assessmentId).execute();
}

export async function findScore(db: Kysely<DB>, assessmentId: string, code: string) {
  return db
    .selectFrom('epss_score')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('indicator_code', '=', code)
    .forUpdate()
    .executeTakeFirst();
}

export async function indicatorExists(db: Kysely<DB>, code: string): Promise<boolean> {
  return (
    (await db.selectFrom('epss_indicator').select('code').where('code', '=', code).executeTakeFirst()) !==
    undefined
  );
}

export async function saveAssessed(
  db: Kysely<DB>,
  row: {
    assessment_id: string;
    indicator_code: string;
    level: number;
    explanation: string;
    evidence: EpssEvidence[];
    proposal: EpssProposal | null;
    by: string | null;
    byName: string;
    at: Date;
  },
): Promise<void> {
  const values = {
    level: row.level,
    explanation: row.explanation,
    evidence: JSON.stringify(row.evidence),
    proposed_level: row.proposal?.level ?? null,
    proposal: row.proposal ? JSON.stringify(row.proposal) : null,
    assessed_by: row.by,
    assessed_by_name: row.byName,
    assessed_at: row.at,
    // A changed self-assessment needs BPS's look again.
    verify_outcome: null,
    verified_level: null,
    verify_note: '',
    verified_by: null,
    verified_by_name: null,
    verified_at: null,
  };
  await db
    .insertInto('epss_score')
    .values({ assessment_id: row.assessment_id, indicator_code: row.indicator_code, ...values })
    .onConflict((oc) => oc.columns(['assessment_id', 'indicator_code']).doUpdateSet(values))
    .execute();
}

export async function saveVerified(
  db: Kysely<DB>,
  key: { assessment_id: string; indicator_code: string },
  v: {
    outcome: 'agree' | 'adjust';
    level: number;
    note: string;
    by: string | null;
    byName: string;
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable('epss_score')
    .set({
      verify_outcome: v.outcome,
      verified_level: v.level,
      verify_note: v.note,
      verified_by: v.by,
      verified_by_name: v.byName,
      verified_at: v.at,
    })
    .where('assessment_id', '=', key.assessment_id)
    .where('indicator_code', '=', key.indicator_code)
    .execute();
}

export async function setAssessmentState(
  db: Kysely<DB>,
  id: string,
  state: 'draft' | 'submitted' | 'verified',
  at: Date,
): Promise<void> {
  await db.updateTable('epss_assessment').set({ state, updated_at: at }).where('id', '=', id).execute();
}

export async function latestReport(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('evaluation_report')
    .selectAll()
    .where('year', '=', year)
    .orderBy('generated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertReport(
  db: Kysely<DB>,
  year: number,
  by: string | null,
  byName: string,
  at: Date,
) {
  return db
    .insertInto('evaluation_report')
    .values({ year, generated_by: by, generated_by_name: byName, generated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function approveReport(db: Kysely<DB>, id: string, by: string | null, byName: string, at: Date) {
  return db
    .updateTable('evaluation_report')
    .set({ state: 'approved', approved_by: by, approved_by_name: byName, approved_at: at })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

/** The leader sends a version back with a reason (issue #16 item 4). */
export async function returnReport(
  db: Kysely<DB>,
  id: string,
  v: { by: string | null; byName: string; at: Date; reason: string },
) {
  return db
    .updateTable('evaluation_report')
    .set({
      state: 'returned',
      returned_by: v.by,
      returned_by_name: v.byName,
      returned_at: v.at,
      return_reason: v.reason,
    })
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

/** The year's evaluation run a version answered. */
export async function setReportRun(db: Kysely<DB>, id: string, runId: string): Promise<void> {
  await db.updateTable('evaluation_report').set({ run_id: runId }).where('id', '=', id).execute();
}

export async function countIndicators(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('epss_indicator')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
