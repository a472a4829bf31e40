import type { ResourceVersionState } from '../../../kernel/db/schema/datastore.js';
import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { PackageDict } from '../../catalog/index.js';
import type { ValidationIssueGroup, ValidationReport } from '../../datastore/index.js';
import { ingestText } from './ingest.messages.js';
import { wt } from './workspace.messages.js';

/** One upload of a tabular resource, as the resource list shows it. */
export interface VersionView {
  id: string;
  number: number;
  file_name: string;
  state: ResourceVersionState;
  rows_done: number;
  bytes_done: number;
  size_bytes: number;
  row_count: number | null;
  report: unknown;
  error: { message: string; message_en?: string } | null;
  created_at: Date;
}

/** The versions of each tabular resource (newest first) and the one readers see. */
export interface IngestView {
  versions: VersionView[];
  activeVersionId: string | null;
}

/**
 * The ingest state of a dataset's resources, attached to the dict the page renders (the form
 * page passes only the dict down to this section). Set by the route before rendering.
 */
const INGEST_VIEWS = new WeakMap<PackageDict, Map<string, IngestView>>();

export function attachIngestViews(dict: PackageDict, views: Map<string, IngestView>): void {
  INGEST_VIEWS.set(dict, views);
}

export function formatBytes(size: number | null): string {
  if (size === null) return '—';
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** The resources of a dataset being edited: list, upload form, link form, delete buttons. */
export function ResourcesSection({ ctx, dict }: { ctx: PageContext; dict: PackageDict }) {
  const w = (k: Parameters<typeof wt>[1]) => wt(ctx.locale, k);
  const base = `/workspace/datasets/${dict.name}`;
  const ingest = INGEST_VIEWS.get(dict);
  const hasProgress = [...(ingest?.values() ?? [])].some((v) => isLoading(v.versions[0]?.state));
  return (
    <section>
      <h2 id="resources">{w('resources.title')}</h2>
      {dict.resources.length === 0 ? (
        <p>{w('resources.empty')}</p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr>
                <th scope="col">{w('resources.name')}</th>
                <th scope="col">{w('resources.format')}</th>
                <th scope="col">{w('resources.size')}</th>
                <th scope="col">{ctx.t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {dict.resources.map((r) => [
                <tr>
                  <td>
                    <a href={r.url} safe>
                      {r.name || r.url}
                    </a>
                  </td>
                  <td safe>{r.format}</td>
                  <td safe>{formatBytes(r.size)}</td>
                  <td>
                    <form method="post" action={`/workspace/resources/${r.id}/delete`} class="inline">
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="danger" aria-label={`${w('resources.delete')} ${r.name}`}>
                        {w('resources.delete')}
                      </button>
                    </form>
                  </td>
                </tr>,
                ingest?.get(r.id)?.versions.length ? (
                  <tr>
                    <td colspan="4">
                      <IngestPanel ctx={ctx} resourceId={r.id} view={ingest.get(r.id) as IngestView} />
                    </td>
                  </tr>
                ) : (
                  ''
                ),
              ])}
            </tbody>
          </table>
        </div>
      )}
      <h3>{w('resources.upload')}</h3>
      <form
        method="post"
        action={`${base}/resources?_csrf=${encodeURIComponent(ctx.csrfToken)}`}
        enctype="multipart/form-data"
        class="stack narrow"
      >
        <label for="res-name">{w('resources.name')}</label>
        <input id="res-name" name="name" />
        <label for="res-description">{w('resources.description')}</label>
        <input id="res-description" name="description" />
        <label for="res-file">{w('resources.file')}</label>
        <input id="res-file" name="upload" type="file" required />
        <label for="res-sheet">{ingestText(ctx.locale, 'ingest.sheet')}</label>
        <input id="res-sheet" name="sheet" />
        <button type="submit">{w('resources.add')}</button>
      </form>
      <h3>{w('resources.link')}</h3>
      <form method="post" action={`${base}/resources`} class="stack narrow">
        <CsrfField ctx={ctx} />
        <label for="link-name">{w('resources.name')}</label>
        <input id="link-name" name="name" />
        <label for="link-url">{w('resources.url')}</label>
        <input id="link-url" name="url" type="url" required />
        <label for="link-format">{w('resources.format')}</label>
        <input id="link-format" name="format" />
        <button type="submit">{w('resources.add')}</button>
      </form>
      {hasProgress ? <script src="/workspace/ingest-progress.js" defer></script> : ''}
      <h2>{w('form.delete')}</h2>
      <form method="post" action={`${base}/delete`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="danger">
          {w('form.delete')}
        </button>
      </form>
    </section>
  );
}

const isLoading = (state: ResourceVersionState | undefined) => state === 'pending' || state === 'running';

/** A tabular resource's latest upload: progress while loading, its report, and all versions. */
function IngestPanel({ ctx, resourceId, view }: { ctx: PageContext; resourceId: string; view: IngestView }) {
  const t = (k: Parameters<typeof ingestText>[1], p: Record<string, string | number> = {}) =>
    ingestText(ctx.locale, k, p);
  const latest = view.versions[0] as VersionView;
  const report = latest.report as ValidationReport | null;
  const progressText = (v: VersionView) =>
    t('ingest.progress', {
      rows: v.rows_done.toLocaleString(ctx.locale),
      done: formatBytes(v.bytes_done),
      total: formatBytes(v.size_bytes),
    });
  return (
    <div class="ingest">
      {isLoading(latest.state) ? (
        <div
          data-ingest-status={`/workspace/resources/${resourceId}/ingest-status`}
          data-ingest-template={t('ingest.progress', { rows: '{rows}', done: '{done}', total: '{total}' })}
          data-ingest-locale={ctx.locale}
        >
          <p>
            <strong
              safe
            >{`${t('ingest.version')} ${latest.number}: ${t(`ingest.state.${latest.state}`)}`}</strong>
          </p>
          <progress
            max={String(Math.max(latest.size_bytes, 1))}
            value={String(latest.bytes_done)}
            aria-label={t('ingest.progressLabel', { version: latest.number })}
          ></progress>{' '}
          <span data-ingest-text safe>
            {progressText(latest)}
          </span>{' '}
          <a href={`${ctx.path.split('#')[0]}#resources`}>{t('ingest.refresh')}</a>
        </div>
      ) : (
        <ReportView ctx={ctx} version={latest} report={report} />
      )}
      <form
        method="post"
        action={`/workspace/resources/${resourceId}/upload?_csrf=${encodeURIComponent(ctx.csrfToken)}`}
        enctype="multipart/form-data"
        class="inline"
      >
        <label for={`new-version-${resourceId}`}>{t('ingest.newVersion')}</label>{' '}
        <input
          id={`new-version-${resourceId}`}
          name="upload"
          type="file"
          required
          accept=".csv,.tsv,.txt,.xlsx"
        />{' '}
        <button type="submit">{t('ingest.uploadVersion')}</button>
      </form>
      <details>
        <summary safe>{t('ingest.versions', { count: view.versions.length })}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('ingest.version')}</th>
              <th scope="col">{t('ingest.file')}</th>
              <th scope="col">{t('ingest.state')}</th>
              <th scope="col">{t('ingest.rows')}</th>
              <th scope="col">{t('ingest.uploaded')}</th>
            </tr>
          </thead>
          <tbody>
            {view.versions.map((v) => (
              <tr>
                <td
                  safe
                >{`${v.number}${v.id === view.activeVersionId ? ` (${t('ingest.active')})` : ''}`}</td>
                <td safe>{v.file_name}</td>
                <td safe>{t(`ingest.state.${v.state}`)}</td>
                <td safe>{(v.row_count ?? v.rows_done).toLocaleString(ctx.locale)}</td>
                <td safe>{v.created_at.toISOString().slice(0, 16).replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function ReportView({
  ctx,
  version,
  report,
}: {
  ctx: PageContext;
  version: VersionView;
  report: ValidationReport | null;
}) {
  const t = (k: Parameters<typeof ingestText>[1], p: Record<string, string | number> = {}) =>
    ingestText(ctx.locale, k, p);
  const en = ctx.locale === 'en';
  const heading = t('ingest.report', { version: version.number });
  if (version.state === 'error' && !report)
    return (
      <div role="alert">
        <p>
          <strong safe>{heading}</strong>
        </p>
        <p safe>
          {(en ? version.error?.message_en : version.error?.message) ?? version.error?.message ?? ''}
        </p>
      </div>
    );
  if (!report) return '';
  return (
    <div role={report.valid ? undefined : 'alert'}>
      <p>
        <strong safe>{heading}</strong>
      </p>
      <p safe>
        {report.valid
          ? t('ingest.valid', { rows: report.row_count.toLocaleString(ctx.locale) })
          : t('ingest.invalid', { errors: report.error_count.toLocaleString(ctx.locale) })}
      </p>
      <IssueTable ctx={ctx} groups={report.errors} />
      {report.warnings.length ? (
        <>
          <p safe>{t('ingest.warnings', { count: report.warning_count })}</p>
          <IssueTable ctx={ctx} groups={report.warnings} />
        </>
      ) : (
        ''
      )}
    </div>
  );
}

function IssueTable({ ctx, groups }: { ctx: PageContext; groups: ValidationIssueGroup[] }) {
  if (groups.length === 0) return '';
  const t = (k: Parameters<typeof ingestText>[1]) => ingestText(ctx.locale, k);
  const en = ctx.locale === 'en';
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('ingest.kind')}</th>
          <th scope="col">{t('ingest.count')}</th>
          <th scope="col">{t('ingest.row')}</th>
          <th scope="col">{t('ingest.column')}</th>
          <th scope="col">{t('ingest.value')}</th>
          <th scope="col">{t('ingest.message')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.flatMap((g) =>
          (g.examples.length ? g.examples.slice(0, 5) : [null]).map((x, i) => (
            <tr>
              <td safe>{i === 0 ? (en ? g.title_en : g.title) : ''}</td>
              <td safe>{i === 0 ? g.count.toLocaleString(ctx.locale) : ''}</td>
              <td safe>{x?.row == null ? '' : String(x.row)}</td>
              <td safe>{x?.column ?? ''}</td>
              <td safe>{x?.value ?? ''}</td>
              <td safe>{x ? (en ? x.message_en : x.message) : ''}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/**
 * The live progress bar: polls each loading resource's status (session-authenticated JSON)
 * every second, updates the bar and text, and reloads the page when the load ends. Served as
 * a file because the CSP allows only same-origin scripts; without it the refresh link works.
 */
export const INGEST_PROGRESS_JS = `(() => {
  const panels = [...document.querySelectorAll('[data-ingest-status]')];
  if (!panels.length) return;
  const size = (n) => n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KB' : (n / 1048576).toFixed(1) + ' MB';
  const tick = async () => {
    let loading = 0;
    for (const el of panels) {
      try {
        const res = await fetch(el.dataset.ingestStatus, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
        if (!res.ok) continue;
        const s = await res.json();
        if (s.state === 'complete' || s.state === 'error') { location.reload(); return; }
        loading++;
        const bar = el.querySelector('progress');
        if (bar) { bar.max = Math.max(s.bytes_total, 1); bar.value = s.bytes_done; }
        const text = el.querySelector('[data-ingest-text]');
        if (text) text.textContent = el.dataset.ingestTemplate
          .replace('{rows}', Number(s.rows_done).toLocaleString(el.dataset.ingestLocale))
          .replace('{done}', size(s.bytes_done)).replace('{total}', size(s.bytes_total));
      } catch { loading++; }
    }
    if (loading) setTimeout(tick, 1000);
  };
  setTimeout(tick, 1000);
})();
`;
