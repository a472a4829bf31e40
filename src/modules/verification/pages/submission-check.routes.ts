import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { DatasetSubmission } from '../../../kernel/db/schema/workflow-runs.js';
import { NotFoundError } from '../../../kernel/errors.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { pick } from '../../../kernel/i18n/i18n.js';
import { catalogPageContext } from '../../catalog/index.js';
import { loadDatastorePreviews } from '../../datastore/index.js';
import { datasetConformity } from '../../metadata/index.js';
import { wm } from '../../workflows/index.js';
import { datasetPrioritySet } from '../actions/submission-priority.js';
import { submissionPublish } from '../actions/submission-publish.js';
import { submissionReview } from '../actions/submission-review.js';
import { submissionVerify } from '../actions/submission-verify.js';
import { diffSubmissions } from '../diff.js';
import { datasetHistory } from '../history.js';
import { verificationReport, verificationReportPdf } from '../report.js';
import { returnNotesOf } from '../return-notes.js';
import { openStepOf, reviewPlan } from '../submission-step.js';
import { loadSubmission } from '../submissions.js';
import { findSubmissionByNumber, versionReports } from '../submissions.repository.js';
import { SubmissionPage } from './submission.page.js';
import { type Body, text, verifyFormInput } from './submission-form.js';
import { ReportPage } from './submission-report.page.js';
import type { SubmissionPageView } from './submission-sections.js';

/** The verification page of one submission: decisions, priority flag, reports. */
export async function submissionCheckRoutes(app: FastifyInstance, { database, site, config }: AppDeps) {
  const db = database.db;
  const ctxOf = (req: FastifyRequest) => actionContext(req, database, config.siteUrl);

  app.addHook('preHandler', async (req, reply) => {
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'workspace:open');
  });

  async function loadVisible(req: FastifyRequest) {
    const s = await loadSubmission(db, (req.params as { id: string }).id);
    if (!can(req.actor, 'dataset:read_private', { agencyId: s.dataset.agency_id }))
      throw new NotFoundError({ id: 'Pengiriman tidak ditemukan', en: 'Submission not found' });
    return s;
  }

  async function pageView(req: FastifyRequest, s: DatasetSubmission & { dataset: { agency_id: string } }) {
    const [report, history, step] = await Promise.all([
      verificationReport(db, s),
      datasetHistory(db, s.dataset_id),
      openStepOf(db, s),
    ]);
    const previous = s.number > 1 ? await findSubmissionByNumber(db, s.dataset_id, s.number - 1) : undefined;
    const versionIds = s.resources.map((r) => r.version_id).filter((v): v is string => Boolean(v));
    const versions = await versionReports(db, versionIds);
    const agency = { agencyId: s.dataset.agency_id };
    const latest = (await findSubmissionByNumber(db, s.dataset_id, s.number + 1)) === undefined;
    const view: SubmissionPageView = {
      report,
      reports: versions.map((v) => ({ name: v.resource_id, report: v.report })),
      conformity: await datasetConformity(db, s.dataset_id),
      diff: previous
        ? {
            previous: previous.number,
            diff: await diffSubmissions(db, previous, s, { actor: req.actor, agencyId: s.dataset.agency_id }),
          }
        : null,
      history: history.instances.filter((i) => i.id === s.instance_id),
      returnNotes: s.state === 'returned' ? returnNotesOf(history.instances, s.id) : null,
      previews: await loadDatastorePreviews(db, req.actor, s.dataset_id, req.url),
      waitingFor: latest && step ? pick(req.locale, step.title) : null,
      mayVerify:
        latest &&
        s.state === 'submitted' &&
        step?.feature === 'dataset_verify' &&
        can(req.actor, 'dataset:verify', agency),
      maySetPriority: latest && s.state !== 'published' && can(req.actor, 'dataset:verify', agency),
      mayReview:
        latest &&
        s.state === 'verified' &&
        step?.feature === 'dataset_review' &&
        can(req.actor, 'dataset:review', agency),
      mayPublish: latest && step?.feature === 'dataset_publish' && can(req.actor, 'dataset:publish', agency),
      review: await reviewPlan(db, s),
    };
    return view;
  }

  async function renderSubmission(
    req: FastifyRequest,
    reply: FastifyReply,
    s: DatasetSubmission & { dataset: { agency_id: string } },
    extra: { notice?: string; errors?: Record<string, string[]>; status?: number; typed?: Body } = {},
  ) {
    const ctx = { ...catalogPageContext(req, reply, site), notice: extra.notice };
    const view = { ...(await pageView(req, s)), typed: extra.typed };
    return reply
      .code(extra.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(SubmissionPage({ ctx, view, errors: extra.errors }));
  }

  const NOTICES = {
    priority: 'sub.prioritySaved',
    submitted: 'sub.submitted',
    verified: 'sub.verified',
    reviewed: 'sub.reviewed',
    published: 'sub.published',
  } as const;

  app.get('/workspace/submissions/:id', async (req, reply) => {
    const s = await loadVisible(req);
    const done = (req.query as { done?: keyof typeof NOTICES }).done;
    return renderSubmission(
      req,
      reply,
      s,
      done && NOTICES[done] ? { notice: wm(req.locale, NOTICES[done]) } : {},
    );
  });

  async function decide(
    req: FastifyRequest,
    reply: FastifyReply,
    run: (s: DatasetSubmission, body: Body) => Promise<unknown>,
    done: keyof typeof NOTICES,
  ) {
    const s = await loadVisible(req);
    const body = (req.body ?? {}) as Body;
    try {
      await run(s, body);
    } catch (err) {
      return renderSubmission(req, reply, await loadVisible(req), {
        errors: formErrors(err, req.locale),
        status: 400,
        typed: body,
      });
    }
    return redirectAfterPost(reply, `/workspace/submissions/${s.id}?done=${done}`);
  }

  app.post('/workspace/submissions/:id/verify', (req, reply) =>
    decide(
      req,
      reply,
      (s, body) =>
        executeAction(ctxOf(req), submissionVerify, verifyFormInput(s.id, body, Object.keys(s.metadata))),
      'verified',
    ),
  );

  app.post('/workspace/submissions/:id/priority', (req, reply) =>
    decide(
      req,
      reply,
      (s, body) =>
        executeAction(ctxOf(req), datasetPrioritySet, { id: s.dataset_id, priority: text(body.priority) }),
      'priority',
    ),
  );

  app.post('/workspace/submissions/:id/review', (req, reply) =>
    decide(
      req,
      reply,
      (s, body) =>
        executeAction(ctxOf(req), submissionReview, {
          id: s.id,
          outcome: text(body.outcome),
          note: text(body.note),
          recommendation_number: text(body.recommendation_number) || undefined,
          recommendation_date: text(body.recommendation_date) || undefined,
        }),
      'reviewed',
    ),
  );

  app.post('/workspace/submissions/:id/publish', (req, reply) =>
    decide(
      req,
      reply,
      (s, body) => executeAction(ctxOf(req), submissionPublish, { id: s.id, note: text(body.note) }),
      'published',
    ),
  );

  app.get('/workspace/submissions/:id/report', async (req, reply) => {
    const s = await loadVisible(req);
    const report = await verificationReport(db, s);
    return reply
      .type('text/html; charset=utf-8')
      .send(ReportPage({ ctx: pageContext(req, reply, site), report }));
  });

  app.get('/workspace/submissions/:id/report.pdf', async (req, reply) => {
    const s = await loadVisible(req);
    const pdf = await verificationReportPdf(await verificationReport(db, s), req.locale, req.timeZone);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="verifikasi-${s.dataset.name}-${s.number}.pdf"`)
      .send(pdf);
  });
}
