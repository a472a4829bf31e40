import type { findAuditEntries } from '../../../kernel/actions/audit.repository.js';
import { labelErrors } from '../../../kernel/http/admin-form.js';
import { FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import { actionLabel, subjectTypeLabel } from './audit-labels.js';

export type AuditRow = Awaited<ReturnType<typeof findAuditEntries>>[number];

/** The filter as typed in the URL: every field a string, '' when unused. */
export interface AuditQuery {
  action: string;
  actor: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
}

export interface AuditView {
  query: AuditQuery;
  actions: string[];
  entries: AuditRow[];
  /** `type:id` → the subject's name, where it still exists. */
  subjectNames?: Map<string, string>;
  /** Link to the next (older) page, when there is one. */
  olderHref?: string | undefined;
  errors?: Record<string, string[]> | undefined;
}

/**
 * A summary as "key: value · key: value" (the driver gives an object; tolerate a string); an
 * empty one is a dash, never `{}` (issue #17 item 9).
 */
export function summaryText(summary: unknown): string {
  if (typeof summary === 'string') return summary === '' || summary === '{}' ? '—' : summary;
  if (summary === null || summary === undefined) return '—';
  if (typeof summary !== 'object') return String(summary);
  const entries = Object.entries(summary as Record<string, unknown>).filter(
    ([, v]) => v !== null && v !== undefined && v !== '',
  );
  if (entries.length === 0) return '—';
  return entries
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

/**
 * What the row is about: its type and name in words; the id only inside the link that filters
 * the log to this subject's history (issue #17 item 9: no UUID where a person reads).
 */
function SubjectCell({ ctx, row, name }: { ctx: PageContext; row: AuditRow; name: string | undefined }) {
  const type = subjectTypeLabel(row.subject_type, ctx.locale);
  const history = row.subject_id
    ? `/admin/audit?${new URLSearchParams({ subjectType: row.subject_type, subjectId: row.subject_id })}`
    : undefined;
  return (
    <>
      <span safe>{name ? `${type}: ${name}` : type}</span>
      {history ? (
        <>
          {' '}
          <a href={history} safe>
            {ctx.t('audit.history')}
          </a>
        </>
      ) : (
        ''
      )}
    </>
  );
}

/** The filter form: GET, so a filtered view is a link that can be shared. */
function AuditFilter({ ctx, view }: { ctx: PageContext; view: AuditView }) {
  const t = ctx.t;
  const q = view.query;
  const text = (id: keyof AuditQuery, label: string, type = 'text') => (
    <div class="stack">
      <label safe for={`f-${id}`}>
        {label}
      </label>
      <input
        id={`f-${id}`}
        name={id}
        type={type}
        value={q[id]}
        maxlength={type === 'text' ? '200' : undefined}
      />
    </div>
  );
  return (
    <form method="get" action="/admin/audit" class="row">
      <div class="stack">
        <label safe for="f-action">
          {t('audit.action')}
        </label>
        <select id="f-action" name="action">
          <option safe value="" selected={q.action === ''}>
            {t('audit.allActions')}
          </option>
          {view.actions.map((a) => (
            <option value={a} selected={q.action === a} safe>
              {actionLabel(a, ctx.locale)}
            </option>
          ))}
        </select>
      </div>
      {text('actor', t('audit.actor'))}
      {text('subjectType', t('admin.audit.subjectType'))}
      {text('subjectId', t('admin.audit.subjectId'))}
      {text('from', t('audit.from'), 'date')}
      {text('to', t('audit.to'), 'date')}
      <button safe type="submit">
        {t('common.filter')}
      </button>
      <a safe href="/admin/audit">
        {t('admin.audit.reset')}
      </a>
    </form>
  );
}

/** The audit log, newest first, 50 at a time. Read-only: nothing here changes a row. */
export function AuditPage({ ctx, view }: { ctx: PageContext; view: AuditView }) {
  const t = ctx.t;
  const errors = labelErrors(view.errors, {
    from: t('audit.from'),
    to: t('audit.to'),
    before: t('audit.older'),
  });
  return (
    <Layout ctx={ctx} title={t('audit.title')}>
      <h1 safe>{t('audit.title')}</h1>
      <p safe>{t('audit.lead')}</p>
      <FormErrors ctx={ctx} errors={errors} />
      <AuditFilter ctx={ctx} view={view} />
      {view.entries.length === 0 ? (
        <p safe>{t('audit.empty')}</p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr>
                <th safe scope="col">
                  {t('audit.at')}
                </th>
                <th safe scope="col">
                  {t('audit.actor')}
                </th>
                <th safe scope="col">
                  {t('audit.action')}
                </th>
                <th safe scope="col">
                  {t('audit.subject')}
                </th>
                <th safe scope="col">
                  {t('audit.summary')}
                </th>
                <th safe scope="col">
                  {t('audit.request')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.entries.map((e) => (
                <tr>
                  <td safe>{formatDateTime(ctx.locale, e.at, ctx.timeZone)}</td>
                  <td safe>{e.actor_name}</td>
                  <td>
                    <span safe title={e.action}>
                      {actionLabel(e.action, ctx.locale)}
                    </span>
                  </td>
                  <td>
                    <SubjectCell
                      ctx={ctx}
                      row={e}
                      name={view.subjectNames?.get(`${e.subject_type}:${e.subject_id}`)}
                    />
                  </td>
                  <td>
                    <code safe>{summaryText(e.summary)}</code>
                  </td>
                  <td>
                    {/* The request id traces the row into the server's log; an id, so not in the text. */}
                    <small safe title={e.request_id ?? undefined}>
                      {e.ip ?? '—'}
                    </small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.olderHref ? (
        <p>
          <a safe href={view.olderHref}>
            {t('audit.older')}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
