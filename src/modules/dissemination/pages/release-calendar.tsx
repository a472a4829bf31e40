import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { PublicationView } from '../publication.repository.js';
import { dt } from './dissemination.messages.js';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** On time, late, or not yet released (actual vs planned: EPSS punctuality evidence). */
export function punctuality(p: PublicationView): 'on_time' | 'late' | 'pending' {
  const actual = day(p.published_at);
  if (!actual) return 'pending';
  return p.planned_release && actual > p.planned_release ? 'late' : 'on_time';
}

/** GET /jadwal-rilis — planned and actual release dates of publications. */
export function ReleaseCalendarPage({ ctx, items }: { ctx: PageContext; items: PublicationView[] }) {
  const m = (k: Parameters<typeof dt>[1]) => dt(ctx.locale, k);
  return (
    <Layout ctx={ctx} title={m('cal.title')}>
      <h1 safe>{m('cal.title')}</h1>
      <p>
        <a href="/jadwal-rilis.ics" type="text/calendar" safe>
          {m('cal.ics')}
        </a>
      </p>
      {items.length === 0 ? (
        <p safe>{m('cal.empty')}</p>
      ) : (
        <table class="table" id="release-calendar">
          <caption class="visually-hidden" safe>
            {m('cal.title')}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {m('pub.titleField')}
              </th>
              <th scope="col" safe>
                {m('cal.planned')}
              </th>
              <th scope="col" safe>
                {m('cal.actual')}
              </th>
              <th scope="col" safe>
                {m('state.label')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr data-publication={p.name} data-punctuality={punctuality(p)}>
                <th scope="row">
                  {p.published_at ? (
                    <a href={`/publikasi/${p.name}`} safe>
                      {p.title}
                    </a>
                  ) : (
                    <span safe>{p.title}</span>
                  )}
                </th>
                <td safe>{p.planned_release ?? ''}</td>
                <td safe>{day(p.published_at) ?? '-'}</td>
                <td safe>{m(`cal.${punctuality(p)}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

const icsText = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
const icsDate = (d: string) => d.replace(/-/g, '');

/** The release calendar as iCalendar (RFC 5545): one all-day event per planned release. */
export function releaseCalendarIcs(items: PublicationView[], siteUrl: string, host: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Satu Data//Jadwal Rilis//ID',
    'CALSCALE:GREGORIAN',
  ];
  for (const p of items) {
    if (!p.planned_release) continue;
    const start = icsDate(p.planned_release);
    const next = new Date(`${p.planned_release}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${p.name}@${host}`,
      `DTSTAMP:${p.created_at.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
      `DTSTART;VALUE=DATE:${start}`,
      `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, '')}`,
      `SUMMARY:${icsText(p.title)}`,
      `URL:${siteUrl}/publikasi/${p.name}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
