import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can, grantScope } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import { meetingsOf } from '../../planning/index.js';
import { loadTask, yearOfYearEndRun } from '../../workflows/index.js';
import {
  agencyScopeOf,
  epssIndicatorUpdate,
  epssIndicatorVerify,
  evaluationReportApprove,
  evaluationReportGenerate,
  evaluationReportReturn,
} from '../actions/evaluation-actions.js';
import { assessmentView } from '../assessment-view.js';
import { barChartSvg } from '../chart.js';
import { latestReport } from '../epss.repository.js';
import { performance } from '../evaluation.js';
import { figureRows, toCsv, toXlsx, worksheetXlsx } from '../export.js';
import { agencyName, listAgencies, listTopics } from '../figures.repository.js';
import { renderReportDocx } from '../report-docx.js';
import { buildReportModel } from '../report-model.js';
import { renderReportPdf } from '../report-pdf.js';
import { flushPortalUsage } from '../usage-counter.js';
import { AssessmentPage } from './assessment.page.js';
import { epssStructureRoutes } from './epss-structure.routes.js';
import { em } from './evaluation.messages.js';
import { IndicatorPage, type IndicatorPageView } from './indicator.page.js';
import { meetingRoutes } from './meetings.routes.js';
import { PerformancePage } from './performance.page.js';

type Q = Record<string, string | undefined>;
const uuid = /^[0-9a-f-]{36}$/i;

export async function evaluationRoutes(app: FastifyInstance, { database, site, config }: AppDeps) {
  const db = database.db;
  const ctxOf = (req: FastifyRequest) => actionContext(req, database, config.siteUrl);
  const link = (p: string) => p;
  // Portal use counted in memory is written before the app lets its database go.
  app.addHook('onClose', () => flushPortalUsage(db));

  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/evaluasi')) return;
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
  });

  await epssStructureRoutes(app, { database, site, config });
  meetingRoutes(app, { database, site, config });

  const yearOf = (q: Q) => {
    const y = Number(q.tahun);
    return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : new Date().getFullYear();
  };

  async function perfOf(req: FastifyRequest) {
    const q = req.query as Q;
    const year = yearOf(q);
    const requested = q.instansi && uuid.test(q.instansi) ? q.instansi : undefined;
    const agencyId = agencyScopeOf(ctxOf(req), requested);
    const topicId = q.topik && uuid.test(q.topik) ? q.topik : null;
    return {
      year,
      agencyId,
      topicId,
      perf: await performance(db, { year, agencyId: agencyId ?? null, topicId }),
    };
  }

  app.get('/evaluasi', async (req, reply) => {
    const { year, agencyId, topicId, perf } = await perfOf(req);
    const regionWide = grantScope(req.actor, 'evaluation:read') === 'any';
    const report = regionWide ? await latestReport(db, year) : undefined;
    const ctx = pageContext(req, reply, site);
    const notice = (req.query as Q).done;
    const chartable = perf.steps.filter((s) => s.inTimeShare !== null);
    const html = PerformancePage({
      ctx: {
        ...ctx,
        notice:
          notice === 'rep'
            ? em(req.locale, 'rep.generated')
            : notice === 'ok'
              ? em(req.locale, 'rep.approvedDone')
              : notice === 'kembali'
                ? em(req.locale, 'rep.returnedDone')
                : undefined,
      },
      view: {
        perf,
        agencies: regionWide ? await listAgencies(db) : null,
        ownAgencyName: regionWide || !agencyId ? null : await agencyName(db, agencyId),
        topics: await listTopics(db),
        stepChartSvg: chartable.length
          ? barChartSvg({
              labels: chartable.map((s) => s.stepTitle[req.locale]),
              values: chartable.map((s) => Math.round(100 * (s.inTimeShare as number))),
              max: 100,
              name: em(req.locale, 'steps.share'),
            })
          : null,
        exportQuery: `tahun=${year}${agencyId ? `&instansi=${agencyId}` : ''}${topicId ? `&topik=${topicId}` : ''}`,
        report: report
          ? {
              state: report.state,
              at: formatDateTime(req.locale, report.generated_at, req.timeZone),
              by: report.generated_by_name,
              reason: report.return_reason,
            }
          : null,
        mayGenerate: can(req.actor, 'evaluation:report'),
        mayApprove: can(req.actor, 'evaluation:approve'),
        regionWide,
        meetings: regionWide
          ? (await meetingsOf(db, year, 'evaluation')).map((m) => ({
              id: m.id,
              title: m.title,
              heldOn: String(m.held_on).slice(0, 10),
              hasMinutes: m.minutes_recorded_at !== null,
            }))
          : [],
        mayCreateMeeting: can(req.actor, 'data_list:manage'),
      },
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  for (const format of ['csv', 'xlsx'] as const)
    app.get(`/evaluasi/ekspor.${format}`, async (req, reply) => {
      const { year, perf } = await perfOf(req);
      const figure = (req.query as Q).angka ?? '';
      const t = figureRows(perf, figure);
      if (!t) return reply.code(404).send('Angka tidak dikenal / unknown figure');
      const name = `kinerja-${figure}-${year}`;
      reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(t));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await toXlsx(name, t));
    });

  // The worksheet and the report are the region's: a producer reads only its agency's figures.
  const requireRegionWide = (req: FastifyRequest) => authorize(req.actor, 'evaluation:read');

  app.get('/evaluasi/epss', async (req, reply) => {
    requireRegionWide(req);
    const view = await assessmentView(db, yearOf(req.query as Q), link);
    return reply
      .type('text/html; charset=utf-8')
      .send(AssessmentPage({ ctx: pageContext(req, reply, site), view }));
  });

  app.get('/evaluasi/epss/:file', async (req, reply) => {
    requireRegionWide(req);
    const m = /^(\d{4})\.xlsx$/.exec((req.params as { file: string }).file);
    if (!m) return reply.code(404).send();
    const view = await assessmentView(db, Number(m[1]), link);
    reply.header('content-disposition', `attachment; filename="epss-${m[1]}.xlsx"`);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await worksheetXlsx(view));
  });

  async function indicatorPage(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: Pick<IndicatorPageView, 'errors' | 'typed'> = {},
    status = 200,
  ) {
    requireRegionWide(req);
    const { year, code } = req.params as { year: string; code: string };
    const view = await assessmentView(db, Number(year), link);
    const indicator = view.indicators.get(code);
    if (!indicator) return reply.code(404).send();
    const notice = (req.query as Q).done;
    const ctx = pageContext(req, reply, site);
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        IndicatorPage({
          ctx: {
            ...ctx,
            notice:
              notice === 'nilai'
                ? em(req.locale, 'ind.saved', { code })
                : notice === 'verifikasi'
                  ? em(req.locale, 'ind.verifiedDone', { code })
                  : undefined,
          },
          view: {
            year: Number(year),
            indicator,
            mayAssess: can(req.actor, 'epss:assess'),
            mayVerify: can(req.actor, 'epss:verify'),
            ...extra,
          },
        }),
      );
  }

  app.get('/evaluasi/epss/:year/:code', (req, reply) => indicatorPage(req, reply));

  app.post('/evaluasi/epss/:year/:code/nilai', async (req, reply) => {
    const { year, code } = req.params as { year: string; code: string };
    const body = (req.body ?? {}) as Q;
    const evidence = (body.evidence ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [label, href] = l.split('|').map((s) => s.trim());
        return href ? { label: label || href, href } : { label: label as string };
      });
    try {
      await executeAction(ctxOf(req), epssIndicatorUpdate, {
        year,
        code,
        level: body.level,
        explanation: body.explanation ?? '',
        evidence,
      });
    } catch (err) {
      return indicatorPage(req, reply, { errors: formErrors(err, req.locale), typed: body }, 409);
    }
    return redirectAfterPost(reply, `/evaluasi/epss/${year}/${code}?done=nilai`);
  });

  app.post('/evaluasi/epss/:year/:code/verifikasi', async (req, reply) => {
    const { year, code } = req.params as { year: string; code: string };
    const body = (req.body ?? {}) as Q;
    try {
      await executeAction(ctxOf(req), epssIndicatorVerify, {
        year,
        code,
        outcome: body.outcome,
        ...(body.level ? { level: body.level } : {}),
        note: body.note ?? '',
      });
    } catch (err) {
      return indicatorPage(req, reply, { errors: formErrors(err, req.locale), typed: body }, 409);
    }
    return redirectAfterPost(reply, `/evaluasi/epss/${year}/${code}?done=verifikasi`);
  });

  app.post('/evaluasi/laporan', async (req, reply) => {
    const year = yearOf(req.query as Q);
    await executeAction(ctxOf(req), evaluationReportGenerate, { year });
    return redirectAfterPost(reply, `/evaluasi?tahun=${year}&done=rep`);
  });

  app.post('/evaluasi/laporan/setujui', async (req, reply) => {
    const year = yearOf(req.query as Q);
    await executeAction(ctxOf(req), evaluationReportApprove, { year });
    return redirectAfterPost(reply, `/evaluasi?tahun=${year}&done=ok`);
  });

  app.post('/evaluasi/laporan/kembalikan', async (req, reply) => {
    const year = yearOf(req.query as Q);
    const reason = String((req.body as Q | undefined)?.reason ?? '');
    await executeAction(ctxOf(req), evaluationReportReturn, { year, reason });
    return redirectAfterPost(reply, `/evaluasi?tahun=${year}&done=kembali`);
  });

  // The inbox's link for the leader's approval step: the evaluation page of the run's year.
  app.get('/evaluasi/laporan/tugas/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const task = uuid.test(id) ? await loadTask(db, id).catch(() => undefined) : undefined;
    const year = task && (await yearOfYearEndRun(db, task.instance.id));
    return reply.redirect(year ? `/evaluasi?tahun=${year}#h-rep` : '/tugas');
  });

  app.get('/evaluasi/laporan/:file', async (req, reply) => {
    requireRegionWide(req);
    const m = /^(\d{4})\.(pdf|docx)$/.exec((req.params as { file: string }).file);
    if (!m) return reply.code(404).send();
    const year = Number(m[1]);
    const model = buildReportModel({
      locale: req.locale,
      regionName: site.regionName,
      perf: await performance(db, { year }),
      epss: await assessmentView(db, year, link),
      report: (await latestReport(db, year)) ?? null,
      generatedOn: formatDateTime(req.locale, new Date(), req.timeZone),
    });
    reply.header('content-disposition', `attachment; filename="laporan-evaluasi-${year}.${m[2]}"`);
    if (m[2] === 'pdf') return reply.type('application/pdf').send(await renderReportPdf(model));
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .send(await renderReportDocx(model));
  });
}
