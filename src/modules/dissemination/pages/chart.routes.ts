import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { ValidationError } from '../../../kernel/errors.js';
import { formBody, sendPage, textField } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { withHead } from '../../../kernel/http/share-head.js';
import { chartCreate, chartUpdate } from '../actions/chart-actions.js';
import { loadBoundaries } from '../boundaries.js';
import { type RenderedChart, renderChart, svgToPng } from '../charts.js';
import { readableTables } from '../data.repository.js';
import { ChartBuilderPage, ChartEmbed, ChartPage } from './chart-pages.js';
import { actionContextOf, localeOf, NAME, needLogin } from './route-helpers.js';
import { chartShareHead } from './share-cards.js';

/** Saved charts: the builder (/grafik/baru), a chart's page, SVG, PNG, embed and fixed versions. */
export async function chartRoutes(app: FastifyInstance, deps: AppDeps) {
  const { config, database, site } = deps;
  const db = database.db;
  const actx = actionContextOf(deps);
  const locale = localeOf;

  // --- Charts ---------------------------------------------------------------------------------
  async function builder(
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: Record<string, string[]>,
  ) {
    const tables = (await readableTables(db, req.actor)).filter((t) =>
      can(req.actor, 'chart:create', { agencyId: t.agencyId }),
    );
    const rid = values.resource_id ?? values.resource ?? '';
    const table = tables.find((t) => t.resourceId === rid);
    const mapAvailable = Boolean(await loadBoundaries(db));
    return sendPage(
      reply,
      ChartBuilderPage({ ctx: pageContext(req, reply, site), tables, table, values, errors, mapAvailable }),
      errors ? 400 : 200,
    );
  }

  app.get('/grafik/baru', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const q = req.query as Record<string, string>;
    return builder(req, reply, { resource: typeof q.resource === 'string' ? q.resource : '' });
  });

  app.post('/grafik/baru', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const body = formBody(req.body);
    const values = Object.fromEntries(Object.keys(body).map((k) => [k, textField(body, k)]));
    const filter = values.filter_field
      ? [{ field: values.filter_field, value: values.filter_value ?? '' }]
      : [];
    try {
      const r = await executeAction(actx(req), chartCreate, { ...values, filters: filter });
      return reply.redirect(`/grafik/${r.name}`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return builder(req, reply, values, formErrors(err, req.locale));
    }
  });

  async function chartAt(req: FastifyRequest, name: string, number?: number): Promise<RenderedChart | null> {
    if (!NAME.test(name)) return null;
    return renderChart(db, req.actor, name, { ...(number ? { number } : {}), locale: locale(req) });
  }

  /** /grafik/:name, /grafik/:name.svg, /grafik/:name.png and their /v/:n (a fixed version). */
  async function sendChart(
    req: FastifyRequest,
    reply: FastifyReply,
    file: string,
    number?: number,
    embed = false,
  ) {
    const ext = /\.(svg|png)$/.exec(file)?.[1];
    const name = ext ? file.slice(0, -4) : file;
    const chart = await chartAt(req, name, number);
    if (!chart) return reply.callNotFound();
    if (ext === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(chart.svg);
    if (ext === 'png') return reply.type('image/png').send(svgToPng(chart.svg));
    const ctx = pageContext(req, reply, site);
    if (embed)
      return reply
        .type('text/html; charset=utf-8')
        .header('x-frame-options', 'ALLOWALL')
        .send(ChartEmbed({ ctx, chart }));
    const share = chartShareHead(config.siteUrl, site, req.locale, chart, number);
    return sendPage(reply, await withHead(ChartPage({ ctx, chart, siteUrl: config.siteUrl }), share));
  }

  app.get('/grafik/:file', async (req, reply) =>
    sendChart(req, reply, (req.params as { file: string }).file),
  );
  app.get('/grafik/:name/embed', async (req, reply) =>
    sendChart(req, reply, (req.params as { name: string }).name, undefined, true),
  );
  app.get('/grafik/:name/v/:file', async (req, reply) => {
    const { name, file } = req.params as { name: string; file: string };
    const m = /^(\d{1,6})(\.svg|\.png)?$/.exec(file);
    if (!m) return reply.callNotFound();
    return sendChart(req, reply, `${name}${m[2] ?? ''}`, Number(m[1]));
  });
  app.get('/grafik/:name/v/:n/embed', async (req, reply) => {
    const { name, n } = req.params as { name: string; n: string };
    if (!/^\d{1,6}$/.test(n)) return reply.callNotFound();
    return sendChart(req, reply, name, Number(n), true);
  });
  app.post('/grafik/:name/perbarui', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const { name } = req.params as { name: string };
    await executeAction(actx(req), chartUpdate, { name });
    return reply.redirect(`/grafik/${name}`, 303);
  });
}
