import { z } from 'zod';
import { authorize, grantScope } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { assessIndicator, verifyIndicator } from '../assessment.js';
import { assessmentView } from '../assessment-view.js';
import { round2 } from '../domain/epss.js';
import { latestReport } from '../epss.repository.js';
import { performance } from '../evaluation.js';
import { approveLatestReport, generateReport, returnLatestReport } from '../report-approval.js';
import { epssStructureUpdate } from './epss-structure-update.js';

/**
 * The evaluation API (issue #16 item 5), the same policy as the pages: performance figures for
 * whoever holds `evaluation:read` (a producer only its own agency's), the EPSS worksheet
 * region-wide, the TPI assesses, BPS verifies, the report is generated and approved.
 */
const year = z.coerce.number().int().min(2000).max(2100);

/** A producer's figures are always its own agency's; others may pick one or see all. */
export function agencyScopeOf(ctx: ActionContext, requested: string | undefined): string | undefined {
  const scope = grantScope(ctx.actor, 'evaluation:read');
  if (scope === 'own_agency') {
    authorize(ctx.actor, 'evaluation:read', { agencyId: requested ?? ctx.actor.agencyId });
    return ctx.actor.agencyId ?? undefined;
  }
  authorize(ctx.actor, 'evaluation:read');
  return requested;
}

const link = (ctx: ActionContext) => (p: string) => `${ctx.siteUrl ?? ''}${p}`;

function indexJson(v: Awaited<ReturnType<typeof assessmentView>>) {
  const r = (n: number | null | undefined) => (n === null || n === undefined ? null : round2(n));
  return {
    overall: r(v.index.overall),
    predicate: v.predicate,
    filled: v.index.filled,
    total: v.index.total,
    domains: Object.fromEntries([...v.index.domains].map(([k, n]) => [k, r(n)])),
    aspects: Object.fromEntries([...v.index.aspects].map(([k, n]) => [k, r(n)])),
    previous_overall: r(v.previousIndex?.overall),
  };
}

export const sopPerformanceShow = defineAction({
  name: 'sop_performance_show',
  sideEffectFree: true,
  requires: 'evaluation:read',
  input: z.object({
    year,
    agency_id: z.string().uuid().optional(),
    topic_id: z.string().uuid().optional(),
  }),
  authorize: (ctx, input) => {
    agencyScopeOf(ctx, input.agency_id);
  },
  async run(ctx, input) {
    const agencyId = agencyScopeOf(ctx, input.agency_id);
    return performance(ctx.db, {
      year: input.year,
      agencyId: agencyId ?? null,
      topicId: input.topic_id ?? null,
    });
  },
});

export const evaluationShow = defineAction({
  name: 'evaluation_show',
  sideEffectFree: true,
  requires: 'evaluation:read',
  input: z.object({ year }),
  authorize: (ctx) => {
    agencyScopeOf(ctx, undefined);
  },
  async run(ctx, input) {
    const agencyId = agencyScopeOf(ctx, undefined);
    const perf = await performance(ctx.db, { year: input.year, agencyId: agencyId ?? null });
    const regionWide = grantScope(ctx.actor, 'evaluation:read') === 'any';
    const epss = regionWide ? indexJson(await assessmentView(ctx.db, input.year, link(ctx))) : null;
    const report = regionWide ? await latestReport(ctx.db, input.year) : undefined;
    return {
      year: input.year,
      performance: perf,
      epss,
      report: report
        ? {
            id: report.id,
            state: report.state,
            generated_at: report.generated_at,
            approved_by_name: report.approved_by_name,
          }
        : null,
    };
  },
});

export const epssAssessmentShow = defineAction({
  name: 'epss_assessment_show',
  sideEffectFree: true,
  requires: 'evaluation:read',
  input: z.object({ year }),
  // The worksheet is the region's: region-wide readers only.
  authorize: (ctx) => authorize(ctx.actor, 'evaluation:read'),
  async run(ctx, input) {
    const v = await assessmentView(ctx.db, input.year, link(ctx));
    return {
      year: v.year,
      state: v.state,
      index: indexJson(v),
      verified: v.verified,
      domains: v.structure.map((d) => ({
        code: d.code,
        name: d.name,
        weight: d.weight,
        aspects: d.aspects.map((a) => ({
          code: a.code,
          name: a.name,
          weight: a.weight,
          indicators: a.indicators.map((x) => {
            const i = v.indicators.get(x.code);
            return {
              code: x.code,
              name: x.name,
              level: i?.level ?? null,
              explanation: i?.explanation ?? '',
              evidence: i?.evidence ?? [],
              proposal: i?.proposal ?? null,
              verify_outcome: i?.verifyOutcome ?? null,
              verified_level: i?.verifiedLevel ?? null,
              verify_note: i?.verifyNote ?? '',
              previous_level: i?.previous ?? null,
              next_level: i?.next ?? null,
            };
          }),
        })),
      })),
    };
  },
});

const evidenceItem = z.object({
  label: z.string().trim().min(1).max(500),
  href: z.string().trim().max(2000).optional(),
});

export const epssIndicatorUpdate = defineAction({
  name: 'epss_indicator_update',
  sideEffectFree: false,
  requires: 'epss:assess',
  input: z.object({
    year,
    code: z.string().regex(/^\d{5}$/, '5 digit'),
    level: z.coerce.number().int().min(1).max(5),
    explanation: z.string().max(10_000).default(''),
    evidence: z.array(evidenceItem).max(50).default([]),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'epss:assess'),
  run: (ctx, input) =>
    assessIndicator(ctx, {
      year: input.year,
      code: input.code,
      level: input.level,
      explanation: input.explanation,
      evidence: input.evidence.map((e) => ({ label_id: e.label, label_en: e.label, href: e.href || null })),
    }),
});

export const epssIndicatorVerify = defineAction({
  name: 'epss_indicator_verify',
  sideEffectFree: false,
  requires: 'epss:verify',
  input: z.object({
    year,
    code: z.string().regex(/^\d{5}$/, '5 digit'),
    outcome: z.enum(['agree', 'adjust']),
    level: z.coerce.number().int().min(1).max(5).optional(),
    note: z.string().max(10_000).default(''),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'epss:verify'),
  run: (ctx, input) => verifyIndicator(ctx, input),
});

export const evaluationReportGenerate = defineAction({
  name: 'evaluation_report_generate',
  sideEffectFree: false,
  requires: 'evaluation:report',
  input: z.object({ year }),
  authorize: (ctx) => authorize(ctx.actor, 'evaluation:report'),
  async run(ctx, input) {
    const r = await generateReport(ctx, input.year);
    const base = `${ctx.siteUrl ?? ''}/evaluasi/laporan/${input.year}`;
    return { id: r.id, year: r.year, state: r.state, pdf_url: `${base}.pdf`, docx_url: `${base}.docx` };
  },
});

export const evaluationReportApprove = defineAction({
  name: 'evaluation_report_approve',
  sideEffectFree: false,
  requires: 'evaluation:approve',
  input: z.object({ year }),
  authorize: (ctx) => authorize(ctx.actor, 'evaluation:approve'),
  async run(ctx, input) {
    const r = await approveLatestReport(ctx, input.year);
    return { id: r.id, year: r.year, state: r.state, approved_by_name: r.approved_by_name };
  },
});

/** The leader sends the latest version back to the secretariat with a reason (issue #16 item 4). */
export const evaluationReportReturn = defineAction({
  name: 'evaluation_report_return',
  sideEffectFree: false,
  requires: 'evaluation:approve',
  input: z.object({ year, reason: z.string().max(5000).default('') }),
  authorize: (ctx) => authorize(ctx.actor, 'evaluation:approve'),
  async run(ctx, input) {
    const r = await returnLatestReport(ctx, input.year, input.reason);
    return { id: r.id, year: r.year, state: r.state, return_reason: r.return_reason };
  },
});

export const EVALUATION_ACTIONS = [
  evaluationShow,
  sopPerformanceShow,
  epssAssessmentShow,
  epssIndicatorUpdate,
  epssIndicatorVerify,
  evaluationReportGenerate,
  evaluationReportApprove,
  evaluationReportReturn,
  epssStructureUpdate,
];
