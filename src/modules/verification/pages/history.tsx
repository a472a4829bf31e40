import type { PageContext } from '../../../kernel/http/page-context.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import { formatDateTime, pick } from '../../../kernel/i18n/i18n.js';
import { wm } from '../../workflows/index.js';
import type { HistoryInstance, HistoryTask } from '../history.js';
import { SDI_CHECKLIST } from '../submissions.js';
import { fieldLabel } from './metadata-fields.js';

/** A checklist item by its label (a key no longer listed is shown as "other item", not raw). */
function checklistLabel(locale: Locale, key: string): string {
  const item = SDI_CHECKLIST.find((c) => c.key === key);
  return item ? pick(locale, item) : wm(locale, 'history.otherItem');
}

export function taskNotes(locale: Locale, t: HistoryTask): string[] {
  const out: string[] = [];
  // A skip or a reroute is said in the reader's language (rows written before kept a mixed note).
  if (t.outcome === 'skipped') out.push(wm(locale, 'history.skippedNotPriority'));
  else if (t.outcome === 'rerouted' && t.detail.reason === 'priority')
    out.push(wm(locale, 'history.reroutedPriority'));
  else if (t.note) out.push(t.note);
  const checked = (t.detail.checklist ?? []).filter((c) => c.met === true);
  if (checked.length > 0)
    out.push(
      `${wm(locale, 'history.checked')}: ${checked.map((c) => checklistLabel(locale, c.key)).join(', ')}`,
    );
  for (const c of t.detail.checklist ?? [])
    if (c.note) out.push(`${checklistLabel(locale, c.key)}: ${c.note}`);
  for (const f of t.detail.fields ?? []) out.push(`${fieldLabel(locale, f.field)}: ${f.note}`);
  for (const c of t.detail.cells ?? [])
    out.push(
      `${c.resource ? `${c.resource} ` : ''}${wm(locale, 'sub.cell', { row: c.row, column: c.column })}: ${c.note}`,
    );
  if (t.detail.recommendation)
    out.push(
      wm(locale, 'sub.recommendation', {
        number: t.detail.recommendation.number,
        date: t.detail.recommendation.date,
      }),
    );
  return out;
}

export function outcomeText(locale: Locale, t: HistoryTask): string {
  if (t.state === 'open') return wm(locale, 'history.open');
  if (t.outcome === 'skipped') return wm(locale, 'history.skipped');
  if (t.outcome === 'rerouted') return wm(locale, 'history.rerouted');
  return t.outcomeLabel ? pick(locale, t.outcomeLabel) : (t.outcome ?? '');
}

/** The table of one instance's steps: actor, times, decision, working time against the standard, notes. */
export function HistoryTable({
  ctx,
  instance,
  caption = true,
}: {
  ctx: Pick<PageContext, 'locale' | 'timeZone'>;
  instance: HistoryInstance;
  caption?: boolean;
}) {
  const w = (k: Parameters<typeof wm>[1], p?: Record<string, string | number>) => wm(ctx.locale, k, p);
  return (
    <div class="table-wrap" tabindex="0">
      <table>
        {caption ? (
          <caption safe>
            {w('history.definition', {
              title: pick(ctx.locale, instance.title),
              version: instance.definitionVersion,
            })}
          </caption>
        ) : (
          ''
        )}
        <thead>
          <tr>
            <th safe scope="col">
              {w('history.step')}
            </th>
            <th safe scope="col">
              {w('history.actor')}
            </th>
            <th safe scope="col">
              {w('history.opened')}
            </th>
            <th safe scope="col">
              {w('history.closed')}
            </th>
            <th safe scope="col">
              {w('history.outcome')}
            </th>
            <th safe scope="col">
              {w('history.working')}
            </th>
            <th safe scope="col">
              {w('history.notes')}
            </th>
          </tr>
        </thead>
        <tbody>
          {instance.tasks.map((t) => (
            <tr>
              <td safe>{pick(ctx.locale, t.title)}</td>
              <td safe>
                {t.closedByName
                  ? `${t.closedByName} (${pick(ctx.locale, t.actorLabel)})`
                  : pick(ctx.locale, t.actorLabel)}
              </td>
              <td safe>{formatDateTime(ctx.locale, t.openedAt, ctx.timeZone)}</td>
              <td safe>{t.closedAt === null ? '—' : formatDateTime(ctx.locale, t.closedAt, ctx.timeZone)}</td>
              <td safe>{outcomeText(ctx.locale, t)}</td>
              <td safe>
                {[
                  t.workingMinutes === null ? '' : w('history.minutes', { n: Math.round(t.workingMinutes) }),
                  t.standard ? `${w('history.standard')}: ${t.standard}` : '',
                  t.late ? w('history.late') : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </td>
              <td>
                {taskNotes(ctx.locale, t).map((n) => (
                  <p safe>{n}</p>
                ))}
                {t.attachmentName ? (
                  <p>
                    <a href={`/tugas/${t.id}/attachment`} safe>
                      {t.attachmentName}
                    </a>
                  </p>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The staff-only workflow history section of the dataset page, from the instances
 * loadWorkflowHistory gave the page (empty when null: not staff, or no workflow yet).
 */
export function WorkflowHistory({
  ctx,
  instances,
}: {
  ctx: Pick<PageContext, 'locale' | 'timeZone'>;
  instances: HistoryInstance[] | null;
}) {
  if (!instances || instances.length === 0) return '';
  return (
    <section aria-labelledby="workflow-history-title">
      <h2 safe id="workflow-history-title">
        {wm(ctx.locale, 'history.title')}
      </h2>
      {instances.map((i) => (
        <HistoryTable ctx={ctx} instance={i} />
      ))}
    </section>
  );
}
