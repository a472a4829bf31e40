import type { Children } from '@kitajs/html';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { EpssStructure } from '../domain/epss.js';
import type { AssessmentView, IndicatorView, PerformanceView } from '../evaluation.js';
import { type EvaluationMessage, em } from './evaluation.messages.js';

const fmt = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined ? '—' : (Math.round(n * 10 ** digits) / 10 ** digits).toString();
const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '—');

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
}

function w(ctx: PageContext) {
  return (k: EvaluationMessage, p?: Record<string, string | number>) => em(ctx.locale, k, p);
}

function Exports({ ctx, q, figure }: { ctx: PageContext; q: string; figure: string }) {
  const t = w(ctx);
  return (
    <p class="exports">
      <a href={`/evaluasi/ekspor.csv?${q}&angka=${figure}`} safe>
        {t('export', { format: 'CSV' })}
      </a>{' '}
      ·{' '}
      <a href={`/evaluasi/ekspor.xlsx?${q}&angka=${figure}`} safe>
        {t('export', { format: 'XLSX' })}
      </a>
    </p>
  );
}

function Table({ id, head, rows }: { id: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <div class="table-wrap" tabindex="0">
      <table id={id}>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" safe>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {r.map((c) => (
                <td safe>{String(c)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface FigureTable {
  id: string;
  head: string[];
  rows: (string | number)[][];
}

/**
 * One figure of the performance page: its heading, an optional note, then (when there is
 * something to show) what comes before the table (a chart, a summary line), the table and its
 * CSV/XLSX links; otherwise the "nothing" sentence.
 */
function FigureSection(props: {
  ctx: PageContext;
  id: string;
  title: string;
  note?: string;
  before?: Children;
  table: FigureTable | null | false;
  figure?: string;
  q?: string;
  empty?: string;
}) {
  const t = w(props.ctx);
  return (
    <section aria-labelledby={`h-${props.id}`}>
      <h2 id={`h-${props.id}`} safe>
        {props.title}
      </h2>
      {props.note ? <p safe>{props.note}</p> : ''}
      {props.table ? (
        <>
          {props.before ?? ''}
          <Table id={props.table.id} head={props.table.head} rows={props.table.rows} />
          {props.figure && props.q !== undefined ? (
            <Exports ctx={props.ctx} q={props.q} figure={props.figure} />
          ) : (
            ''
          )}
        </>
      ) : (
        <p safe>{props.empty ?? t('none')}</p>
      )}
    </section>
  );
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

      {view.regionWide ? (
        <section aria-labelledby="h-rep">
          <h2 id="h-rep" safe>
            {t('rep.title')}
          </h2>
          {view.report ? (
            <p>
              <span safe>
                {t('rep.line', {
                  at: view.report.at,
                  by: view.report.by,
                  state:
                    view.report.state === 'approved'
                      ? t('rep.approved')
                      : view.report.state === 'returned'
                        ? t('rep.returned', { reason: view.report.reason ?? '' })
                        : t('rep.draft'),
                })}
              </span>{' '}
              <a href={`/evaluasi/laporan/${p.year}.pdf`}>PDF</a> ·{' '}
              <a href={`/evaluasi/laporan/${p.year}.docx`}>DOCX</a>
            </p>
          ) : (
            <p safe>{t('rep.none')}</p>
          )}
          {view.mayGenerate ? (
            <form method="post" action={`/evaluasi/laporan?tahun=${p.year}`}>
              <CsrfField ctx={ctx} />
              <button type="submit" safe>
                {t('rep.generate')}
              </button>
            </form>
          ) : (
            ''
          )}
          {view.mayApprove && view.report?.state === 'draft' ? (
            <form method="post" action={`/evaluasi/laporan/setujui?tahun=${p.year}`}>
              <CsrfField ctx={ctx} />
              <button type="submit" safe>
                {t('rep.approve')}
              </button>
            </form>
          ) : (
            ''
          )}
          {view.mayApprove && view.report?.state === 'draft' ? (
            <form method="post" action={`/evaluasi/laporan/kembalikan?tahun=${p.year}`}>
              <CsrfField ctx={ctx} />
              <label>
                <span safe>{t('rep.reason')}</span>
                <textarea name="reason" required rows="3" maxlength="5000"></textarea>
              </label>
              <button type="submit" safe>
                {t('rep.return')}
              </button>
            </form>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function AssessmentPage({ ctx, view }: { ctx: PageContext; view: AssessmentView }) {
  const t = w(ctx);
  const pick = (x: { id: string; en: string }) => x[ctx.locale];
  const y = view.year;
  const idx = view.index.overall;
  return (
    <Layout ctx={ctx} title={t('epss.title', { year: y })}>
      <h1 safe>{t('epss.title', { year: y })}</h1>
      <p safe>{t('epss.state', { state: t(`epss.state.${view.state}` as EvaluationMessage) })}</p>
      <p id="epss-index" safe>
        {idx === null || !view.predicate
          ? t('epss.noIndex')
          : t('epss.indexLine', {
              index: fmt(idx, 2),
              predicate: pick(view.predicate),
              filled: view.index.filled,
              total: view.index.total,
              verified: view.verified,
            })}
      </p>
      {ctx.can('epss:configure') ? (
        <p>
          <a href="/evaluasi/epss/struktur" safe>
            {t('str.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      {view.previousIndex ? (
        <p safe>{t('epss.previous', { index: fmt(view.previousIndex.overall, 2) })}</p>
      ) : (
        ''
      )}
      <p>
        <a href={`/evaluasi/epss/${y}.xlsx`} safe>
          {t('epss.xlsx')}
        </a>
      </p>
      {view.structure.map((d) => (
        <section aria-labelledby={`d-${d.code}`}>
          <h2 id={`d-${d.code}`} safe>
            {`${d.code}. ${pick(d.name)} (${d.weight}%)`}
          </h2>
          <p safe>{t('epss.domainIndex', { index: fmt(view.index.domains.get(d.code), 2) })}</p>
          {d.aspects.map((a) => (
            <>
              <h3
                safe
              >{`${a.code} ${pick(a.name)} — ${t('epss.aspectIndex', { index: fmt(view.index.aspects.get(a.code), 2) })}`}</h3>
              <div class="table-wrap" tabindex="0">
                <table class="epss">
                  <thead>
                    <tr>
                      <th scope="col" safe>
                        {t('epss.code')}
                      </th>
                      <th scope="col" safe>
                        {t('epss.indicator')}
                      </th>
                      <th scope="col" safe>
                        {t('epss.proposed')}
                      </th>
                      <th scope="col" safe>
                        {t('epss.level')}
                      </th>
                      <th scope="col" safe>
                        {t('epss.verified')}
                      </th>
                      <th scope="col" safe>
                        {t('epss.prev')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.indicators.map((x) => {
                      const i = view.indicators.get(x.code) as IndicatorView;
                      return (
                        <tr id={`i-${x.code}`}>
                          <td safe>{x.code}</td>
                          <td>
                            <a href={`/evaluasi/epss/${y}/${x.code}`} safe>
                              {pick(x.name)}
                            </a>
                          </td>
                          <td class="proposed" safe>
                            {fmt(i.proposal?.level ?? null, 0)}
                          </td>
                          <td class="level" safe>
                            {fmt(i.level, 0)}
                          </td>
                          <td class="verified" safe>
                            {fmt(i.verifiedLevel, 0)}
                          </td>
                          <td safe>{fmt(i.previous, 0)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          ))}
        </section>
      ))}
    </Layout>
  );
}

export interface IndicatorPageView {
  year: number;
  indicator: IndicatorView;
  mayAssess: boolean;
  mayVerify: boolean;
  errors?: Record<string, string[]>;
  typed?: { level?: string; explanation?: string; evidence?: string; outcome?: string; note?: string };
}

export function IndicatorPage({ ctx, view }: { ctx: PageContext; view: IndicatorPageView }) {
  const t = w(ctx);
  const pick = (x: { id: string; en: string }) => x[ctx.locale];
  const i = view.indicator;
  const p = i.proposal;
  const typed = view.typed ?? {};
  const level = typed.level ?? String(i.level ?? p?.level ?? '');
  const evidenceText =
    typed.evidence ??
    i.evidence
      .map((e) => `${ctx.locale === 'id' ? e.label_id : e.label_en}${e.href ? ` | ${e.href}` : ''}`)
      .join('\n');
  return (
    <Layout ctx={ctx} title={t('ind.title', { code: i.code })}>
      <p>
        <a href={`/evaluasi/epss?tahun=${view.year}#i-${i.code}`} safe>
          {t('ind.back')}
        </a>
      </p>
      <h1 safe>{`${i.code} ${pick(i.name)}`}</h1>
      <h2 safe>{t('ind.criteria')}</h2>
      <ol>
        {i.criteria.map((c) => (
          <li safe>{pick(c)}</li>
        ))}
      </ol>
      <section id="proposal" aria-labelledby="h-prop">
        <h2 id="h-prop" safe>
          {p?.level ? t('ind.proposal', { level: p.level }) : t('ind.noProposal')}
        </h2>
        {p ? (
          <>
            <p>
              <strong safe>{t('ind.why')}</strong>:{' '}
              <span safe>{ctx.locale === 'id' ? p.reason_id : p.reason_en}</span>
            </p>
            {p.evidence.length ? (
              <>
                <h3 safe>{t('ind.evidence')}</h3>
                <ul class="evidence">
                  {p.evidence.map((e) => (
                    <li>
                      {e.href ? (
                        <a href={e.href} safe>
                          {ctx.locale === 'id' ? e.label_id : e.label_en}
                        </a>
                      ) : (
                        <span safe>{ctx.locale === 'id' ? e.label_id : e.label_en}</span>
                      )}
                      {e.value ? <span safe>{`: ${e.value}`}</span> : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              ''
            )}
            <p>
              <strong safe>{t('ind.next')}</strong>:{' '}
              <span safe>{ctx.locale === 'id' ? p.next_id : p.next_en}</span>
            </p>
          </>
        ) : (
          ''
        )}
      </section>
      <section aria-labelledby="h-current">
        <h2 id="h-current" safe>
          {t('ind.assess')}
        </h2>
        <p id="current" safe>
          {i.level === null
            ? t('ind.notAssessed')
            : t('ind.current', { level: i.level, by: i.assessedByName ?? '' })}
        </p>
        {i.explanation ? <p safe>{i.explanation}</p> : ''}
        {i.verifyOutcome ? (
          <p id="verified" safe>
            {t('ind.verifiedLine', {
              outcome: t(i.verifyOutcome === 'agree' ? 'ind.agree' : 'ind.adjust'),
              level: i.verifiedLevel ?? '',
              note: i.verifyNote,
            })}
          </p>
        ) : (
          ''
        )}
        <FormErrors ctx={ctx} errors={view.errors} />
        {view.mayAssess ? (
          <form method="post" action={`/evaluasi/epss/${view.year}/${i.code}/nilai`} id="assess-form">
            <CsrfField ctx={ctx} />
            <label for="level" safe>
              {t('ind.levelField')}
            </label>
            <select id="level" name="level">
              {[1, 2, 3, 4, 5].map((n) => (
                <option value={String(n)} selected={level === String(n)} safe>
                  {`${n} — ${pick(i.criteria[n - 1] ?? { id: '', en: '' })}`}
                </option>
              ))}
            </select>
            <label for="explanation" safe>
              {t('ind.explanation')}
            </label>
            <textarea id="explanation" name="explanation" rows="5" safe>
              {typed.explanation ?? i.explanation}
            </textarea>
            <label for="evidence" safe>
              {t('ind.evidenceField')}
            </label>
            <textarea id="evidence" name="evidence" rows="4" safe>
              {evidenceText}
            </textarea>
            <p class="hint" safe>
              {t('ind.useProposal')}
            </p>
            <button type="submit" safe>
              {t('ind.save')}
            </button>
          </form>
        ) : (
          ''
        )}
        {view.mayVerify && i.level !== null ? (
          <form method="post" action={`/evaluasi/epss/${view.year}/${i.code}/verifikasi`} id="verify-form">
            <CsrfField ctx={ctx} />
            <h2 safe>{t('ind.verify')}</h2>
            <fieldset>
              <legend safe>{t('ind.outcome')}</legend>
              <label>
                <input
                  type="radio"
                  name="outcome"
                  value="agree"
                  checked={(typed.outcome ?? 'agree') === 'agree'}
                />{' '}
                <span safe>{t('ind.agree')}</span>
              </label>
              <label>
                <input type="radio" name="outcome" value="adjust" checked={typed.outcome === 'adjust'} />{' '}
                <span safe>{t('ind.adjust')}</span>
              </label>
            </fieldset>
            <label for="verify-level" safe>
              {t('ind.verifyLevel')}
            </label>
            <select id="verify-level" name="level">
              <option value="">—</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option value={String(n)} selected={typed.level === String(n)} safe>
                  {String(n)}
                </option>
              ))}
            </select>
            <label for="verify-note" safe>
              {t('ind.note')}
            </label>
            <textarea id="verify-note" name="note" rows="3" safe>
              {typed.note ?? ''}
            </textarea>
            <button type="submit" safe>
              {t('ind.verifySave')}
            </button>
          </form>
        ) : (
          ''
        )}
      </section>
    </Layout>
  );
}

export interface StructurePageView {
  structure: EpssStructure;
  errors?: Record<string, string[]>;
  /** What was typed (field name → value) when a save was refused. */
  typed?: Record<string, string>;
}

/** The administrator's form over the whole EPSS structure: one row per domain, aspect, indicator. */
export function StructurePage({ ctx, view }: { ctx: PageContext; view: StructurePageView }) {
  const t = w(ctx);
  const typed = view.typed ?? {};
  const rows: { level: string; code: string; name: { id: string; en: string }; weight: number | null }[] = [];
  for (const d of view.structure) {
    rows.push({ level: 'domain', code: d.code, name: d.name, weight: d.weight });
    for (const a of d.aspects) {
      rows.push({ level: 'aspect', code: a.code, name: a.name, weight: a.weight });
      for (const x of a.indicators)
        rows.push({ level: 'indicator', code: x.code, name: x.name, weight: x.weight });
    }
  }
  const value = (field: string, stored: string) => typed[field] ?? stored;
  return (
    <Layout ctx={ctx} title={t('str.title')}>
      <h1 safe>{t('str.title')}</h1>
      <p safe>{t('str.intro')}</p>
      <FormErrors ctx={ctx} errors={view.errors} />
      <form method="post" action="/evaluasi/epss/struktur" id="structure-form">
        <CsrfField ctx={ctx} />
        <div class="table-wrap" tabindex="0">
          <table class="epss-structure">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('str.code')}
                </th>
                <th scope="col" safe>
                  {t('str.nameId')}
                </th>
                <th scope="col" safe>
                  {t('str.nameEn')}
                </th>
                <th scope="col" safe>
                  {t('str.weight')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const key = `${r.level}-${r.code}`;
                return (
                  <tr id={`s-${key}`}>
                    <th scope="row" safe>
                      {r.code}
                    </th>
                    <td>
                      <input
                        name={`n-${key}`}
                        aria-label={`${t('str.nameId')} ${r.code}`}
                        value={value(`n-${key}`, r.name.id)}
                      />
                    </td>
                    <td>
                      <input
                        name={`e-${key}`}
                        aria-label={`${t('str.nameEn')} ${r.code}`}
                        value={value(`e-${key}`, r.name.en)}
                      />
                    </td>
                    <td>
                      <input
                        name={`w-${key}`}
                        type="number"
                        min="0"
                        max="100"
                        step="any"
                        aria-label={`${t('str.weight')} ${r.code}`}
                        value={value(`w-${key}`, r.weight === null ? '' : String(r.weight))}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="submit" safe>
          {t('str.save')}
        </button>
      </form>
    </Layout>
  );
}
