import type { ActionContext } from '../../kernel/actions/context.js';
import { mutate } from '../../kernel/actions/context.js';
import type { EpssEvidence } from '../../kernel/db/schema/evaluation.js';
import { ConflictError, NotFoundError, ValidationError } from '../../kernel/errors.js';
import { proposeLevels } from './domain/proposals.js';
import {
  countIndicators,
  ensureAssessment,
  findAssessment,
  findScore,
  indicatorExists,
  listScores,
  saveAssessed,
  saveVerified,
  setAssessmentState,
} from './epss.repository.js';
import { evaluationFacts } from './evaluation-facts.js';

/**
 * The changes of the EPSS worksheet (issue #16 item 2), each in one transaction with its audit
 * row (the yearly report's are in report-approval.ts). The clock is passed in (tests fix it).
 */
const link = (ctx: ActionContext) => (p: string) => `${ctx.siteUrl ?? ''}${p}`;

async function requireIndicator(ctx: ActionContext, code: string): Promise<void> {
  if (!(await indicatorExists(ctx.db, code)))
    throw new NotFoundError({
      id: `Indikator EPSS ${code} tidak ada pada lembar kerja`,
      en: `EPSS indicator ${code} is not on the worksheet`,
    });
}

/** The internal team (TPI) picks a level with an explanation and evidence; the proposal is kept beside it. */
export async function assessIndicator(
  ctx: ActionContext,
  input: { year: number; code: string; level: number; explanation: string; evidence: EpssEvidence[] },
  now: Date = new Date(),
): Promise<{ year: number; code: string; level: number; proposed_level: number | null }> {
  await requireIndicator(ctx, input.code);
  if (!input.explanation.trim())
    throw new ValidationError({
      explanation: [
        {
          id: `Tulis penjelasan tingkat kematangan indikator ${input.code}`,
          en: `Write the explanation of indicator ${input.code}'s level`,
        },
      ],
    });
  const proposal =
    proposeLevels(await evaluationFacts(ctx.db, input.year), link(ctx)).get(input.code) ?? null;
  return mutate(ctx, async (trx, audit) => {
    const a = await ensureAssessment(trx, input.year, ctx.actor.userId);
    if (a.state === 'verified')
      throw new ConflictError({
        id: `Penilaian EPSS ${input.year} sudah diverifikasi BPS; tidak dapat diubah`,
        en: `The EPSS assessment of ${input.year} is verified by BPS and can no longer change`,
      });
    await saveAssessed(trx, {
      assessment_id: a.id,
      indicator_code: input.code,
      level: input.level,
      explanation: input.explanation.trim(),
      evidence: input.evidence,
      proposal,
      by: ctx.actor.userId,
      byName: ctx.actor.username,
      at: now,
    });
    if (a.state === 'draft') await setAssessmentState(trx, a.id, 'draft', now);
    await audit({
      action: 'epss_indicator_update',
      subjectType: 'epss_assessment',
      subjectId: a.id,
      summary: {
        year: input.year,
        indicator: input.code,
        level: input.level,
        proposed_level: proposal?.level ?? null,
      },
    });
    return {
      year: input.year,
      code: input.code,
      level: input.level,
      proposed_level: proposal?.level ?? null,
    };
  });
}

/** BPS agrees with the self-assessed level, or adjusts it with a note. */
export async function verifyIndicator(
  ctx: ActionContext,
  input: {
    year: number;
    code: string;
    outcome: 'agree' | 'adjust';
    level?: number | undefined;
    note: string;
  },
  now: Date = new Date(),
): Promise<{ year: number; code: string; verified_level: number; assessment_state: string }> {
  await requireIndicator(ctx, input.code);
  if (input.outcome === 'adjust') {
    const fields: Record<string, { id: string; en: string }[]> = {};
    if (input.level === undefined)
      fields.level = [{ id: 'Pilih tingkat hasil penyesuaian BPS', en: "Choose BPS's adjusted level" }];
    if (!input.note.trim())
      fields.note = [{ id: 'Tulis catatan penyesuaian BPS', en: "Write BPS's note on the adjustment" }];
    if (Object.keys(fields).length) throw new ValidationError(fields);
  }
  return mutate(ctx, async (trx, audit) => {
    const a = await findAssessment(trx, input.year);
    const s = a ? await findScore(trx, a.id, input.code) : undefined;
    if (!a || !s || s.level === null)
      throw new ConflictError({
        id: `Indikator ${input.code} tahun ${input.year} belum dinilai tim penilai internal`,
        en: `Indicator ${input.code} of ${input.year} has not been self-assessed yet`,
      });
    const level = input.outcome === 'agree' ? s.level : (input.level as number);
    await saveVerified(
      trx,
      { assessment_id: a.id, indicator_code: input.code },
      {
        outcome: input.outcome,
        level,
        note: input.note.trim(),
        by: ctx.actor.userId,
        byName: ctx.actor.username,
        at: now,
      },
    );
    const scores = await listScores(trx, a.id);
    const allVerified =
      scores.filter((x) => x.verify_outcome !== null).length >= (await countIndicators(trx));
    const state = allVerified ? 'verified' : 'submitted';
    await setAssessmentState(trx, a.id, state, now);
    await audit({
      action: 'epss_indicator_verify',
      subjectType: 'epss_assessment',
      subjectId: a.id,
      summary: {
        year: input.year,
        indicator: input.code,
        outcome: input.outcome,
        level,
        self_level: s.level,
      },
    });
    return { year: input.year, code: input.code, verified_level: level, assessment_state: state };
  });
}
