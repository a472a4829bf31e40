import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { dateTimeFormat } from '../../../kernel/i18n/intl-formats.js';
import { OUTCOME_TEXT } from '../outcomes.js';
import { b, STATE_TEXT, say } from './text.js';

/** One row of the public list: nothing that names or reaches the requester. */
export interface PublicListRow {
  subject: string;
  agency: string | null;
  state: string;
  outcome: string | null;
  filedAt: Date;
  answeredAt: Date | null;
}

/**
 * What was asked (issue 14, item 5): the subject (the requester's words, scrubbed of their
 * name, contacts and anything that looks like one), the agency that held it, the state and the
 * dates — so people see what was already asked and answered. Shown only when the region turns
 * it on (/admin/permintaan-data).
 */
export function PublicListPage({ ctx, rows }: { ctx: PageContext; rows: PublicListRow[] }) {
  const l = ctx.locale;
  const title = say(l, b('Daftar permintaan data', 'Data requests asked'));
  // The day only: the hour of a filing says nothing the public needs and narrows who filed it.
  const day = (d: Date | null) =>
    d
      ? dateTimeFormat(l, { dateStyle: 'medium', timeZone: ctx.timeZone ?? 'Asia/Jakarta' }).format(
          new Date(d),
        )
      : '—';
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <p safe>
        {say(
          l,
          b(
            'Apa yang sudah diminta warga dan bagaimana hasilnya. Data pribadi pemohon tidak pernah ditampilkan.',
            'What people have asked for and how it ended. The requesters’ personal data are never shown.',
          ),
        )}
      </p>
      {rows.length === 0 ? (
        <p safe>{say(l, b('Belum ada permintaan.', 'No requests yet.'))}</p>
      ) : (
        <table class="data-table" id="public-request-list">
          <thead>
            <tr>
              {[
                b('Data yang diminta', 'Data asked for'),
                b('Perangkat daerah', 'Agency'),
                b('Status', 'Status'),
                b('Diajukan', 'Filed'),
                b('Dijawab', 'Answered'),
              ].map((h) => (
                <th scope="col" safe>
                  {say(l, h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td safe>{r.subject}</td>
                <td safe>{r.agency ?? '—'}</td>
                <td safe>
                  {r.outcome && r.outcome in OUTCOME_TEXT
                    ? `${say(l, STATE_TEXT[r.state] ?? b(r.state, r.state))} (${say(l, OUTCOME_TEXT[r.outcome as keyof typeof OUTCOME_TEXT])})`
                    : say(l, STATE_TEXT[r.state] ?? b('—', '—'))}
                </td>
                <td safe>{day(r.filedAt)}</td>
                <td safe>{day(r.answeredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="/permintaan-data" safe>
          {say(l, b('Ajukan permintaan data', 'Request data'))}
        </a>
      </p>
    </Layout>
  );
}
