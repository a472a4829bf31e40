import type { Children } from '@kitajs/html';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type EvaluationMessage, em } from './evaluation.messages.js';

/** Pieces the evaluation pages share: number formats, the message helper, figure tables with exports. */

export const fmt = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined ? '—' : (Math.round(n * 10 ** digits) / 10 ** digits).toString();
export const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '—');

export function w(ctx: PageContext) {
  return (k: EvaluationMessage, p?: Record<string, string | number>) => em(ctx.locale, k, p);
}

export function Exports({ ctx, q, figure }: { ctx: PageContext; q: string; figure: string }) {
  const t = w(ctx);
  return (
    <p class="exports">
      <a href={`/evaluasi/ekspor.csv?${q}&angka=${figure}`} safe>
        {t('export', { format: 'CSV' })}
      </a>{' '}
      ·{' '}
      <a href={`/evaluasi/ekspor.xlsx?${q}&angka=${figure}`} safe>
        {t('export', { format: 'XLSX' })}
      </a>
    </p>
  );
}

export function Table({ id, head, rows }: { id: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <div class="table-wrap" tabindex="0">
      <table id={id}>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" safe>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {r.map((c) => (
                <td safe>{String(c)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface FigureTable {
  id: string;
  head: string[];
  rows: (string | number)[][];
}

/**
 * One figure of the performance page: its heading, an optional note, then (when there is
 * something to show) what comes before the table (a chart, a summary line), the table and its
 * CSV/XLSX links; otherwise the "nothing" sentence.
 */
export function FigureSection(props: {
  ctx: PageContext;
  id: string;
  title: string;
  note?: string;
  before?: Children;
  table: FigureTable | null | false;
  figure?: string;
  q?: string;
  empty?: string;
}) {
  const t = w(props.ctx);
  return (
    <section aria-labelledby={`h-${props.id}`}>
      <h2 id={`h-${props.id}`} safe>
        {props.title}
      </h2>
      {props.note ? <p safe>{props.note}</p> : ''}
      {props.table ? (
        <>
          {props.before ?? ''}
          <Table id={props.table.id} head={props.table.head} rows={props.table.rows} />
          {props.figure && props.q !== undefined ? (
            <Exports ctx={props.ctx} q={props.q} figure={props.figure} />
          ) : (
            ''
          )}
        </>
      ) : (
        <p safe>{props.empty ?? t('none')}</p>
      )}
    </section>
  );
}
