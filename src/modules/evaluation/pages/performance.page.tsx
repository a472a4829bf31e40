import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { PerformanceView } from '../evaluation.js';
import { type EvaluationMeetingView, MeetingsSection } from './meetings-section.js';
import { FigureSection, fmt, pct, w } from './page-parts.js';
import { ReportSection } from './report-section.js';

export interface PerformancePageView {
  perf: PerformanceView;
  agencies: { id: string; name: string }[] | null;
  ownAgencyName: string | null;
  topics: { id: string; title: string }[];
  stepChartSvg: string | null;
  exportQuery: string;
  report: { state: string; at: string; by: string; reason: string | null } | null;
  mayGenerate: boolean;
  mayApprove: boolean;
  regionWide: boolean;
  /** The year's evaluation coordination meetings (region-wide readers only). */
  meetings: EvaluationMeetingView[];
  mayCreateMeeting: boolean;
}

export function PerformancePage({ ctx, view }: { ctx: PageContext; view: PerformancePageView }) {
  const t = w(ctx);
  const p = view.perf;
  const pick = (x: { id: string; en: string }) => x[ctx.locale];
  // Markup built by echarts, which escapes every text it writes into the SVG (see chart.ts).
  const safeSvg = view.stepChartSvg ?? '';
  const rel = p.releases.summary;
  return (
    <Layout ctx={ctx} title={t('perf.title', { year: p.year })}>
      <h1 safe>{t('perf.title', { year: p.year })}</h1>
      <p safe>{t('perf.intro')}</p>
      {view.ownAgencyName ? <p safe>{t('perf.own', { agency: view.ownAgencyName })}</p> : ''}
      <form method="get" action="/evaluasi" class="filters">
        <label for="f-year" safe>
          {t('filter.year')}
        </label>
        <input id="f-year" name="tahun" type="number" min="2000" max="2100" value={String(p.year)} />
        {view.agencies ? (
          <>
            <label for="f-agency" safe>
              {t('filter.agency')}
            </label>
            <select id="f-agency" name="instansi">
              <option value="" safe>
                {t('filter.all')}
              </option>
              {view.agencies.map((a) => (
                <option value={a.id} selected={a.id === p.agencyId} safe>
                  {a.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          ''
        )}
        <label for="f-topic" safe>
          {t('filter.topic')}
        </label>
        <select id="f-topic" name="topik">
          <option value="" safe>
            {t('filter.all')}
          </option>
          {view.topics.map((x) => (
            <option value={x.id} selected={x.id === p.topicId} safe>
              {x.title}
            </option>
          ))}
        </select>
        <button type="submit" safe>
          {t('filter.apply')}
        </button>
      </form>
      {view.regionWide ? (
        <p>
          <a href={`/evaluasi/epss?tahun=${p.year}`} safe>
            {t('epss.link')}
          </a>
        </p>
      ) : (
        ''
      )}

      <FigureSection
        ctx={ctx}
        id="ful"
        title={t('ful.title')}
        empty={t('notRecorded')}
        table={
          p.planning && {
            id: 'fulfilment',
            head: [t('ver.agency'), t('ful.planned'), t('ful.fulfilled'), t('ful.share')],
            rows: p.planning.fulfilment.map((r) => [
              r.agencyName,
              r.planned,
              r.fulfilled,
              pct(r.fulfilled, r.planned),
            ]),
          }
        }
      />
      <FigureSection
        ctx={ctx}
        id="steps"
        title={t('steps.title')}
        figure="langkah"
        q={view.exportQuery}
        before={
          <figure>
            {safeSvg}
            <figcaption safe>{t('steps.chart')}</figcaption>
          </figure>
        }
        table={
          p.steps.length > 0 && {
            id: 'steps',
            head: [
              t('steps.process'),
              t('steps.step'),
              t('steps.standard'),
              t('steps.n'),
              t('steps.median'),
              t('steps.p90'),
              t('steps.share'),
            ],
            rows: p.steps.map((s) => [
              s.definitionKey,
              pick(s.stepTitle),
              s.standard ?? '—',
              s.n,
              fmt(s.medianMinutes),
              fmt(s.p90Minutes),
              s.inTimeShare === null ? '—' : pct(s.inTime, s.withDue),
            ]),
          }
        }
      />
      <FigureSection
        ctx={ctx}
        id="proc"
        title={t('proc.title')}
        figure="proses"
        q={view.exportQuery}
        table={
          p.processes.length > 0 && {
            id: 'processes',
            head: [
              t('steps.process'),
              t('proc.n'),
              t('proc.median'),
              t('proc.p90'),
              t('proc.allInTime'),
              t('proc.standard'),
              t('proc.within'),
            ],
            rows: p.processes.map((x) => [
              pick(x.title),
              x.n,
              fmt(x.medianDays),
              fmt(x.p90Days),
              pct(x.allStepsInTime, x.n),
              x.standardDays ?? '—',
              x.withinStandard === null ? '—' : pct(x.withinStandard, x.n),
            ]),
          }
        }
      />
      <FigureSection
        ctx={ctx}
        id="ver"
        title={t('ver.title')}
        figure="verifikasi"
        q={view.exportQuery}
        table={
          p.verification.length > 0 && {
            id: 'verification',
            head: [
              t('ver.agency'),
              t('ver.submissions'),
              t('ver.decisions'),
              t('ver.returns'),
              t('ver.median'),
              t('ver.p90'),
            ],
            rows: p.verification.map((v) => [
              v.agency_name,
              v.submissions,
              v.decisions,
              v.returns,
              fmt(v.median_minutes),
              fmt(v.p90_minutes),
            ]),
          }
        }
      />
      <FigureSection
        ctx={ctx}
        id="req"
        title={t('req.title')}
        empty={t('notRecorded')}
        table={
          p.requests && {
            id: 'requests',
            head: [t('ver.agency'), t('req.total'), t('req.answered'), t('req.within')],
            rows: p.requests.byAgency.map((r) => [
              r.agencyName,
              r.total,
              r.answered,
              pct(r.withinStandard, r.total),
            ]),
          }
        }
      />
      <FigureSection
        ctx={ctx}
        id="rel"
        title={t('rel.title')}
        empty={t('notRecorded')}
        figure="rilis"
        q={view.exportQuery}
        before={
          rel ? (
            <p id="release-line" safe>
              {t('rel.line', { met: rel.met, total: rel.total, late: rel.late, pending: rel.pending })}
            </p>
          ) : (
            ''
          )
        }
        table={
          rel && {
            id: 'releases',
            head: [
              t('rel.publication'),
              t('ver.agency'),
              t('rel.planned'),
              t('rel.published'),
              t('rel.status'),
              t('rel.daysLate'),
            ],
            rows: p.releases.rows.map((r) => [
              r.title,
              r.agency_name ?? '—',
              r.planned,
              r.published ?? '—',
              t(`rel.${r.status}`),
              r.days_late,
            ]),
          }
        }
      />
      <FigureSection
        ctx={ctx}
        id="use"
        title={t('use.title')}
        figure="pemakaian"
        q={view.exportQuery}
        note={t('use.note')}
        table={
          p.usage.length > 0 && {
            id: 'usage',
            head: [
              t('use.month'),
              t('use.dataset'),
              t('ver.agency'),
              t('use.views'),
              t('use.downloads'),
              t('use.api'),
            ],
            rows: p.usage.map((u) => [
              u.month,
              u.dataset_title,
              u.agency_name,
              u.views,
              u.downloads,
              u.api_calls,
            ]),
          }
        }
      />

      {view.regionWide ? <ReportSection ctx={ctx} view={view} year={p.year} /> : ''}
      {view.regionWide ? (
        <MeetingsSection ctx={ctx} year={p.year} meetings={view.meetings} mayCreate={view.mayCreateMeeting} />
      ) : (
        ''
      )}
    </Layout>
  );
}
