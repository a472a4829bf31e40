import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { MIN_AGENCY_REQUESTS, type ServiceSummary } from '../domain/statistics.js';
import { OUTCOME_TEXT } from '../outcomes.js';
import { b, say } from './text.js';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const num = (v: number | null) => (v === null ? '—' : String(v));

function SummaryRow({ label, s }: { label: string; s: ServiceSummary }) {
  return (
    <tr>
      <th scope="row" safe>
        {label}
      </th>
      <td safe>{String(s.total)}</td>
      <td safe>{String(s.answered)}</td>
      <td safe>{num(s.medianDays)}</td>
      <td safe>{num(s.p90Days)}</td>
      <td safe>{pct(s.onTimeShare)}</td>
      <td safe>{num(s.ikm)}</td>
    </tr>
  );
}

/** The public statistics of the request service over the last twelve months (no personal data). */
export function StatisticsPage({
  ctx,
  all,
  months,
  agencies,
}: {
  ctx: PageContext;
  all: ServiceSummary;
  months: [string, number][];
  agencies: { name: string; s: ServiceSummary }[];
}) {
  const l = ctx.locale;
  const title = say(l, b('Statistik layanan permintaan data', 'Data request service statistics'));
  const head = [
    b('Cakupan', 'Scope'),
    b('Permintaan', 'Requests'),
    b('Dijawab', 'Answered'),
    b('Median hari kerja', 'Median working days'),
    b('Persentil 90 hari kerja', '90th percentile working days'),
    b('Tepat waktu', 'In time'),
    b('IKM', 'Satisfaction index (IKM)'),
  ];
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <p safe>{say(l, b('Dua belas bulan terakhir.', 'The last twelve months.'))}</p>
      <table class="data-table" id="stats-summary">
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" safe>
                {say(l, h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <SummaryRow label={say(l, b('Semua', 'All'))} s={all} />
          {agencies.map((a) => (
            <SummaryRow label={a.name} s={a.s} />
          ))}
        </tbody>
      </table>
      <p safe>
        {say(
          l,
          b(
            `Perangkat daerah dengan kurang dari ${MIN_AGENCY_REQUESTS} permintaan tidak ditampilkan tersendiri.`,
            `Agencies with fewer than ${MIN_AGENCY_REQUESTS} requests are not shown on their own.`,
          ),
        )}
      </p>
      <h2 safe>{say(l, b('Hasil', 'Outcomes'))}</h2>
      <ul>
        {Object.entries(all.outcomes).map(([k, n]) => (
          <li
            safe
          >{`${k in OUTCOME_TEXT ? say(l, OUTCOME_TEXT[k as keyof typeof OUTCOME_TEXT]) : say(l, b('masih diproses', 'still open'))}: ${n}`}</li>
        ))}
      </ul>
      <h2 safe>{say(l, b('Permintaan per bulan', 'Requests per month'))}</h2>
      <table class="data-table">
        <tbody>
          {months.map(([m, n]) => (
            <tr>
              <th scope="row" safe>
                {m}
              </th>
              <td safe>{String(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
