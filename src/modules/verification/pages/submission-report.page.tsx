import type { DatasetSubmission } from '../../../kernel/db/schema/workflow-runs.js';
import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime, pick } from '../../../kernel/i18n/i18n.js';
import type { VerificationReport } from '../report.js';
import { HistoryTable } from './history.js';
import { stateLabel, wOf } from './submission-view.js';

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
      >{`${report.dataset.agency} · #${s.number} · ${formatDateTime(ctx.locale, s.submitted_at, ctx.timeZone)} · ${s.submitted_by_name} · ${stateLabel(w, s.state)}`}</p>
      {s.recommendation_number ? (
        <p safe>
          {w('sub.recommendation', { number: s.recommendation_number, date: s.recommendation_date ?? '' })}
        </p>
      ) : (
        ''
      )}
      <h2 safe>{w('sub.checklist')}</h2>
      <ul id="report-checklist">
        {report.checklist.map((c) => (
          <li safe>
            {`${pick(ctx.locale, c)}: ${c.met === null ? w('sub.unchecked') : c.met ? w('sub.met') : w('sub.notMet')}${c.note ? ` — ${c.note}` : ''}`}
          </li>
        ))}
      </ul>
      <h2 safe>{w('sub.resources')}</h2>
      <ul>
        {s.resources.map((r) => (
          <li safe>{`${r.name} (${r.format})${r.hash ? ` · ${r.hash}` : ''}`}</li>
        ))}
      </ul>
      <h2 safe>{w('history.title')}</h2>
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
