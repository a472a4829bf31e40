import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime, pick } from '../../../kernel/i18n/i18n.js';
import type { readableRuns } from '../run-history.js';
import { rm } from './run.messages.js';

/** GET /tugas/runs — the runs the actor may read, each linking to its history. */
export function RunListPage({
  ctx,
  runs,
}: {
  ctx: PageContext;
  runs: Awaited<ReturnType<typeof readableRuns>>;
}) {
  const r = (k: Parameters<typeof rm>[1]) => rm(ctx.locale, k);
  return (
    <Layout ctx={ctx} title={r('history.runs')}>
      <h1 safe>{r('history.runs')}</h1>
      <p safe>{r('history.runsLead')}</p>
      {runs.length === 0 ? (
        <p safe>{r('history.empty')}</p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table id="runs">
            <thead>
              <tr>
                <th scope="col" safe>
                  {r('history.subject')}
                </th>
                <th scope="col" safe>
                  {r('history.definition')}
                </th>
                <th scope="col" safe>
                  {r('history.state')}
                </th>
                <th scope="col" safe>
                  {r('history.started')}
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr data-run={run.id}>
                  <td>
                    <a safe href={`/tugas/runs/${run.id}`}>
                      {run.title}
                    </a>
                  </td>
                  <td safe>{pick(ctx.locale, run.definition)}</td>
                  <td safe>{r(`history.${run.state}` as Parameters<typeof rm>[1])}</td>
                  <td safe>{formatDateTime(ctx.locale, run.startedAt, ctx.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
