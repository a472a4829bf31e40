import type { FastifyInstance } from 'fastify';
import { executeAction } from '../../../kernel/actions/action.js';
import { AppError, ValidationError } from '../../../kernel/errors.js';
import { formFailure, sendPage } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { redirectAfterPost } from '../../../kernel/http/request-context.js';
import { safeFileName } from '../../../kernel/storage/file-store.js';
import { listXlsxFile } from '../actions/list.js';
import { dataProposalCreate } from '../actions/proposals.js';
import { findList, listItems, listYears } from '../data-list.repository.js';
import { pm } from './planning.messages.js';
import { PublicListPage, type PublicView } from './public.page.js';
import { type Body, planningCtx, str, typedOf, XLSX, yearOf } from './route-input.js';

/** The public face (/daftar-data): enacted lists (open rows), their decree and XLSX, and the proposal form. */
export function publicListRoutes(app: FastifyInstance, { database, site, config, files }: AppDeps) {
  const db = database.db;
  const ctxOf = planningCtx({ database, config });
  async function publicView(year: number | null, extra: Partial<PublicView> = {}): Promise<PublicView> {
    const lists = (await listYears(db)).filter((l) => l.status === 'enacted');
    const shown = year ? lists.find((l) => l.year === year) : lists[0];
    const items = shown
      ? (await listItems(db, shown.id)).filter(
          (i) => i.risk_class === 'terbuka' && ['agreed', 'changed'].includes(i.status),
        )
      : [];
    return { lists, shown, items, nextYear: new Date().getFullYear() + 1, ...extra };
  }

  app.get('/daftar-data', async (req, reply) => {
    const ctx = {
      ...pageContext(req, reply, site),
      notice: (req.query as { done?: string }).done ? pm(req.locale, 'p.proposed') : undefined,
    };
    return sendPage(reply, PublicListPage({ ctx, view: await publicView(null) }));
  });

  app.get('/daftar-data/:year', async (req, reply) => {
    const raw = (req.params as { year: string }).year;
    const xlsx = raw.endsWith('.xlsx');
    const year = yearOf(xlsx ? raw.slice(0, -5) : raw);
    if (!year) return reply.callNotFound();
    const view = await publicView(year);
    if (!view.shown) return reply.callNotFound();
    if (xlsx) {
      // The public file is the enacted list's open rows, as anyone outside the workspace sees them.
      const anon = {
        ...ctxOf(req),
        actor: { userId: null, username: 'anonim', roles: ['public' as const], agencyId: null },
      };
      const file = await listXlsxFile(anon, year);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="daftar-data-${year}.xlsx"`)
        .send(file);
    }
    return sendPage(reply, PublicListPage({ ctx: pageContext(req, reply, site), view }));
  });

  app.get('/daftar-data/:year/sk', async (req, reply) => {
    const year = yearOf((req.params as { year: string }).year);
    const list = year ? await findList(db, year) : undefined;
    if (list?.status !== 'enacted' || !list.decree_file_key) return reply.callNotFound();
    return reply
      .type('application/octet-stream')
      .header(
        'content-disposition',
        `attachment; filename="${safeFileName(list.decree_file_name ?? `sk-daftar-data-${year}.pdf`)}"`,
      )
      .send(files.open(list.decree_file_key));
  });

  app.post('/daftar-data/usulan', async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    try {
      await executeAction(ctxOf(req), dataProposalCreate, {
        year: str(body.year),
        data_name: str(body.data_name),
        description: str(body.description),
        proposer_name: str(body.proposer_name),
        proposer_email: str(body.proposer_email),
        website: str(body.website),
      });
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      const errors =
        err instanceof ValidationError
          ? formFailure(err, req.locale, 'data_name').errors
          : { data_name: [req.locale === 'en' ? err.text.en : err.text.id] };
      return sendPage(
        reply,
        PublicListPage({
          ctx: pageContext(req, reply, site),
          view: await publicView(null, { errors, typed: typedOf(body) }),
        }),
        400,
      );
    }
    return redirectAfterPost(reply, '/daftar-data?done=1');
  });
}
