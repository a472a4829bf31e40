import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../kernel/access/policy.js';
import { sendPage } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { withHead } from '../../../kernel/http/share-head.js';
import { fileUrl } from '../actions/publication-file-actions.js';
import { maySee } from '../actions/publication-input.js';
import { type RenderedChart, renderChart } from '../charts.js';
import { findPublication, listEditionsOf } from '../publication.repository.js';
import { listFiles } from '../publication-files.repository.js';
import { awaitsStaff } from '../publication-flow.js';
import type { FileView } from './publication-files-section.js';
import { PublicationPage } from './publication-page.js';
import { actionContextOf, localeOf, NAME } from './route-helpers.js';
import { publicationShareHead } from './share-cards.js';

export interface PageExtra {
  errors?: Record<string, string[]>;
  fileErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  notice?: string;
}

/**
 * GET /publikasi/:name (and a form's refusal): the publication with its charts, the current
 * version's files and editions, for whoever may see it; 404 for anyone else.
 */
export function publicationPageOf(deps: AppDeps) {
  const { config, database, site } = deps;
  const db = database.db;
  const actx = actionContextOf(deps);
  const locale = localeOf;
  return async function publicationPage(
    req: FastifyRequest,
    reply: FastifyReply,
    name: string,
    extra: PageExtra = {},
  ) {
    const p = NAME.test(name) ? await findPublication(db, name) : undefined;
    if (!p || !maySee(actx(req), p)) return reply.callNotFound();
    const charts: RenderedChart[] = [];
    for (const c of p.chart_ids) {
      const r = await renderChart(db, req.actor, c, { locale: locale(req) }).catch(() => null);
      if (r) charts.push(r);
    }
    const editions = await listEditionsOf(db, p.id);
    const files = (await listFiles(db, p.id, p.version)).map(
      (f): FileView => ({
        name: f.file_name,
        type: f.content_type,
        size: f.size,
        origin: f.origin,
        url: fileUrl(p.name, p.version, f.file_name),
      }),
    );
    const editable =
      !p.published_at &&
      can(req.actor, 'publication:create', { agencyId: p.agency_id }) &&
      (await awaitsStaff(db, p));
    const ctx = { ...pageContext(req, reply, site), notice: extra.notice };
    const share = publicationShareHead(config.siteUrl, site, req.locale, p, charts);
    return sendPage(
      reply,
      await withHead(
        PublicationPage({
          ctx,
          p,
          charts,
          editable,
          editions,
          files,
          errors: extra.errors,
          fileErrors: extra.fileErrors,
          ...(extra.values ? { values: extra.values } : {}),
        }),
        share,
      ),
      extra.errors || extra.fileErrors ? 400 : 200,
    );
  };
}
