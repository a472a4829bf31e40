import { escapeHtml } from '@kitajs/html';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import { stateLabel, wOf } from './submission-view.js';

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
  if (rows.length === 0) return <p safe>{w('sub.none')}</p>;
  return (
    <div class="table-wrap" tabindex="0">
      <table id={id}>
        <thead>
          <tr>
            {selectable ? <th scope="col">✓</th> : ''}
            <th safe scope="col">
              {w('sub.dataset')}
            </th>
            <th safe scope="col">
              {w('sub.agency')}
            </th>
            <th safe scope="col">
              {w('sub.number')}
            </th>
            <th safe scope="col">
              {w('sub.submittedAt')}
            </th>
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
                {r.priority ? <strong safe>{` · ${w('sub.priority')}`}</strong> : ''}
              </td>
              <td safe>{r.agency}</td>
              <td safe>#{String(r.number)}</td>
              <td
                safe
              >{`${formatDateTime(ctx.locale, r.submitted_at, ctx.timeZone)} · ${r.submitted_by_name}`}</td>
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
  /** The actor submits data (a producer); others see the statuses only. */
  maySubmit: boolean;
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
      <h1 safe>{w('sub.listTitle')}</h1>
      <p safe>{w('sub.listLead')}</p>
      <FormErrors
        ctx={ctx}
        errors={errors}
        labels={{
          checklist_confirmed: w('sub.checklist'),
          note: w('sub.bulkNote'),
          ids: w('sub.waitingVerify'),
        }}
      />
      {view.own ? (
        <section aria-labelledby="own-title">
          <h2 safe id="own-title">
            {w('sub.myDatasets')}
          </h2>
          {view.own.length === 0 ? (
            <p safe>{w('sub.none')}</p>
          ) : (
            <div class="table-wrap" tabindex="0">
              <table id="own-datasets">
                <thead>
                  <tr>
                    <th safe scope="col">
                      {w('sub.dataset')}
                    </th>
                    <th safe scope="col">
                      {w('sub.agency')}
                    </th>
                    <th safe scope="col">
                      {w('sub.state')}
                    </th>
                    {view.maySubmit ? (
                      <th safe scope="col">
                        {w('tasks.actions')}
                      </th>
                    ) : (
                      ''
                    )}
                  </tr>
                </thead>
                <tbody>
                  {view.own.map((d) => (
                    <tr data-dataset={d.name}>
                      <td safe>{d.title}</td>
                      <td safe>{d.agency}</td>
                      <td>
                        {d.submission_id ? (
                          <a href={`/workspace/submissions/${d.submission_id}`} safe>
                            {`#${d.number} · ${stateLabel(w, d.state ?? '')}`}
                          </a>
                        ) : (
                          '—'
                        )}
                      </td>
                      {view.maySubmit ? (
                        <td>
                          {!d.state || d.state === 'returned' || d.state === 'published' ? (
                            <a
                              safe
                              class="button"
                              href={`/workspace/datasets/${encodeURIComponent(d.name)}/submit`}
                            >
                              {w('tasks.submit')}
                            </a>
                          ) : (
                            ''
                          )}
                        </td>
                      ) : (
                        ''
                      )}
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
          <h2 safe id="verify-title">
            {w('sub.waitingVerify')}
          </h2>
          {view.toVerify.length === 0 ? (
            <p safe>{w('sub.none')}</p>
          ) : (
            <form method="post" action="/workspace/submissions/verify-many" class="stack">
              <CsrfField ctx={ctx} />
              <QueueTable ctx={ctx} rows={view.toVerify} id="to-verify" selectable />
              <label safe for="bulk-note">
                {w('sub.bulkNote')}
              </label>
              <textarea id="bulk-note" name="note" rows="2"></textarea>
              <label>
                <input type="checkbox" name="checklist_confirmed" value="yes" />{' '}
                {escapeHtml(w('sub.bulkChecklist'))}
              </label>
              <p>
                <button safe type="submit">
                  {w('sub.bulkApprove')}
                </button>
              </p>
            </form>
          )}
        </section>
      ) : (
        ''
      )}
      {view.toReview ? (
        <section aria-labelledby="review-title">
          <h2 safe id="review-title">
            {w('sub.waitingReview')}
          </h2>
          <QueueTable ctx={ctx} rows={view.toReview} id="to-review" />
        </section>
      ) : (
        ''
      )}
      {view.toPublish ? (
        <section aria-labelledby="publish-title">
          <h2 safe id="publish-title">
            {w('sub.waitingPublish')}
          </h2>
          <QueueTable ctx={ctx} rows={view.toPublish} id="to-publish" />
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** GET /workspace/datasets/:name/submit */
