import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize, grantScope } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { wm } from '../../workflows/index.js';
import { submissionCreate } from '../actions/submission-create.js';
import { submissionVerifyMany } from '../actions/submission-verify.js';
import { datasetHistory } from '../history.js';
import { returnNotesOf } from '../return-notes.js';
import { openStepOf } from '../submission-step.js';
import { loadDatasetFor, loadSubmission } from '../submissions.js';
import { datasetsWithLatestSubmission, submissionsInState } from '../submissions.repository.js';
import { type Body, text } from './submission-form.js';
import { SubmissionsPage, type SubmissionsView } from './submission-list.page.js';
import { type ReturnedView, SubmitPage } from './submit.page.js';

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
    // Those who oversee (leader, secretariat) see every dataset's status, without a submit button.
    const scope = submitScope ?? (grantScope(req.actor, 'dataset:read_private') === 'any' ? 'any' : null);
    const own =
      scope === null
        ? null
        : (await datasetsWithLatestSubmission(db, scope === 'own_agency' ? req.actor.agencyId : null)).map(
            (d) => ({
              ...d,
              submission_id: d.submission_id ?? null,
              number: d.number ?? null,
              state: d.state ?? null,
            }),
          );
    return {
      own,
      maySubmit: submitScope !== null,
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
      if ((await openStepOf(db, s))?.feature === feature) out.push(r);
    }
    return out;
  }
  const reviewQueue = (_db: unknown) => waitingAt('dataset_review', ['verified']);
  const publishQueue = (_db: unknown) => waitingAt('dataset_publish', ['verified', 'reviewed']);

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
      await executeAction(ctxOf(req), submissionVerifyMany, {
        ids,
        note: text(body.note),
        checklist_confirmed: text(body.checklist_confirmed) === 'yes',
      });
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
    const d = await loadDatasetFor(db, (req.params as { name: string }).name);
    authorize(req.actor, 'dataset:submit', { agencyId: d.agency_id });
    return d;
  }

  /** The last submission when it was returned: its metadata and the notes to show beside it. */
  async function returnedView(datasetId: string): Promise<ReturnedView | null> {
    const history = await datasetHistory(db, datasetId);
    const last = history.submissions.at(-1);
    if (last?.state !== 'returned') return null;
    return { submission: last, notes: returnNotesOf(history.instances, last.id) };
  }

  app.get('/workspace/datasets/:name/submit', async (req, reply) => {
    const d = await datasetForSubmit(req);
    const returned = await returnedView(d.id);
    return reply
      .type('text/html; charset=utf-8')
      .send(SubmitPage({ ctx: pageContext(req, reply, site), dataset: d, returned }));
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
        .send(
          SubmitPage({
            ctx,
            dataset: d,
            returned: await returnedView(d.id),
            errors: formErrors(err, req.locale),
            note: text(body.note),
          }),
        );
    }
  });
}
