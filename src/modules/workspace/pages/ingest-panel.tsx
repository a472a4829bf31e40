import type { ResourceVersionState } from '../../../kernel/db/schema/datastore.js';
import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { proposalOf, type ValidationReport } from '../../datastore/index.js';
import { ingestText } from './ingest.messages.js';
import { ReportView } from './ingest-report.js';
import { SchemaProposalView } from './schema-proposal.js';

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
  /** The schema it was loaded with, or the one proposed for it (state `proposed`). */
  table_schema?: TableSchema | null;
  error: { message: string; message_en?: string } | null;
  created_at: Date;
}

/** The versions of each tabular resource (newest first) and the one readers see. */
export interface IngestView {
  versions: VersionView[];
  activeVersionId: string | null;
}

export function formatBytes(size: number | null): string {
  if (size === null) return '—';
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export const isLoading = (state: ResourceVersionState | undefined) =>
  state === 'pending' || state === 'running';

/** A tabular resource's latest upload: progress while loading, its report, and all versions. */
export function IngestPanel({
  ctx,
  resourceId,
  view,
}: {
  ctx: PageContext;
  resourceId: string;
  view: IngestView;
}) {
  const t = (k: Parameters<typeof ingestText>[1], p: Record<string, string | number> = {}) =>
    ingestText(ctx.locale, k, p);
  const latest = view.versions[0] as VersionView;
  const report = latest.report as ValidationReport | null;
  const proposal = latest.state === 'proposed' ? proposalOf(latest.report) : null;
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
          <a safe href={`${ctx.path.split('#')[0]}#resources`}>
            {t('ingest.refresh')}
          </a>
        </div>
      ) : proposal && latest.table_schema ? (
        <SchemaProposalView
          ctx={ctx}
          resourceId={resourceId}
          version={latest.number}
          schema={latest.table_schema}
          proposal={proposal}
        />
      ) : (
        <ReportView ctx={ctx} version={latest} report={report} />
      )}
      <form
        method="post"
        action={`/workspace/resources/${resourceId}/upload`}
        enctype="multipart/form-data"
        class="inline"
      >
        <CsrfField ctx={ctx} />
        <label safe for={`new-version-${resourceId}`}>
          {t('ingest.newVersion')}
        </label>{' '}
        <input
          id={`new-version-${resourceId}`}
          name="upload"
          type="file"
          required
          accept=".csv,.tsv,.txt,.xlsx"
        />{' '}
        <button safe type="submit">
          {t('ingest.uploadVersion')}
        </button>
      </form>
      <details>
        <summary safe>{t('ingest.versions', { count: view.versions.length })}</summary>
        <table>
          <thead>
            <tr>
              <th safe scope="col">
                {t('ingest.version')}
              </th>
              <th safe scope="col">
                {t('ingest.file')}
              </th>
              <th safe scope="col">
                {t('ingest.state')}
              </th>
              <th safe scope="col">
                {t('ingest.rows')}
              </th>
              <th safe scope="col">
                {t('ingest.uploaded')}
              </th>
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
                <td safe>{formatDateTime(ctx.locale, v.created_at, ctx.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
