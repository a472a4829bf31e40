import { escapeHtml } from '@kitajs/html';
import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { pick } from '../../../kernel/i18n/i18n.js';
import type { PreviewData, ValidationReport } from '../../datastore/index.js';
import type { Conformity } from '../../metadata/index.js';
import type { wm } from '../../workflows/index.js';
import type { SubmissionDiff } from '../diff.js';
import type { HistoryInstance } from '../history.js';
import type { VerificationReport } from '../report.js';
import type { ReturnNotes } from '../return-notes.js';
import { SDI_CHECKLIST } from '../submissions.js';
import { CHECKLIST_SOURCES, show, wOf } from './submission-view.js';

/** Parts of the verification page: what changed, the validation report, the checklist form. */
export function DiffSection({
  ctx,
  diff,
  previous,
}: {
  ctx: PageContext;
  diff: SubmissionDiff;
  previous: number;
}) {
  const w = wOf(ctx);
  const changedResources = diff.resources.filter((r) => r.change !== 'unchanged');
  return (
    <section aria-labelledby="diff-title" id="diff">
      <h2 safe id="diff-title">
        {w('sub.diff', { n: previous })}
      </h2>
      {diff.metadata.length === 0 && changedResources.length === 0 ? <p safe>{w('sub.diffNone')}</p> : ''}
      {diff.metadata.length > 0 ? (
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr>
                <th safe scope="col">
                  {w('sub.field')}
                </th>
                <th safe scope="col">
                  {w('sub.from')}
                </th>
                <th safe scope="col">
                  {w('sub.to')}
                </th>
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
          {r.compared === 'file' && r.change === 'changed' ? <p safe>{w('sub.fileChanged')}</p> : ''}
          {r.rowsAdded ? <p safe>{w('sub.rowsAdded', { n: r.rowsAdded })}</p> : ''}
          {r.rowsRemoved ? <p safe>{w('sub.rowsRemoved', { n: r.rowsRemoved })}</p> : ''}
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
export function ValidationReportView({ ctx, report }: { ctx: PageContext; report: ValidationReport | null }) {
  const w = wOf(ctx);
  if (!report) return <p safe>{w('sub.noReport')}</p>;
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
  /** The notes this submission was returned with (shown beside their fields). */
  returnNotes: ReturnNotes | null;
  /** Previews of the dataset's loaded tables (what the submission sent, as loaded). */
  previews: PreviewData[];
  waitingFor: string | null;
  mayVerify: boolean;
  /** May mark the dataset as priority data (the custodian). */
  maySetPriority: boolean;
  mayReview: boolean;
  mayPublish: boolean;
  /** Will the supervisor (BPS) review this submission after approval, and why (shown before approval). */
  review: { runs: boolean; reason: 'priority' | 'preset' | 'not_priority' | 'no_step' } | null;
  /** What the reader typed into a refused verify form (kept). */
  typed?: Record<string, unknown> | undefined;
}

export function ChecklistForm({ ctx, view }: { ctx: PageContext; view: SubmissionPageView }) {
  const w = wOf(ctx);
  const s = view.report.submission;
  const typed = (k: string) => (typeof view.typed?.[k] === 'string' ? String(view.typed[k]) : '');
  return (
    <form method="post" action={`/workspace/submissions/${s.id}/verify`} class="stack" id="verify-form">
      <CsrfField ctx={ctx} />
      {view.review ? (
        <p safe id="review-plan" class={view.review.runs ? 'notice' : undefined}>
          {w(`sub.reviewPlan.${view.review.reason}`)}
        </p>
      ) : (
        ''
      )}
      <fieldset>
        <legend safe>{w('sub.checklist')}</legend>
        <p safe class="hint">
          {w('sub.checklistRequired')}
        </p>
        {view.conformity ? <p safe>{w('sub.conformityScore', { score: view.conformity.score })}</p> : ''}
        {SDI_CHECKLIST.map((c) => {
          const hints = (view.conformity?.checks ?? []).filter(
            (x) => x.applicable && CHECKLIST_SOURCES[c.key].includes(x.key),
          );
          return (
            <div class="checklist-item">
              <p>
                <strong safe>{pick(ctx.locale, c)}</strong>
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
                <input
                  type="radio"
                  name={`met_${c.key}`}
                  value="yes"
                  checked={typed(`met_${c.key}`) === 'yes'}
                />{' '}
                {escapeHtml(w('sub.met'))}
              </label>{' '}
              <label>
                <input
                  type="radio"
                  name={`met_${c.key}`}
                  value="no"
                  checked={typed(`met_${c.key}`) === 'no'}
                />{' '}
                {escapeHtml(w('sub.notMet'))}
              </label>{' '}
              <label>
                <input
                  type="radio"
                  name={`met_${c.key}`}
                  value=""
                  checked={!['yes', 'no'].includes(typed(`met_${c.key}`))}
                />{' '}
                {escapeHtml(w('sub.unchecked'))}
              </label>
              <br />
              <label safe for={`note_${c.key}`}>
                {w('sub.itemNote', { item: pick(ctx.locale, c) })}
              </label>
              <input type="text" id={`note_${c.key}`} name={`note_${c.key}`} value={typed(`note_${c.key}`)} />
            </div>
          );
        })}
      </fieldset>
      <label safe for="cell-notes">
        {w('sub.cellNotes')}
      </label>
      <textarea id="cell-notes" name="cells" rows="3" aria-describedby="cell-help" safe>
        {typed('cells')}
      </textarea>
      <small safe id="cell-help">
        {w('sub.cellHelp')}
      </small>
      <label safe for="verify-note">
        {w('sub.note')}
      </label>
      <textarea id="verify-note" name="note" rows="3" safe>
        {typed('note')}
      </textarea>
      <p>
        <button safe type="submit" name="outcome" value="approve">
          {w('sub.approve')}
        </button>{' '}
        <button safe type="submit" name="outcome" value="return">
          {w('sub.return')}
        </button>
      </p>
    </form>
  );
}
