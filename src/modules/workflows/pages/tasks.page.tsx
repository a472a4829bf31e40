import type { Notification } from '../../../kernel/db/schema/workflow-runs.js';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime, pick } from '../../../kernel/i18n/i18n.js';
import type { InboxEntry } from '../inbox.js';
import type { ChoiceOptions } from '../task-form-options.js';
import { ProcessStartForm } from './process-start-form.js';
import { ProcessTime } from './process-time.js';
import { TaskForm, type TypedValues } from './task-form.js';
import { wm } from './workflow.messages.js';

type W = (k: Parameters<typeof wm>[1], p?: Record<string, string | number>) => string;

/** Where an entry's work is done: the feature page of a dataset step, or the task's own form. */
export function entryHref(e: InboxEntry): string {
  if (e.decidedAt) return e.decidedAt.href;
  if (e.step.feature === 'dataset_submit' && e.subject.name)
    return `/workspace/datasets/${encodeURIComponent(e.subject.name)}/submit`;
  if (e.step.feature && e.submissionId) return `/workspace/submissions/${e.submissionId}`;
  // A data-list cycle's planning step opens its planning screen (issue #13).
  if (e.step.planning) return `/workspace/daftar-data/tugas/${e.taskId}`;
  return `/tugas/${e.taskId}`;
}

function DueCell({ ctx, e, w }: { ctx: PageContext; e: InboxEntry; w: W }) {
  return (
    <td>
      <span safe>{e.dueAt ? formatDateTime(ctx.locale, e.dueAt, ctx.timeZone) : w('tasks.noDue')}</span>{' '}
      {e.overdue ? (
        <strong safe class="badge overdue">
          {w('tasks.overdue')}
        </strong>
      ) : e.dueAt ? (
        <span safe class="badge">
          {w('tasks.onTime')}
        </span>
      ) : (
        ''
      )}
    </td>
  );
}

/** GET /tugas — "Tugas saya": the actor's open tasks, then notifications. */
export function TasksPage({
  ctx,
  entries,
  notifications,
  errors,
  options,
  typed,
}: {
  ctx: PageContext;
  entries: InboxEntry[];
  notifications: Notification[];
  errors?: Record<string, string[]> | undefined;
  options: ChoiceOptions;
  typed?: TypedValues | undefined;
}) {
  const w: W = (k, p) => wm(ctx.locale, k, p);
  const unread = notifications.filter((n) => !n.read_at).length;
  return (
    <Layout ctx={ctx} title={w('tasks.title')}>
      <h1 safe>{w('tasks.title')}</h1>
      <p safe>{w('tasks.lead')}</p>
      <p>
        <a safe href="/workspace/submissions">
          {w('tasks.submissions')}
        </a>
      </p>
      <FormErrors ctx={ctx} errors={errors} />
      <ProcessStartForm ctx={ctx} />
      {entries.length === 0 ? (
        <p safe id="tasks-empty">
          {w('tasks.empty')}
        </p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table id="tasks">
            <thead>
              <tr>
                <th safe scope="col">
                  {w('tasks.subject')}
                </th>
                <th safe scope="col">
                  {w('tasks.step')}
                </th>
                <th safe scope="col">
                  {w('tasks.due')}
                </th>
                <th safe scope="col">
                  {w('tasks.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr data-step={e.step.id} data-feature={e.step.feature ?? ''} data-task={e.taskId}>
                  <td>
                    <span safe>{e.subject.title}</span>
                    {e.subject.agency ? <small safe>{` · ${e.subject.agency}`}</small> : ''}
                  </td>
                  <td>
                    <span safe>{pick(ctx.locale, e.step.title)}</span>
                    <br />
                    <small safe>{pick(ctx.locale, e.definition.title)}</small>
                    <ProcessTime ctx={ctx} report={e.processTime} />
                  </td>
                  <DueCell ctx={ctx} e={e} w={w} />
                  <td>
                    {e.step.feature || e.decidedAt ? (
                      <a safe class="button" href={entryHref(e)}>
                        {e.step.feature === 'dataset_submit' ? w('tasks.submit') : w('tasks.open')}
                      </a>
                    ) : (
                      <>
                        {e.step.planning ? (
                          <p>
                            <a safe class="button" href={entryHref(e)} data-planning={e.step.planning}>
                              {w('tasks.open')}
                            </a>
                          </p>
                        ) : (
                          ''
                        )}
                        <TaskForm ctx={ctx} e={e} options={options} typed={typed} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="notifications-title">
        <h2 safe id="notifications-title">
          {w('notifications.title')}
        </h2>
        {notifications.length === 0 ? (
          <p safe>{w('notifications.empty')}</p>
        ) : (
          <>
            <ul id="notifications">
              {notifications.map((n) => (
                <li>
                  <a href={n.link} safe>
                    {ctx.locale === 'en' ? n.title_en : n.title}
                  </a>{' '}
                  <small safe>{formatDateTime(ctx.locale, n.created_at, ctx.timeZone)}</small>{' '}
                  {n.read_at ? '' : <strong safe>{w('notifications.new')}</strong>}
                </li>
              ))}
            </ul>
            {unread > 0 ? (
              <form method="post" action="/tugas/notifications/read">
                <CsrfField ctx={ctx} />
                <button safe type="submit">
                  {w('notifications.markRead')}
                </button>
              </form>
            ) : (
              ''
            )}
          </>
        )}
      </section>
    </Layout>
  );
}
