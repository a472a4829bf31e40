import type { PageContext } from '../../../kernel/http/page-context.js';
import { defineMessages } from '../../../kernel/i18n/i18n.js';
import type { AgencyWork } from '../../verification/index.js';

const id = {
  'work.title': 'Yang perlu dikerjakan',
  'work.caption':
    'Dataset per perangkat daerah menurut pengiriman terakhirnya, dan langkah SOP yang terlambat',
  'work.agency': 'Perangkat daerah',
  'work.drafts': 'Belum dikirim',
  'work.returned': 'Dikembalikan',
  'work.submitted': 'Menunggu verifikasi',
  'work.verified': 'Menunggu tinjauan/publikasi',
  'work.published': 'Dipublikasikan',
  'work.overdue': 'Langkah terlambat',
  'work.none': 'Belum ada dataset.',
  'work.returnedLead': '{count} dataset dikembalikan untuk diperbaiki — buka Tugas saya.',
};
const en: Record<keyof typeof id, string> = {
  'work.title': 'What needs doing',
  'work.caption': 'Datasets per agency by their latest submission, and SOP steps past their due time',
  'work.agency': 'Agency',
  'work.drafts': 'Not submitted',
  'work.returned': 'Returned',
  'work.submitted': 'Awaiting verification',
  'work.verified': 'Awaiting review/publication',
  'work.published': 'Published',
  'work.overdue': 'Overdue steps',
  'work.none': 'No datasets yet.',
  'work.returnedLead': '{count} datasets returned for fixing — open My tasks.',
};
const wo = defineMessages({ id, en });

const COLUMNS = ['drafts', 'returned', 'submitted', 'verified', 'published', 'overdue'] as const;

/** A count, linked to where that work is done when there is any. */
function Count({ ctx, n, href }: { ctx: PageContext; n: number; href: string }) {
  const text = n.toLocaleString(ctx.locale);
  return n > 0 ? (
    <a safe href={href}>
      {text}
    </a>
  ) : (
    <span safe>{text}</span>
  );
}

/** The home page's overview: counts per agency (one row for an agency's own staff). */
export function WorkOverview({ ctx, work }: { ctx: PageContext; work: AgencyWork[] }) {
  const l = ctx.locale;
  const returned = work.reduce((sum, w) => sum + w.returned, 0);
  return (
    <section aria-labelledby="work-title" id="work-overview">
      <h2 safe id="work-title">
        {wo(l, 'work.title')}
      </h2>
      {returned > 0 ? (
        <p class="notice">
          <a safe href="/tugas">
            {wo(l, 'work.returnedLead', { count: returned })}
          </a>
        </p>
      ) : (
        ''
      )}
      {work.length === 0 ? (
        <p safe>{wo(l, 'work.none')}</p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table>
            <caption safe>{wo(l, 'work.caption')}</caption>
            <thead>
              <tr>
                <th safe scope="col">
                  {wo(l, 'work.agency')}
                </th>
                {COLUMNS.map((c) => (
                  <th safe scope="col">
                    {wo(l, `work.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {work.map((w) => (
                <tr data-agency={w.agency}>
                  <th safe scope="row">
                    {w.agency}
                  </th>
                  {COLUMNS.map((c) => (
                    <td data-count={c}>
                      <Count
                        ctx={ctx}
                        n={w[c]}
                        href={c === 'overdue' || c === 'returned' ? '/tugas' : '/workspace/submissions'}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
