import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { executeAction } from '../../actions/action.js';
import { submissionCreate } from '../../actions/workflow/submission-create.js';
import { datasetPrioritySet } from '../../actions/workflow/submission-priority.js';
import { submissionPublish } from '../../actions/workflow/submission-publish.js';
import { submissionReview } from '../../actions/workflow/submission-review.js';
import { submissionVerify, submissionVerifyMany } from '../../actions/workflow/submission-verify.js';
import type { DatasetSubmission } from '../../db/schema/workflow-runs.js';
import { stepById } from '../../domain/workflow/definition.js';
import { NotFoundError } from '../../errors.js';
import { pick } from '../../i18n/i18n.js';
import { authorize, can, grantScope } from '../../policies/policy.js';
import { datasetConformity } from '../../sdi/conformity.js';
import { diffSubmissions } from '../../workflow-runs/diff.js';
import { definitionOf } from '../../workflow-runs/engine.js';
import { datasetHistory } from '../../workflow-runs/history.js';
import { verificationReport, verificationReportPdf } from '../../workflow-runs/report.js';
import { findInstance, openTaskOf } from '../../workflow-runs/runs.repository.js';
import { loadDatasetFor, loadSubmission, SDI_CHECKLIST } from '../../workflow-runs/submissions.js';
import {
  datasetsWithLatestSubmission,
  findSubmissionByNumber,
  submissionsInState,
} from '../../workflow-runs/submissions.repository.js';
import type { AppDeps } from '../app-deps.js';
import { formErrors } from '../form-errors.js';
import { actionContext, redirectAfterPost } from '../request-context.js';
import { pageContext } from '../views/page-context.js';
import { wm } from '../views/workflow/workflow.messages.js';
import {
  ReportPage,
  SubmissionPage,
  type SubmissionPageView,
  SubmissionsPage,
  type SubmissionsView,
  SubmitPage,
} from './submission.page.js';

type Body = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

/** Browser form → submission_verify input (checklist, field and cell notes). */
export function verifyFormInput(id: string, body: Body, metadataFields: string[]) {
  const checklist = SDI_CHECKLIST.map((c) => {
    const met = text(body[`met_${c.key}`]);
    return {
      key: c.key,
      met: met === 'yes' ? true : met === 'no' ? false : null,
      note: text(body[`note_${c.key}`]).trim(),
    };
  }).filter((c) => c.met !== null || c.note !== '');
  const fields = metadataFields
    .map((f) => ({ field: f, note: text(body[`field_${f}`]).trim() }))
    .filter((f) => f.note !== '');
  const cells = text(body.cells)
    .split(/\r?\n/)
    .map((line) => line.split(';').map((p) => p.trim()))
    .filter((p) => p.length >= 4 && p[3])
    .map(([resource, row, column, ...note]) => ({
      resource: resource ?? '',
      row: Number(row),
      column: column ?? '',
      note: note.join('; '),
    }));
  return { id, outcome: text(body.outcome), note: text(body.note), checklist, fields, cells };
}

/** The dataset submission and check pages. */
export async function submissionRoutes(app: FastifyInstance, { database, site, config }: AppDeps) {
  const db = database.db;
  const ctxOf = (req: FastifyRequest) => actionContext(req, database, config.siteUrl);

  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/workspace/')) return;
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'workspace:open');
  });

  async function listView(req: FastifyRequest): Promise<SubmissionsView> {
    const submitScope = grantScope(req.actor, 'dataset:submit');
    const own =
      submitScope === null
        ? null
        : (
            await datasetsWithLatestSubmission(db, submitScope === 'own_agency' ? req.actor.agencyId : null)
          ).map((d) => ({
            ...d,
            submission_id: d.submission_id ?? null,
            number: d.number ?? null,
            state: d.state ?? null,
          }));
    return {
      own,
      toVerify: grantScope(req.actor, 'dataset:verify') ? await submissionsInState(db, 'submitted') : null,
      toReview: grantScope(req.actor, 'dataset:review') ? await reviewQueue(db) : null,
      toPublish: grantScope(req.actor, 'dataset:publish') ? await publishQueue(db) : null,
    };
  }

  /** Verified submissions whose open step is the review (priority data, or the preset says so). */
  async function waitingAt(
    feature: 'dataset_review' | 'dataset_publish',
    states: ('verified' | 'reviewed')[],
  ) {
    const rows = (await Promise.all(states.map((s) => submissionsInState(db, s)))).flat();
    const out = [];
    for (const r of rows) {
      const s = await loadSubmission(db, r.id);
      if ((await openStepOf(s))?.feature === feature) out.push(r);
    }
    return out;
  }
  const reviewQueue = (_db: unknown) => waitingAt('dataset_review', ['verified']);
  const publishQueue = (_db: unknown) => waitingAt('dataset_publish', ['verified', 'reviewed']);

  async function openStepOf(s: DatasetSubmission) {
    const instance = await findInstance(db, s.instance_id);
    if (instance === undefined) return null;
    if (instance.state !== 'running') return null;
    const task = await openTaskOf(db, instance.id);
    return task ? stepById(definitionOf(instance), task.step_id) : null;
  }

  app.get('/workspace/submissions', async (req, reply) => {
    const done = (req.query as { done?: string; n?: string }).done;
    const n = Number((req.query as { n?: string }).n ?? 0);
    const ctx = {
      ...pageContext(req, reply, site),
      notice: done ? wm(req.locale, 'sub.bulkDone', { n }) : undefined,
    };
    return reply.type('text/html; charset=utf-8').send(SubmissionsPage({ ctx, view: await listView(req) }));
  });

  app.post('/workspace/submissions/verify-many', async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const ids = [body.ids ?? []].flat().map(String);
    try {
      await executeAction(ctxOf(req), submissionVerifyMany, { ids, note: text(body.note) });
    } catch (err) {
      const ctx = pageContext(req, reply, site);
      return reply
        .code(400)
        .type('text/html; charset=utf-8')
        .send(SubmissionsPage({ ctx, view: await listView(req), errors: formErrors(err, req.locale) }));
    }
    return redirectAfterPost(reply, `/workspace/submissions?done=bulk&n=${ids.length}`);
  });

  async function datasetForSubmit(req: FastifyRequest) {
    const d = await loadDatasetFor(ctxOf(req), (req.params as { name: string }).name);
    authorize(req.actor, 'dataset:submit', { agencyId: d.agency_id });
    return d;
  }

  app.get('/workspace/datasets/:name/submit', async (req, reply) => {
    const d = await datasetForSubmit(req);
    return reply
      .type('text/html; charset=utf-8')
      .send(SubmitPage({ ctx: pageContext(req, reply, site), dataset: d }));
  });

  app.post('/workspace/datasets/:name/submit', async (req, reply) => {
    const d = await datasetForSubmit(req);
    const body = (req.body ?? {}) as Body;
    try {
      const s = await executeAction(ctxOf(req), submissionCreate, {
        dataset_id: d.id,
        note: text(body.note),
      });
      return redirectAfterPost(reply, `/workspace/submissions/${s.id}?done=submitted`);
    } catch (err) {
      const ctx = pageContext(req, reply, site);
      return reply
        .code(400)
        .type('text/html; charset=utf-8')
        .send(SubmitPage({ ctx, dataset: d, errors: formErrors(err, req.locale) }));
    }
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
      openStepOf(s),
    ]);
    const previous = s.number > 1 ? await findSubmissionByNumber(db, s.dataset_id, s.number - 1) : undefined;
    const versionIds = s.resources.map((r) => r.version_id).filter((v): v is string => Boolean(v));
    const versions =
      versionIds.length === 0
        ? []
        : await db
            .selectFrom('resource_version')
            .select(['id', 'resource_id', 'report'])
            .where('id', 'in', versionIds)
            .execute();
    const agency = { agencyId: s.dataset.agency_id };
    const latest = (await findSubmissionByNumber(db, s.dataset_id, s.number + 1)) === undefined;
    const view: SubmissionPageView = {
      report,
      reports: versions.map((v) => ({ name: v.resource_id, report: v.report })),
      conformity: await datasetConformity(db, s.dataset_id),
      diff: previous ? { previous: previous.number, diff: await diffSubmissions(db, previous, s) } : null,
      history: history.instances.filter((i) => i.id === s.instance_id),
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
    };
    return view;
  }

  async function renderSubmission(
    req: FastifyRequest,
    reply: FastifyReply,
    s: DatasetSubmission & { dataset: { agency_id: string } },
    extra: { notice?: string; errors?: Record<string, string[]>; status?: number } = {},
  ) {
    const ctx = { ...pageContext(req, reply, site), notice: extra.notice };
    return reply
      .code(extra.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(SubmissionPage({ ctx, view: await pageView(req, s), errors: extra.errors }));
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
    const pdf = await verificationReportPdf(await verificationReport(db, s), req.locale);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="verifikasi-${s.dataset.name}-${s.number}.pdf"`)
      .send(pdf);
  });
}
