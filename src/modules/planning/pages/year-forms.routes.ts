import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ActionDefinition, executeAction } from '../../../kernel/actions/action.js';
import { AppError, ValidationError } from '../../../kernel/errors.js';
import { formFailure } from '../../../kernel/http/admin-form.js';
import { readApiInput } from '../../../kernel/http/api/api-input.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { redirectAfterPost } from '../../../kernel/http/request-context.js';
import { forumMeetingCreate } from '../actions/forum.js';
import {
  dataListItemCreate,
  dataListItemLink,
  dataListItemRespond,
  dataListItemUpdate,
} from '../actions/items.js';
import { dataListCopy, dataListImport } from '../actions/list.js';
import {
  dataProposalFromRequests,
  dataProposalImportNeeds,
  dataProposalModerate,
} from '../actions/proposals.js';
import { dataListEnact, planningRecordGenerate } from '../actions/records.js';
import { ListRefusedError } from '../list-xlsx.js';
import { type Body, planningCtx, str, typedOf, yearOf } from './route-input.js';
import { yearPageRenderer } from './year-page.loader.js';

/** The year page's forms: rows, answers, links, copy, proposals, meetings, records, imports and the enactment. */
export function yearFormRoutes(app: FastifyInstance, deps: AppDeps) {
  const { database, config, files } = deps;
  const _db = database.db;
  const ctxOf = planningCtx({ database, config });
  const renderYear = yearPageRenderer(deps);

  /** Run a form's action; a refusal shows the year's page again with the error and what was typed. */
  async function yearPost<I>(
    req: FastifyRequest,
    reply: FastifyReply,
    action: ActionDefinition,
    input: (year: number, body: Body) => I,
    field: string,
  ) {
    const year = yearOf((req.params as { year: string }).year);
    if (!year) return reply.callNotFound();
    const body = (req.body ?? {}) as Body;
    try {
      await executeAction(ctxOf(req), action, input(year, body));
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      const f = formFailure(err, req.locale, field);
      const errors =
        err instanceof ValidationError
          ? f.errors
          : { [field]: [req.locale === 'en' ? err.text.en : err.text.id] };
      return renderYear(req, reply, year, { errors, typed: typedOf(body) }, f.status);
    }
    return redirectAfterPost(reply, `/workspace/daftar-data/${year}?done=1`);
  }

  app.post('/workspace/daftar-data/:year/items', (req, reply) =>
    yearPost(
      req,
      reply,
      dataListItemCreate,
      (year, b) => ({ ...typedOf(b), priority: b.priority === 'true', year }),
      'id_ddd',
    ),
  );
  app.post('/workspace/daftar-data/:year/items/:id/respond', (req, reply) =>
    yearPost(
      req,
      reply,
      dataListItemRespond,
      (_y, b) => ({
        id: (req.params as { id: string }).id,
        response: str(b.response),
        reason: str(b.reason),
      }),
      'reason',
    ),
  );
  app.post('/workspace/daftar-data/:year/items/:id/link', (req, reply) =>
    yearPost(
      req,
      reply,
      dataListItemLink,
      (_y, b) => ({ id: (req.params as { id: string }).id, dataset: str(b.dataset) }),
      'dataset',
    ),
  );
  app.post('/workspace/daftar-data/:year/items/:id/links', (req, reply) =>
    yearPost(
      req,
      reply,
      dataListItemUpdate,
      (_y, b) => ({
        id: (req.params as { id: string }).id,
        data_standard_id: str(b.data_standard_id),
        statistical_activity_id: str(b.statistical_activity_id),
      }),
      'statistical_activity_id',
    ),
  );
  app.post('/workspace/daftar-data/:year/copy', (req, reply) =>
    yearPost(
      req,
      reply,
      dataListCopy,
      (year, b) => ({ from_year: str(b.from_year), to_year: year }),
      'from_year',
    ),
  );
  app.post('/workspace/daftar-data/:year/proposals/:id', (req, reply) =>
    yearPost(
      req,
      reply,
      dataProposalModerate,
      (_y, b) => ({
        id: (req.params as { id: string }).id,
        decision: str(b.decision),
        id_ddd: str(b.id_ddd),
        agency_id: str(b.agency_id),
      }),
      'id_ddd',
    ),
  );
  app.post('/workspace/daftar-data/:year/requests-to-proposals', (req, reply) =>
    yearPost(req, reply, dataProposalFromRequests, (year) => ({ year }), 'data_name'),
  );
  app.post('/workspace/daftar-data/:year/forum', (req, reply) =>
    yearPost(
      req,
      reply,
      forumMeetingCreate,
      (year, b) => ({
        year,
        title: str(b.title),
        held_on: str(b.held_on),
        place: str(b.place),
        agenda: str(b.agenda),
        invitees: str(b.invitees),
      }),
      'title',
    ),
  );
  app.post('/workspace/daftar-data/:year/records', (req, reply) =>
    yearPost(
      req,
      reply,
      planningRecordGenerate,
      (year, b) => ({
        year,
        kind: str(b.kind),
        meeting_id: str(b.meeting_id),
        signatories: str(b.signatories),
      }),
      'kind',
    ),
  );

  /** An uploaded file run through an import action; a refused file shows its report on the year page. */
  async function yearUpload(
    req: FastifyRequest,
    reply: FastifyReply,
    run: (year: number, file: string) => Promise<{ added: number; updated?: number }>,
  ) {
    const year = yearOf((req.params as { year: string }).year);
    if (!year) return reply.callNotFound();
    try {
      const part = req.isMultipart() ? await req.file() : undefined;
      if (!part) throw new ValidationError({ file: [{ id: 'Pilih berkas', en: 'Choose a file' }] });
      const r = await run(year, (await part.toBuffer()).toString('base64'));
      return redirectAfterPost(reply, `/workspace/daftar-data/${year}?done=${r.added + (r.updated ?? 0)}`);
    } catch (err) {
      if (err instanceof ListRefusedError)
        return renderYear(req, reply, year, { problems: err.problems }, 400);
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      return renderYear(req, reply, year, { errors: formFailure(err, req.locale, 'file').errors }, 400);
    }
  }

  app.post('/workspace/daftar-data/:year/import', (req, reply) =>
    yearUpload(req, reply, (year, file) => executeAction(ctxOf(req), dataListImport, { year, file })),
  );
  app.post('/workspace/daftar-data/:year/needs-import', (req, reply) =>
    yearUpload(req, reply, (year, file) =>
      executeAction(ctxOf(req), dataProposalImportNeeds, { year, file }),
    ),
  );

  app.post('/workspace/daftar-data/:year/enact', async (req, reply) => {
    const year = yearOf((req.params as { year: string }).year);
    if (!year) return reply.callNotFound();
    const { input: body, storedAll } = await readApiInput(req, files, config.uploadMaxBytes, {
      acceptsUpload: true,
    });
    try {
      await executeAction(ctxOf(req), dataListEnact, {
        year,
        decree_number: str(body.decree_number),
        ...(body.upload ? { upload: body.upload } : {}),
      });
    } catch (err) {
      for (const f of storedAll) await files.remove(f.key);
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      const errors =
        err instanceof ValidationError
          ? formFailure(err, req.locale, 'decree_number').errors
          : { decree_number: [req.locale === 'en' ? err.text.en : err.text.id] };
      return renderYear(req, reply, year, { errors, typed: typedOf(body) }, 400);
    }
    return redirectAfterPost(reply, `/workspace/daftar-data/${year}?done=1`);
  });
}
