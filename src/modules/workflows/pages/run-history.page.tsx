import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime, pick } from '../../../kernel/i18n/i18n.js';
import type { ProcessTimeReport } from '../domain/process-time.js';
import { POSITION_LABELS } from '../domain/routing.js';
import type { RunHistory } from '../run-history.js';
import { ProcessTime } from './process-time.js';
import { rm } from './run.messages.js';

type R = (k: Parameters<typeof rm>[1], p?: Record<string, string | number>) => string;

function When({ ctx, at }: { ctx: PageContext; at: Date | null }) {
  return at ? (
    <time datetime={at.toISOString()} safe>
      {formatDateTime(ctx.locale, at, ctx.timeZone)}
    </time>
  ) : (
    ''
  );
}

function ParafChain({ ctx, h, r }: { ctx: PageContext; h: RunHistory; r: R }) {
  return (
    <section aria-labelledby="paraf-title">
      <h2 safe id="paraf-title">
        {r('history.paraf')}
      </h2>
      {h.paraf.length === 0 ? (
        <p safe>{r('history.parafEmpty')}</p>
      ) : (
        <ol id="paraf">
          {h.paraf.map((p) => (
            <li safe>
              {`${p.name}${p.position && p.position in POSITION_LABELS ? ` (${pick(ctx.locale, POSITION_LABELS[p.position as keyof typeof POSITION_LABELS])})` : ''} — ${p.outcome} — ${formatDateTime(ctx.locale, p.at, ctx.timeZone)}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** GET /tugas/runs/:id — a run's history: every step with actor, times, decision, note, documents. */
export function RunHistoryPage({
  ctx,
  h,
  processTime,
}: {
  ctx: PageContext;
  h: RunHistory;
  processTime?: ProcessTimeReport | undefined;
}) {
  const r: R = (k, p) => rm(ctx.locale, k, p);
  const state = r(`history.${h.instance.state}` as Parameters<typeof rm>[1]);
  const hasFiles = h.rows.some((row) => row.files.length > 0);
  return (
    <Layout ctx={ctx} title={r('history.title', { subject: h.subjectTitle })}>
      <h1 safe>{r('history.title', { subject: h.subjectTitle })}</h1>
      <p safe>{r('history.lead')}</p>
      <dl id="run-facts">
        <dt safe>{r('history.definition')}</dt>
        <dd safe>{`${pick(ctx.locale, h.definition.title)} (v${h.definition.version})`}</dd>
        <dt safe>{r('history.state')}</dt>
        <dd safe>{state}</dd>
        <dt safe>{r('history.started')}</dt>
        <dd>
          <When ctx={ctx} at={new Date(h.instance.started_at)} />
        </dd>
        <dt safe>{r('history.ended')}</dt>
        <dd>
          <When ctx={ctx} at={h.instance.ended_at ? new Date(h.instance.ended_at) : null} />
        </dd>
      </dl>
      <ProcessTime ctx={ctx} report={processTime} />
      {hasFiles ? (
        <p>
          <a safe class="button" href={`/tugas/runs/${h.instance.id}/documents.zip`}>
            {r('history.zip')}
          </a>
        </p>
      ) : (
        ''
      )}
      <div class="table-wrap" tabindex="0">
        <table id="run-history">
          <thead>
            <tr>
              {(
                [
                  'no',
                  'step',
                  'actor',
                  'start',
                  'end',
                  'standard',
                  'actual',
                  'decision',
                  'note',
                  'documents',
                ] as const
              ).map((k) => (
                <th scope="col" safe>
                  {r(`history.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {h.rows.map((row) => (
              <tr data-step={row.stepId} data-outcome={row.outcome ?? ''}>
                <td safe>{String(row.no)}</td>
                <td safe>{pick(ctx.locale, row.title)}</td>
                <td>
                  <span safe>{row.closedBy ?? pick(ctx.locale, row.actorLabel)}</span>
                  {row.agency ? <small safe>{` · ${row.agency}`}</small> : ''}
                </td>
                <td>
                  <When ctx={ctx} at={row.openedAt} />
                </td>
                <td>
                  {row.closedAt ? <When ctx={ctx} at={row.closedAt} /> : <em safe>{r('history.open')}</em>}
                </td>
                <td safe>{row.standard ?? '—'}</td>
                <td safe>
                  {row.workingMinutes === null ? '—' : r('history.minutes', { n: row.workingMinutes })}
                </td>
                <td safe>{row.outcomeLabel ? pick(ctx.locale, row.outcomeLabel) : (row.outcome ?? '')}</td>
                <td safe>{row.note ?? ''}</td>
                <td>
                  {row.files.map((f) => (
                    <a safe href={`/tugas/${row.taskId}/files/${f.n}`}>
                      {f.name}
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ParafChain ctx={ctx} h={h} r={r} />
    </Layout>
  );
}
