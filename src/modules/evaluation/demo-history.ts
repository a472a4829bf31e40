import type { Actor } from '../../kernel/access/policy.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import { mutate } from '../../kernel/actions/context.js';
import { regionTimeZone } from '../../kernel/db/region-time-zone.repository.js';
import { proposeLevels } from './domain/proposals.js';
import {
  approveReport,
  ensureAssessment,
  insertReport,
  saveAssessed,
  saveVerified,
  setAssessmentState,
} from './epss.repository.js';
import { evaluationFacts } from './evaluation-facts.js';
import { insertDemoUsage } from './usage.repository.js';
import { dayIn } from './usage-counter.js';

/**
 * A year of evaluation behind the demo region (issue #16 item 6): a year of portal use up to
 * today; last year's EPSS self-assessment completed and verified by BPS (a few levels adjusted
 * with a note) and its report approved by the leader; this year's assessment in progress, where
 * the internal team took the platform's proposals (with their evidence) for the indicators it
 * could propose, leaving the rest, and BPS has not verified yet. Written as the actions would
 * (same tables, audit rows), in one transaction.
 */

/** Last year's levels as the TPI chose them (averaging about 2, as regencies did in 2023). */
const LAST_YEAR: Record<string, number> = {
  '10101': 3,
  '10201': 3,
  '10301': 2,
  '10401': 3,
  '20101': 2,
  '20102': 2,
  '20201': 1,
  '20301': 2,
  '20302': 1,
  '20401': 3,
  '20402': 3,
  '20403': 2,
  '20501': 1,
  '20502': 1,
  '30101': 2,
  '30102': 2,
  '30103': 2,
  '30201': 3,
  '30301': 2,
  '30302': 1,
  '30401': 3,
  '40101': 2,
  '40102': 1,
  '40103': 1,
  '40104': 2,
  '40201': 2,
  '40202': 2,
  '40301': 2,
  '40302': 3,
  '40303': 3,
  '40304': 2,
  '50101': 2,
  '50102': 2,
  '50103': 1,
  '50201': 2,
  '50301': 1,
  '50302': 2,
  '50303': 1,
};
/** Where BPS adjusted last year's level, and why. */
const ADJUSTED: Record<string, { level: number; note: string }> = {
  '10301': { level: 1, note: 'Belum ada pertukaran data antarsistem yang terdokumentasi.' },
  '30201': { level: 2, note: 'Prosedur pengumpulan belum berlaku untuk semua produsen data.' },
  '40302': { level: 2, note: 'Notulensi forum belum memuat kesepakatan daftar data.' },
};
/** This year: indicators the internal team left for the browser walk-through to fill. */
const LEFT_OPEN = new Set(['40304']);

export async function seedEvaluationDemo(
  ctx: ActionContext,
  people: { tpi: Actor; bps: Actor; leader: Actor },
  now: Date = new Date(),
): Promise<void> {
  const db = ctx.db;
  const timeZone = await regionTimeZone(db);
  const today = dayIn(now, timeZone);
  const year = Number(today.slice(0, 4));
  const yearAgo = `${year - 1}${today.slice(4)}`;
  const link = (p: string) => `${ctx.siteUrl ?? ''}${p}`;
  const proposals = proposeLevels(await evaluationFacts(db, year, now), link);
  const lastYearEnd = new Date(`${year - 1}-12-15T03:00:00Z`);
  const lastYearReport = new Date(`${year}-01-20T03:00:00Z`);
  await mutate(ctx, async (trx, audit) => {
    await insertDemoUsage(trx, yearAgo, today);

    const last = await ensureAssessment(trx, year - 1, people.tpi.userId);
    for (const [code, level] of Object.entries(LAST_YEAR)) {
      await saveAssessed(trx, {
        assessment_id: last.id,
        indicator_code: code,
        level,
        explanation: `Penilaian mandiri tim penilai internal ${year - 1}: tingkat ${level}.`,
        evidence: [],
        proposal: null,
        by: people.tpi.userId,
        byName: people.tpi.username,
        at: lastYearEnd,
      });
      const adjusted = ADJUSTED[code];
      await saveVerified(
        trx,
        { assessment_id: last.id, indicator_code: code },
        {
          outcome: adjusted ? 'adjust' : 'agree',
          level: adjusted?.level ?? level,
          note: adjusted?.note ?? '',
          by: people.bps.userId,
          byName: people.bps.username,
          at: lastYearEnd,
        },
      );
    }
    await setAssessmentState(trx, last.id, 'verified', lastYearEnd);
    const report = await insertReport(trx, year - 1, people.tpi.userId, people.tpi.username, lastYearReport);
    await approveReport(trx, report.id, people.leader.userId, people.leader.username, lastYearReport);

    const current = await ensureAssessment(trx, year, people.tpi.userId);
    let taken = 0;
    for (const [code, p] of proposals) {
      if (p.level === null || LEFT_OPEN.has(code)) continue;
      await saveAssessed(trx, {
        assessment_id: current.id,
        indicator_code: code,
        level: p.level,
        explanation: `Mengikuti usulan platform. ${p.reason_id}`,
        evidence: p.evidence,
        proposal: p,
        by: people.tpi.userId,
        byName: people.tpi.username,
        at: now,
      });
      taken++;
    }
    await audit({
      action: 'evaluation_demo_seed',
      subjectType: 'epss_assessment',
      subjectId: current.id,
      summary: { year, previous_year: year - 1, proposals_taken: taken, usage_from: yearAgo },
    });
  });
}
