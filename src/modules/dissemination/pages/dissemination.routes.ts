import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { ValidationError } from '../../../kernel/errors.js';
import { formBody, sendPage, textField } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext } from '../../../kernel/http/request-context.js';
import { withHead } from '../../../kernel/http/share-head.js';
import { regionBoundariesSet } from '../actions/boundaries-actions.js';
import { chartCreate, chartUpdate } from '../actions/chart-actions.js';
import {
  dataBookGenerate,
  maySee,
  publicationCreate,
  publicationSubmit,
  publicationUpdate,
} from '../actions/publication-actions.js';
import { type BookSource, changedSources } from '../book/book-hash.js';
import { renderBookPdf } from '../book/book-pdf.js';
import { type BookContent, bookTemplate } from '../book/book-spec.js';
import { loadBoundaries } from '../boundaries.js';
import { type RenderedChart, renderChart, svgToPng } from '../charts.js';
import { readableTables } from '../data.repository.js';
import {
  findEdition,
  findPublication,
  latestEdition,
  listEditionsOf,
  listPlanned,
  listPublished,
  listTopics,
  previousEdition,
} from '../publication.repository.js';
import { awaitsStaff } from '../publication-flow.js';
import { plannedDataReleases } from '../release-sources.js';
import { BoundariesPage } from './boundaries.js';
import { dt } from './dissemination.messages.js';
import {
  ChartBuilderPage,
  ChartEmbed,
  ChartPage,
  GalleryPage,
  PublicationNewPage,
  PublicationPage,
  VerifyPage,
} from './pages.js';
import { ReleaseCalendarPage, releaseCalendarIcs } from './release-calendar.js';
import { chartShareHead, publicationShareHead } from './share-cards.js';

const NAME = /^[a-z0-9-]{1,100}$/;
const HASH = /^[0-9a-f]{64}$/;

/** The verification page's address for an edition (in the book's QR code and colophon). */
export const verifyPath = (hash: string) => `/publikasi/verifikasi/${hash}`;

function needLogin(req: FastifyRequest, reply: FastifyReply): boolean {
  if (req.actor.userId) return false;
  reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
  return true;
}

/** Saved charts (/grafik), publications (/publikasi), book PDFs and their verification pages. */
export async function disseminationRoutes(app: FastifyInstance, { config, database, site }: AppDeps) {
  const db = database.db;
  const actx = (req: FastifyRequest) => actionContext(req, database, config.siteUrl);
  const locale = (req: FastifyRequest) => req.locale as 'id' | 'en';

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

  // --- Region boundaries for choropleth maps (an administrator setting) ----------------------
  app.get('/admin/batas-wilayah', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    authorize(req.actor, 'codelist:manage');
    const stored = await loadBoundaries(db);
    const ctx = {
      ...pageContext(req, reply, site),
      notice: (req.query as { saved?: string }).saved ? dt(req.locale, 'map.saved') : undefined,
    };
    return sendPage(
      reply,
      BoundariesPage({
        ctx,
        stored,
        values: {
          code_property: stored?.codeProperty ?? 'kode',
          name_property: stored?.nameProperty ?? 'nama',
        },
      }),
    );
  });

  app.post('/admin/batas-wilayah', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    authorize(req.actor, 'codelist:manage');
    const values = { code_property: 'kode', name_property: 'nama' };
    try {
      const part = req.isMultipart() ? await req.file() : undefined;
      const field = (k: string) => {
        const f = part?.fields[k];
        const one = Array.isArray(f) ? f[0] : f;
        return one && 'value' in one ? String(one.value) : '';
      };
      values.code_property = field('code_property') || 'kode';
      values.name_property = field('name_property') || 'nama';
      let geojson = '';
      if (part) {
        try {
          geojson = new TextDecoder('utf-8', { fatal: true }).decode(await part.toBuffer());
        } catch (err) {
          const tooLarge = (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
          throw new ValidationError({
            geojson: [
              tooLarge
                ? { id: 'Berkas GeoJSON terlalu besar', en: 'The GeoJSON file is too large' }
                : { id: 'Berkas GeoJSON bukan teks UTF-8', en: 'The GeoJSON file is not UTF-8 text' },
            ],
          });
        }
      }
      await executeAction(actx(req), regionBoundariesSet, {
        geojson,
        ...values,
        file_name: (part?.filename ?? '').split(/[/\\]/).pop()?.slice(0, 200) ?? '',
      });
      return reply.redirect('/admin/batas-wilayah?saved=1', 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const errors = Object.values(formErrors(err, req.locale)).flat();
      return sendPage(
        reply,
        BoundariesPage({
          ctx: pageContext(req, reply, site),
          stored: await loadBoundaries(db),
          values,
          errors,
        }),
        400,
      );
    }
  });

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

  // --- Publications ---------------------------------------------------------------------------
  const topics = () => listTopics(db);

  app.get('/publikasi', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const words = typeof q.q === 'string' ? q.q.slice(0, 200) : '';
    const topic = typeof q.topic === 'string' ? q.topic.slice(0, 100) : '';
    const items = await listPublished(db, { ...(words ? { q: words } : {}), ...(topic ? { topic } : {}) });
    return sendPage(
      reply,
      GalleryPage({ ctx: pageContext(req, reply, site), items, topics: await topics(), q: words, topic }),
    );
  });

  /** The book definition's starting point: the region's public tables this person may chart. */
  async function bookTemplateFor(req: FastifyRequest): Promise<string> {
    const tables = (await readableTables(db, req.actor)).filter(
      (t) => t.datasetPublic && can(req.actor, 'publication:create', { agencyId: t.agencyId }),
    );
    const spec = bookTemplate(site.regionName, `Pemerintah ${site.regionName}`, tables);
    return JSON.stringify(spec, null, 2);
  }

  app.get('/publikasi/baru', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const q = req.query as Record<string, unknown>;
    const chart = q.chart;
    const values = {
      charts: typeof chart === 'string' ? chart : '',
      kind: q.kind === 'book' ? 'book' : '',
      book: await bookTemplateFor(req),
    };
    return sendPage(
      reply,
      PublicationNewPage({ ctx: pageContext(req, reply, site), topics: await topics(), values }),
    );
  });

  app.post('/publikasi/baru', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const body = formBody(req.body);
    const values = Object.fromEntries(Object.keys(body).map((k) => [k, textField(body, k)]));
    // The book definition is read only for a data book (the form always carries its template).
    const { book, ...rest } = values;
    try {
      const r = await executeAction(actx(req), publicationCreate, values.kind === 'book' ? values : rest);
      return reply.redirect(`/publikasi/${r.name}`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const errors = formErrors(err, req.locale);
      return sendPage(
        reply,
        PublicationNewPage({ ctx: pageContext(req, reply, site), topics: await topics(), values, errors }),
        400,
      );
    }
  });

  async function publicationPage(
    req: FastifyRequest,
    reply: FastifyReply,
    name: string,
    extra: { errors?: Record<string, string[]>; values?: Record<string, string>; notice?: string } = {},
  ) {
    const p = NAME.test(name) ? await findPublication(db, name) : undefined;
    if (!p || !maySee(actx(req), p)) return reply.callNotFound();
    const charts: RenderedChart[] = [];
    for (const c of p.chart_ids) {
      const r = await renderChart(db, req.actor, c, { locale: locale(req) }).catch(() => null);
      if (r) charts.push(r);
    }
    const editions = await listEditionsOf(db, p.id);
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
          errors: extra.errors,
          ...(extra.values ? { values: extra.values } : {}),
        }),
        share,
      ),
      extra.errors ? 400 : 200,
    );
  }

  async function bookPdf(req: FastifyRequest, reply: FastifyReply, name: string) {
    const p = NAME.test(name) ? await findPublication(db, name) : undefined;
    if (!p || !maySee(actx(req), p)) return reply.callNotFound();
    const e = await latestEdition(db, p.id);
    if (!e) return reply.callNotFound();
    const pdf = await renderBookPdf({
      content: e.content as BookContent,
      hash: e.hash,
      verifyUrl: `${config.siteUrl}${verifyPath(e.hash)}`,
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${p.name}-${e.year}.pdf"`)
      .header('etag', `"${e.hash}"`)
      .send(pdf);
  }

  app.get('/publikasi/:file', async (req, reply) => {
    const { file } = req.params as { file: string };
    if (file.endsWith('.pdf')) return bookPdf(req, reply, file.slice(0, -4));
    const q = req.query as Record<string, unknown>;
    const notice = q.submitted
      ? dt(req.locale, 'pub.submitted')
      : q.saved
        ? dt(req.locale, 'pub.saved')
        : undefined;
    return publicationPage(req, reply, file, notice ? { notice } : {});
  });

  app.post('/publikasi/:name/ubah', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const { name } = req.params as { name: string };
    const body = formBody(req.body);
    const values = Object.fromEntries(
      ['title', 'title_en', 'narrative', 'narrative_en'].map((k) => [k, textField(body, k)]),
    );
    try {
      await executeAction(actx(req), publicationUpdate, { name, ...values });
      return reply.redirect(`/publikasi/${name}?saved=1`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return publicationPage(req, reply, name, { errors: formErrors(err, req.locale), values });
    }
  });

  app.post('/publikasi/:name/ajukan', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const { name } = req.params as { name: string };
    await executeAction(actx(req), publicationSubmit, { name, note: textField(formBody(req.body), 'note') });
    return reply.redirect(`/publikasi/${name}?submitted=1`, 303);
  });

  app.post('/publikasi/:name/buku', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const { name } = req.params as { name: string };
    try {
      const r = await executeAction(actx(req), dataBookGenerate, {
        name,
        year: textField(formBody(req.body), 'year'),
      });
      return reply.redirect(verifyPath(r.hash), 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return publicationPage(req, reply, name, { errors: formErrors(err, req.locale) });
    }
  });

  app.get('/jadwal-rilis', async (req, reply) =>
    sendPage(
      reply,
      ReleaseCalendarPage({
        ctx: pageContext(req, reply, site),
        items: await listPlanned(db),
        data: await plannedDataReleases(db),
      }),
    ),
  );
  app.get('/jadwal-rilis.ics', async (_req, reply) => {
    const host = new URL(config.siteUrl).host;
    return reply
      .type('text/calendar; charset=utf-8')
      .send(
        releaseCalendarIcs(
          await listPlanned(db),
          config.siteUrl,
          host,
          await plannedDataReleases(db),
          new Date(),
        ),
      );
  });

  app.get('/publikasi/verifikasi/:hash', async (req, reply) => {
    const { hash } = req.params as { hash: string };
    const e = HASH.test(hash) ? await findEdition(db, hash) : undefined;
    const p = e ? await findPublication(db, e.publication_name) : undefined;
    if (!e || !p || !maySee(actx(req), p)) return reply.callNotFound();
    const prev = await previousEdition(db, e.publication_id, e.created_at, e.hash);
    const sources = e.sources as BookSource[];
    const content = e.content as BookContent;
    return sendPage(
      reply,
      VerifyPage({
        ctx: pageContext(req, reply, site),
        view: {
          hash: e.hash,
          title: content.title,
          year: e.year,
          sources,
          previous: prev?.hash ?? null,
          changes: prev ? changedSources(sources, prev.sources as BookSource[]) : [],
        },
      }),
    );
  });
}
