import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { b, STATE_TEXT, say, when } from './text.js';

export interface StaffListRow {
  id: string;
  code: string;
  state: string;
  asked: string;
  due: string | null;
  overdue: boolean;
  objection_open: boolean;
}

/** The staff list: requests the actor may see (a producer: those routed to its agency). */
export function StaffListPage({ ctx, rows }: { ctx: PageContext; rows: StaffListRow[] }) {
  const l = ctx.locale;
  const title = say(l, b('Permintaan data masuk', 'Incoming data requests'));
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <table class="data-table">
        <thead>
          <tr>
            <th safe>{say(l, b('Kode', 'Code'))}</th>
            <th safe>{say(l, b('Data yang diminta', 'Data asked for'))}</th>
            <th safe>{say(l, b('Status', 'Status'))}</th>
            <th safe>{say(l, b('Batas waktu', 'Due'))}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/kerja/permintaan-data/${r.id}`} safe>
                  {r.code}
                </a>
              </td>
              <td safe>{r.asked}</td>
              <td safe>
                {`${say(l, STATE_TEXT[r.state] ?? b(r.state, r.state))}${r.objection_open ? ` · ${say(l, b('keberatan', 'objection'))}` : ''}`}
              </td>
              <td safe>
                {`${when(l, r.due, ctx.timeZone)}${r.overdue ? ` · ${say(l, b('terlambat', 'overdue'))}` : ''}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
