import type { PageContext } from '../../../kernel/http/page-context.js';
import type { ValidationIssueGroup, ValidationReport } from '../../datastore/index.js';
import { ingestText } from './ingest.messages.js';
import type { VersionView } from './ingest-panel.js';

/** The validation report of one upload: valid or its errors and warnings, or the load's error. */
export function ReportView({
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

/** Validation issues by kind, with up to five examples each (row, column, value, message). */
function IssueTable({ ctx, groups }: { ctx: PageContext; groups: ValidationIssueGroup[] }) {
  if (groups.length === 0) return '';
  const t = (k: Parameters<typeof ingestText>[1]) => ingestText(ctx.locale, k);
  const en = ctx.locale === 'en';
  return (
    <table>
      <thead>
        <tr>
          <th safe scope="col">
            {t('ingest.kind')}
          </th>
          <th safe scope="col">
            {t('ingest.count')}
          </th>
          <th safe scope="col">
            {t('ingest.row')}
          </th>
          <th safe scope="col">
            {t('ingest.column')}
          </th>
          <th safe scope="col">
            {t('ingest.value')}
          </th>
          <th safe scope="col">
            {t('ingest.message')}
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.flatMap((g) =>
          (g.examples.length ? g.examples.slice(0, 5) : [null]).map((x, i) => (
            <tr>
              <td safe>{i === 0 && (en ? g.title_en : g.title)}</td>
              <td safe>{i === 0 && g.count.toLocaleString(ctx.locale)}</td>
              <td safe>{x?.row == null ? '' : String(x.row)}</td>
              <td safe>{x?.column ?? ''}</td>
              <td safe>{x?.value ?? ''}</td>
              <td safe>{x && (en ? x.message_en : x.message)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
