import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import type { CatalogPageContext } from '../../catalog/index.js';
import { DatastorePreviewSection, type ValidationReport } from '../../datastore/index.js';
import { HistoryTable } from './history.js';
import { MetadataTable, ReturnNotesPanel } from './return-notes.js';
import {
  ChecklistForm,
  DiffSection,
  type SubmissionPageView,
  ValidationReportView,
} from './submission-sections.js';
import { stateLabel, wOf } from './submission-view.js';
import { vt } from './verification.messages.js';

/** GET /workspace/submissions/:id — the verification page. */
export function SubmissionPage({
  ctx,
  view,
  errors,
}: {
  ctx: CatalogPageContext;
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
        >{`${dataset.agency} · ${stateLabel(w, s.state)} · ${formatDateTime(ctx.locale, s.submitted_at, ctx.timeZone)} · ${s.submitted_by_name}`}</span>
        {dataset.priority ? <strong safe>{` · ${w('sub.priority')}`}</strong> : ''}
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
        <a safe href={`/workspace/submissions/${s.id}/report`}>
          {w('sub.reportHtml')}
        </a>{' '}
        ·{' '}
        <a safe href={`/workspace/submissions/${s.id}/report.pdf`}>
          {w('sub.reportPdf')}
        </a>{' '}
        ·{' '}
        <a href={`/dataset/${encodeURIComponent(dataset.name)}`} safe>
          {dataset.title}
        </a>
      </p>
      <FormErrors
        ctx={ctx}
        errors={errors}
        labels={{
          checklist: w('sub.checklist'),
          note: w('sub.note'),
          recommendation_number: w('sub.recNumber'),
          recommendation_date: w('sub.recDate'),
          cells: w('sub.cellNotes'),
          fields: w('sub.metadata'),
        }}
      />
      {view.returnNotes ? <ReturnNotesPanel ctx={ctx} notes={view.returnNotes} /> : ''}
      <section aria-labelledby="resources-title">
        <h2 safe id="resources-title">
          {w('sub.resources')}
        </h2>
        {s.resources.length === 0 ? <p safe>{w('sub.none')}</p> : ''}
        {s.resources.map((r) => (
          <div>
            <h3 safe>{`${r.name || r.url} (${r.format})`}</h3>
            <p safe>
              {[
                r.row_count === null
                  ? ''
                  : vt(ctx.locale, 'rows', { rows: r.row_count.toLocaleString(ctx.locale) }),
                r.size === null ? '' : `${r.size.toLocaleString(ctx.locale)} B`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <h4 safe>{w('sub.report')}</h4>
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
        <h2 safe id="metadata-title">
          {w('sub.metadata')}
        </h2>
        <MetadataTable
          ctx={ctx}
          metadata={s.metadata}
          notes={view.returnNotes}
          {...(view.mayVerify ? { noteInputs: 'verify-form', typed: view.typed } : {})}
        />
      </section>
      <DatastorePreviewSection ctx={ctx} previews={view.previews} datasetName={dataset.name} />
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
          <button safe type="submit">
            {dataset.priority ? w('sub.priorityOff') : w('sub.priorityOn')}
          </button>
        </form>
      ) : (
        ''
      )}
      {view.mayVerify ? (
        <section aria-labelledby="verify-title">
          <h2 safe id="verify-title">
            {w('sub.checklist')}
          </h2>
          <ChecklistForm ctx={ctx} view={view} />
        </section>
      ) : (
        ''
      )}
      {view.mayReview ? (
        <section aria-labelledby="review-title">
          <h2 safe id="review-title">
            {w('sub.reviewTitle')}
          </h2>
          <form method="post" action={`/workspace/submissions/${s.id}/review`} class="stack" id="review-form">
            <CsrfField ctx={ctx} />
            <label safe for="rec-number">
              {w('sub.recNumber')}
            </label>
            <input type="text" id="rec-number" name="recommendation_number" />
            <label safe for="rec-date">
              {w('sub.recDate')}
            </label>
            <input type="date" id="rec-date" name="recommendation_date" />
            <label safe for="review-note">
              {w('sub.note')}
            </label>
            <textarea id="review-note" name="note" rows="3"></textarea>
            <p>
              <button safe type="submit" name="outcome" value="approve">
                {w('sub.recommend')}
              </button>{' '}
              <button safe type="submit" name="outcome" value="return">
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
          <h2 safe id="publish-title">
            {w('sub.publishTitle')}
          </h2>
          <form
            method="post"
            action={`/workspace/submissions/${s.id}/publish`}
            class="stack"
            id="publish-form"
          >
            <CsrfField ctx={ctx} />
            <label safe for="publish-note">
              {w('sub.note')}
            </label>
            <textarea id="publish-note" name="note" rows="2"></textarea>
            <p>
              <button safe type="submit">
                {w('sub.publish')}
              </button>
            </p>
          </form>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="history-title">
        <h2 safe id="history-title">
          {w('history.title')}
        </h2>
        {view.history.map((i) => (
          <HistoryTable ctx={ctx} instance={i} />
        ))}
      </section>
    </Layout>
  );
}
