import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { AppError, ValidationError } from '../../../kernel/errors.js';
import { formFailure, sendPage } from '../../../kernel/http/admin-form.js';
import { readApiInput } from '../../../kernel/http/api/api-input.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { redirectAfterPost } from '../../../kernel/http/request-context.js';
import { safeFileName } from '../../../kernel/storage/file-store.js';
import { loadCalendar } from '../../workflows/index.js';
import { statisticalActivityFs3Record, statisticalActivityRecommendationSet } from '../actions/romantik.js';
import { romantikState } from '../domain/romantik.js';
import { activityLetter, romantikActivities } from '../romantik.repository.js';
import { pm } from './planning.messages.js';
import { RomantikPage, type RomantikView } from './romantik.page.js';
import { type Body, planningCtx, str } from './route-input.js';

/** Romantik (/workspace/romantik): each statistical activity's FS3, BPS's answer (30 working days) and its letter. */
export function romantikRoutes(app: FastifyInstance, { database, site, config, files }: AppDeps) {
  const db = database.db;
  const ctxOf = planningCtx({ database, config });
  async function romantikView(req: FastifyRequest, extra: Partial<RomantikView> = {}): Promise<RomantikView> {
    const all = can(req.actor, 'dataset:read_private', {}) || can(req.actor, 'data_list:recommend');
    const calendar = await loadCalendar(db);
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: calendar.timeZone });
    const now = new Date();
    const rows = await romantikActivities(db, all ? undefined : (req.actor.agencyId ?? undefined));
    return {
      rows: rows.map((r) => {
        const { state, due } = romantikState(calendar, r, now);
        return { ...r, state, due: due ? day.format(due) : null };
      }),
      ...extra,
    };
  }

  app.get('/workspace/romantik', async (req, reply) => {
    const ctx = {
      ...pageContext(req, reply, site),
      notice: (req.query as { done?: string }).done ? pm(req.locale, 'p.saved') : undefined,
    };
    return sendPage(reply, RomantikPage({ ctx, view: await romantikView(req) }));
  });

  async function romantikPost(
    req: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<unknown>,
    field: string,
    cleanup: () => Promise<void> = async () => {},
  ) {
    try {
      await run();
    } catch (err) {
      await cleanup();
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409 && err.status !== 404))
        throw err;
      const errors =
        err instanceof ValidationError
          ? formFailure(err, req.locale, field).errors
          : { [field]: [req.locale === 'en' ? err.text.en : err.text.id] };
      const view = await romantikView(req, { errors });
      return sendPage(reply, RomantikPage({ ctx: pageContext(req, reply, site), view }), 400);
    }
    return redirectAfterPost(reply, '/workspace/romantik?done=1');
  }

  app.post('/workspace/romantik/:id/fs3', (req, reply) => {
    const body = (req.body ?? {}) as Body;
    return romantikPost(
      req,
      reply,
      () =>
        executeAction(ctxOf(req), statisticalActivityFs3Record, {
          id: (req.params as { id: string }).id,
          submitted_on: str(body.submitted_on),
        }),
      'submitted_on',
    );
  });

  app.post('/workspace/romantik/rekomendasi', async (req, reply) => {
    authorize(req.actor, 'data_list:recommend');
    const { input: body, storedAll } = await readApiInput(req, files, config.uploadMaxBytes, {
      acceptsUpload: true,
    });
    return romantikPost(
      req,
      reply,
      () =>
        executeAction(ctxOf(req), statisticalActivityRecommendationSet, {
          id: str(body.id),
          status: str(body.status),
          number: str(body.number),
          date: str(body.date),
          activity_code: str(body.activity_code),
          ...(body.upload ? { upload: body.upload } : {}),
        }),
      'number',
      async () => {
        for (const f of storedAll) await files.remove(f.key);
      },
    );
  });

  app.get('/workspace/romantik/:id/surat', async (req, reply) => {
    const row = await activityLetter(db, (req.params as { id: string }).id);
    if (!row?.recommendation_letter_key) return reply.callNotFound();
    const own = can(req.actor, 'dataset:read_private', { agencyId: row.agency_id });
    if (!own && !can(req.actor, 'data_list:recommend')) return reply.callNotFound();
    return reply
      .type('application/octet-stream')
      .header(
        'content-disposition',
        `attachment; filename="${safeFileName(row.recommendation_letter_name ?? 'surat-rekomendasi.pdf')}"`,
      )
      .send(files.open(row.recommendation_letter_key));
  });
}
