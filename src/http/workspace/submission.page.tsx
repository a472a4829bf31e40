import type { DatasetSubmission } from '../../db/schema/workflow-runs.js';
import type { ValidationReport } from '../../domain/validation/validation-report.js';
import { formatDateTime, pick } from '../../i18n/i18n.js';
import type { Conformity } from '../../sdi/conformity.js';
import type { SubmissionDiff } from '../../workflow-runs/diff.js';
import type { HistoryInstance } from '../../workflow-runs/history.js';
import type { VerificationReport } from '../../workflow-runs/report.js';
import { SDI_CHECKLIST } from '../../workflow-runs/submissions.js';
import { CsrfField, FormErrors, Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { HistoryTable } from '../views/workflow/history.js';
import { wm } from '../views/workflow/workflow.messages.js';

/** Which automatic SDI conformity checks inform each checklist item. */
const CHECKLIST_SOURCES: Record<(typeof SDI_CHECKLIST)[number]['key'], readonly string[]> = {
  data_standard: ['standard_linked'],
  metadata_complete: [
    'activity_metadata_complete',
    'variable_metadata_complete',
    'indicator_metadata_complete',
  ],
  open_format_license: ['open_format', 'open_license'],
  reference_codes: ['reference_codes_bound', 'reference_codes_valid'],
  values_plausible: ['classification_set'],
};

type W = (k: Parameters<typeof wm>[1], p?: Record<string, string | number>) => string;
const wOf =
  (ctx: PageContext): W =>
  (k, p) =>
    wm(ctx.locale, k, p);

const show = (v: unknown): string =>
  v === null || v === undefined
    ? '—'
    : Array.isArray(v)
      ? v.join(', ')
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

export function stateLabel(w: W, state: string): string {
  const key = `state.${state}` as Parameters<typeof wm>[1];
  return w(key);
}

export interface SubmissionListRow {
  id: string;
  number: number;
  submitted_at: Date;
  submitted_by_name: string;
  dataset_name: string;
  dataset_title: string;
  priority: boolean;
  agency: string;
}

function QueueTable({
  ctx,
  rows,
  id,
  selectable,
}: {
  ctx: PageContext;
  rows: SubmissionListRow[];
  id: string;
  selectable?: boolean;
}) {
  const w = wOf(ctx);
  if (rows.length === 0) return <p>{w('sub.none')}</p>;
  return (
    <div class="table-wrap">
      <table id={id}>
        <thead>
          <tr>
            {selectable ? <th scope="col">✓</th> : ''}
            <th scope="col">{w('sub.dataset')}</th>
            <th scope="col">{w('sub.agency')}</th>
            <th scope="col">{w('sub.number')}</th>
            <th scope="col">{w('sub.submittedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {selectable ? (
                <td>
                  <input
                    type="checkbox"
                    name="ids"
                    value={r.id}
                    aria-label={w('sub.select', { title: r.dataset_title })}
                  />
                </td>
              ) : (
                ''
              )}
              <td>
                <a href={`/workspace/submissions/${r.id}`} safe>
                  {r.dataset_title}
                </a>
                {r.priority ? <strong>{` · ${w('sub.priority')}`}</strong> : ''}
              </td>
              <td safe>{r.agency}</td>
              <td>#{String(r.number)}</td>
              <td safe>{`${formatDateTime(ctx.locale, r.submitted_at)} · ${r.submitted_by_name}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface SubmissionsView {
  own:
    | {
        id: string;
        name: string;
        title: string;
        agency: string;
        priority: boolean;
        submission_id: string | null;
        number: number | null;
        state: string | null;
      }[]
    | null;
  toVerify: SubmissionListRow[] | null;
  toReview: SubmissionListRow[] | null;
  toPublish: SubmissionListRow[] | null;
}

/** GET /workspace/submissions — what the actor can submit, verify, review or publish. */
export function SubmissionsPage({
  ctx,
  view,
  errors,
}: {
  ctx: PageContext;
  view: SubmissionsView;
  errors?: Record<string, string[]> | undefined;
}) {
  const w = wOf(ctx);
  return (
    <Layout ctx={ctx} title={w('sub.listTitle')}>
      <h1>{w('sub.listTitle')}</h1>
      <p>{w('sub.listLead')}</p>
      <FormErrors ctx={ctx} errors={errors} />
      {view.own ? (
        <section aria-labelledby="own-title">
          <h2 id="own-title">{w('sub.myDatasets')}</h2>
          {view.own.length === 0 ? (
            <p>{w('sub.none')}</p>
          ) : (
            <div class="table-wrap">
              <table id="own-datasets">
                <thead>
                  <tr>
                    <th scope="col">{w('sub.dataset')}</th>
                    <th scope="col">{w('sub.state')}</th>
                    <th scope="col">{w('tasks.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.own.map((d) => (
                    <tr>
                      <td safe>{d.title}</td>
                      <td>
                        {d.submission_id ? (
                          <a href={`/workspace/submissions/${d.submission_id}`} safe>
                            {`#${d.number} · ${stateLabel(w, d.state ?? '')}`}
                          </a>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>
                        {!d.state || d.state === 'returned' || d.state === 'published' ? (
                          <a class="button" href={`/workspace/datasets/${encodeURIComponent(d.name)}/submit`}>
                            {w('tasks.submit')}
                          </a>
                        ) : (
                          ''
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : (
        ''
      )}
      {view.toVerify ? (
        <section aria-labelledby="verify-title">
          <h2 id="verify-title">{w('sub.waitingVerify')}</h2>
          {view.toVerify.length === 0 ? (
            <p>{w('sub.none')}</p>
          ) : (
            <form method="post" action="/workspace/submissions/verify-many" class="stack">
              <CsrfField ctx={ctx} />
              <QueueTable ctx={ctx} rows={view.toVerify} id="to-verify" selectable />
              <label for="bulk-note">{w('sub.bulkNote')}</label>
              <textarea id="bulk-note" name="note" rows="2"></textarea>
              <p>
                <button type="submit">{w('sub.bulkApprove')}</button>
              </p>
            </form>
          )}
        </section>
      ) : (
        ''
      )}
      {view.toReview ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{w('sub.waitingReview')}</h2>
          <QueueTable ctx={ctx} rows={view.toReview} id="to-review" />
        </section>
      ) : (
        ''
      )}
      {view.toPublish ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">{w('sub.waitingPublish')}</h2>
          <QueueTable ctx={ctx} rows={view.toPublish} id="to-publish" />
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** GET /workspace/datasets/:name/submit */
export function SubmitPage({
  ctx,
  dataset,
  errors,
}: {
  ctx: PageContext;
  dataset: { name: string; title: string };
  errors?: Record<string, string[]> | undefined;
}) {
  const w = wOf(ctx);
  return (
    <Layout ctx={ctx} title={w('sub.submitTitle')}>
      <h1>{w('sub.submitTitle')}</h1>
      <p safe>{dataset.title}</p>
      <p>{w('sub.submitLead')}</p>
      <FormErrors ctx={ctx} errors={errors} />
      <form
        method="post"
        action={`/workspace/datasets/${encodeURIComponent(dataset.name)}/submit`}
        class="stack"
      >
        <CsrfField ctx={ctx} />
        <label for="submit-note">{w('sub.submitNote')}</label>
        <textarea id="submit-note" name="note" rows="3"></textarea>
        <p>
          <button type="submit">{w('sub.submitButton')}</button>
        </p>
      </form>
    </Layout>
  );
}

function DiffSection({ ctx, diff, previous }: { ctx: PageContext; diff: SubmissionDiff; previous: number }) {
  const w = wOf(ctx);
  const changedResources = diff.resources.filter((r) => r.change !== 'unchanged');
  return (
    <section aria-labelledby="diff-title" id="diff">
      <h2 id="diff-title">{w('sub.diff', { n: previous })}</h2>
      {diff.metadata.length === 0 && changedResources.length === 0 ? <p>{w('sub.diffNone')}</p> : ''}
      {diff.metadata.length > 0 ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{w('sub.field')}</th>
                <th scope="col">{w('sub.from')}</th>
                <th scope="col">{w('sub.to')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.metadata.map((m) => (
                <tr>
                  <th scope="row" safe>
                    {m.field}
                  </th>
                  <td safe>{show(m.from)}</td>
                  <td safe>{show(m.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
      {changedResources.map((r) => (
        <div>
          <h3 safe>{`${r.name}: ${w(`sub.${r.change}` as Parameters<typeof wm>[1])}`}</h3>
          {r.compared === 'file' && r.change === 'changed' ? <p>{w('sub.fileChanged')}</p> : ''}
          {r.rowsAdded ? <p>{w('sub.rowsAdded', { n: r.rowsAdded })}</p> : ''}
          {r.rowsRemoved ? <p>{w('sub.rowsRemoved', { n: r.rowsRemoved })}</p> : ''}
          {r.cells && r.cells.length > 0 ? (
            <ul>
              {r.cells.map((c) => (
                <li
                  safe
                >{`${w('sub.cell', { row: c.row, column: c.column })}: ${show(c.from)} → ${show(c.to)}`}</li>
              ))}
            </ul>
          ) : (
            ''
          )}
        </div>
      ))}
    </section>
  );
}

/** A resource version's validation report (src/domain/validation): counts, then each issue group with examples. */
function ValidationReportView({ ctx, report }: { ctx: PageContext; report: ValidationReport | null }) {
  const w = wOf(ctx);
  if (!report) return <p>{w('sub.noReport')}</p>;
  const en = ctx.locale === 'en';
  const groups = [...(report.errors ?? []), ...(report.warnings ?? [])];
  return (
    <div class="validation-report">
      <p safe>
        {w('sub.reportSummary', {
          valid: report.valid ? w('sub.valid') : w('sub.invalid'),
          rows: report.row_count,
          errors: report.error_count,
          warnings: report.warning_count,
        })}
      </p>
      {groups.length > 0 ? (
        <ul>
          {groups.map((g) => (
            <li>
              <strong safe>{`${en ? g.title_en : g.title} (${g.count})`}</strong>
              <ul>
                {g.examples.slice(0, 5).map((x) => (
                  <li safe>
                    {[
                      x.row === null ? '' : `#${x.row}`,
                      x.column ?? '',
                      x.value === null ? '' : `"${x.value}"`,
                      en ? x.message_en : x.message,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </div>
  );
}

export interface SubmissionPageView {
  report: VerificationReport;
  reports: { name: string; report: unknown }[];
  /** The automatic SDI conformity check of the dataset as it is now (src/sdi/conformity.ts). */
  conformity: Conformity | null;
  diff: { previous: number; diff: SubmissionDiff } | null;
  history: HistoryInstance[];
  waitingFor: string | null;
  mayVerify: boolean;
  /** May mark the dataset as priority data (the custodian). */
  maySetPriority: boolean;
  mayReview: boolean;
  mayPublish: boolean;
}

function ChecklistForm({ ctx, view }: { ctx: PageContext; view: SubmissionPageView }) {
  const w = wOf(ctx);
  const s = view.report.submission;
  return (
    <form method="post" action={`/workspace/submissions/${s.id}/verify`} class="stack" id="verify-form">
      <CsrfField ctx={ctx} />
      <fieldset>
        <legend>{w('sub.checklist')}</legend>
        {view.conformity ? <p safe>{w('sub.conformityScore', { score: view.conformity.score })}</p> : ''}
        {SDI_CHECKLIST.map((c) => {
          const hints = (view.conformity?.checks ?? []).filter(
            (x) => x.applicable && CHECKLIST_SOURCES[c.key].includes(x.key),
          );
          return (
            <div class="checklist-item">
              <p>
                <strong>{pick(ctx.locale, c)}</strong>
              </p>
              {hints.length > 0 ? (
                <ul class="hint">
                  {hints.map((h) => (
                    <li safe>{`${h.met ? '✓' : '✗'} ${ctx.locale === 'en' ? h.detail_en : h.detail_id}`}</li>
                  ))}
                </ul>
              ) : (
                ''
              )}
              <label>
                <input type="radio" name={`met_${c.key}`} value="yes" /> {w('sub.met')}
              </label>{' '}
              <label>
                <input type="radio" name={`met_${c.key}`} value="no" /> {w('sub.notMet')}
              </label>{' '}
              <label>
                <input type="radio" name={`met_${c.key}`} value="" checked /> {w('sub.unchecked')}
              </label>
              <br />
              <label for={`note_${c.key}`}>{w('sub.itemNote', { item: pick(ctx.locale, c) })}</label>
              <input type="text" id={`note_${c.key}`} name={`note_${c.key}`} />
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{w('sub.fieldNotes')}</legend>
        {Object.keys(s.metadata).map((f) => (
          <p>
            <label for={`field_${f}`}>{w('sub.fieldNoteFor', { field: f })}</label>
            <input type="text" id={`field_${f}`} name={`field_${f}`} />
          </p>
        ))}
      </fieldset>
      <label for="cell-notes">{w('sub.cellNotes')}</label>
      <textarea id="cell-notes" name="cells" rows="3" aria-describedby="cell-help"></textarea>
      <small id="cell-help">{w('sub.cellHelp')}</small>
      <label for="verify-note">{w('sub.note')}</label>
      <textarea id="verify-note" name="note" rows="3"></textarea>
      <p>
        <button type="submit" name="outcome" value="approve">
          {w('sub.approve')}
        </button>{' '}
        <button type="submit" name="outcome" value="return">
          {w('sub.return')}
        </button>
      </p>
    </form>
  );
}

/** GET /workspace/submissions/:id — the verification page. */
export function SubmissionPage({
  ctx,
  view,
  errors,
}: {
  ctx: PageContext;
  view: SubmissionPageView;
  errors?: Record<string, string[]> | undefined;
}) {
  const w = wOf(ctx);
  const { dataset, submission: s } = view.report;
  const title = w('sub.pageTitle', { title: dataset.title, n: s.number });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <p>
        <span
          safe
        >{`${dataset.agency} · ${stateLabel(w, s.state)} · ${formatDateTime(ctx.locale, s.submitted_at)} · ${s.submitted_by_name}`}</span>
        {dataset.priority ? <strong>{` · ${w('sub.priority')}`}</strong> : ''}
      </p>
      {view.waitingFor ? <p safe>{w('sub.waitingFor', { step: view.waitingFor })}</p> : ''}
      {s.note ? (
        <p class="notes" safe>
          {s.note}
        </p>
      ) : (
        ''
      )}
      {s.recommendation_number ? (
        <p safe>
          {w('sub.recommendation', { number: s.recommendation_number, date: s.recommendation_date ?? '' })}
        </p>
      ) : (
        ''
      )}
      <p>
        <a href={`/workspace/submissions/${s.id}/report`}>{w('sub.reportHtml')}</a> ·{' '}
        <a href={`/workspace/submissions/${s.id}/report.pdf`}>{w('sub.reportPdf')}</a> ·{' '}
        <a href={`/dataset/${encodeURIComponent(dataset.name)}`} safe>
          {dataset.title}
        </a>
      </p>
      <FormErrors ctx={ctx} errors={errors} />
      <section aria-labelledby="resources-title">
        <h2 id="resources-title">{w('sub.resources')}</h2>
        {s.resources.length === 0 ? <p>{w('sub.none')}</p> : ''}
        {s.resources.map((r) => (
          <div>
            <h3 safe>{`${r.name || r.url} (${r.format})`}</h3>
            <p safe>
              {[
                r.row_count === null ? '' : `${r.row_count} rows`,
                r.size === null ? '' : `${r.size} B`,
                r.hash ?? '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <h4>{w('sub.report')}</h4>
            <ValidationReportView
              ctx={ctx}
              report={
                (view.reports.find((x) => x.name === r.resource_id)?.report as
                  | ValidationReport
                  | undefined) ?? null
              }
            />
          </div>
        ))}
      </section>
      <section aria-labelledby="metadata-title">
        <h2 id="metadata-title">{w('sub.metadata')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{w('sub.field')}</th>
                <th scope="col">{w('sub.value')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(s.metadata).map(([k, v]) => (
                <tr>
                  <th scope="row" safe>
                    {k}
                  </th>
                  <td safe>{show(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {view.diff ? <DiffSection ctx={ctx} diff={view.diff.diff} previous={view.diff.previous} /> : ''}
      {view.maySetPriority ? (
        <form
          method="post"
          action={`/workspace/submissions/${s.id}/priority`}
          class="inline"
          id="priority-form"
        >
          <CsrfField ctx={ctx} />
          <input type="hidden" name="priority" value={dataset.priority ? 'false' : 'true'} />
          <button type="submit">{dataset.priority ? w('sub.priorityOff') : w('sub.priorityOn')}</button>
        </form>
      ) : (
        ''
      )}
      {view.mayVerify ? (
        <section aria-labelledby="verify-title">
          <h2 id="verify-title">{w('sub.checklist')}</h2>
          <ChecklistForm ctx={ctx} view={view} />
        </section>
      ) : (
        ''
      )}
      {view.mayReview ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{w('sub.reviewTitle')}</h2>
          <form method="post" action={`/workspace/submissions/${s.id}/review`} class="stack" id="review-form">
            <CsrfField ctx={ctx} />
            <label for="rec-number">{w('sub.recNumber')}</label>
            <input type="text" id="rec-number" name="recommendation_number" />
            <label for="rec-date">{w('sub.recDate')}</label>
            <input type="date" id="rec-date" name="recommendation_date" />
            <label for="review-note">{w('sub.note')}</label>
            <textarea id="review-note" name="note" rows="3"></textarea>
            <p>
              <button type="submit" name="outcome" value="approve">
                {w('sub.recommend')}
              </button>{' '}
              <button type="submit" name="outcome" value="return">
                {w('sub.return')}
              </button>
            </p>
          </form>
        </section>
      ) : (
        ''
      )}
      {view.mayPublish ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">{w('sub.publishTitle')}</h2>
          <form
            method="post"
            action={`/workspace/submissions/${s.id}/publish`}
            class="stack"
            id="publish-form"
          >
            <CsrfField ctx={ctx} />
            <label for="publish-note">{w('sub.note')}</label>
            <textarea id="publish-note" name="note" rows="2"></textarea>
            <p>
              <button type="submit">{w('sub.publish')}</button>
            </p>
          </form>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{w('history.title')}</h2>
        {view.history.map((i) => (
          <HistoryTable ctx={ctx} instance={i} />
        ))}
      </section>
    </Layout>
  );
}

/** GET /workspace/submissions/:id/report — the verification report, printable. */
export function ReportPage({ ctx, report }: { ctx: PageContext; report: VerificationReport }) {
  const w = wOf(ctx);
  const s: DatasetSubmission = report.submission;
  const title = `${w('sub.reportHtml')}: ${report.dataset.title}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <p
        safe
      >{`${report.dataset.agency} · #${s.number} · ${formatDateTime(ctx.locale, s.submitted_at)} · ${s.submitted_by_name} · ${stateLabel(w, s.state)}`}</p>
      {s.recommendation_number ? (
        <p safe>
          {w('sub.recommendation', { number: s.recommendation_number, date: s.recommendation_date ?? '' })}
        </p>
      ) : (
        ''
      )}
      <h2>{w('sub.checklist')}</h2>
      <ul id="report-checklist">
        {report.checklist.map((c) => (
          <li safe>
            {`${pick(ctx.locale, c)}: ${c.met === null ? w('sub.unchecked') : c.met ? w('sub.met') : w('sub.notMet')}${c.note ? ` — ${c.note}` : ''}`}
          </li>
        ))}
      </ul>
      <h2>{w('sub.resources')}</h2>
      <ul>
        {s.resources.map((r) => (
          <li safe>{`${r.name} (${r.format})${r.hash ? ` · ${r.hash}` : ''}`}</li>
        ))}
      </ul>
      <h2>{w('history.title')}</h2>
      <HistoryTable
        ctx={ctx}
        caption={false}
        instance={{
          id: s.instance_id,
          title: { id: report.dataset.title, en: report.dataset.title },
          definitionKey: '',
          definitionVersion: 0,
          state: '',
          startedAt: new Date(s.submitted_at),
          endedAt: null,
          tasks: report.tasks,
        }}
      />
    </Layout>
  );
}
