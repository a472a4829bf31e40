import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { PublicationView } from '../publication.repository.js';
import type { PlannedDataRelease } from '../release-sources.js';
import { dt } from './dissemination.messages.js';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** On time, late, or not yet released (actual vs planned: EPSS punctuality evidence). */
export function punctuality(p: PublicationView): 'on_time' | 'late' | 'pending' {
  const actual = day(p.published_at);
  if (!actual) return 'pending';
  return p.planned_release && actual > p.planned_release ? 'late' : 'on_time';
}

/** The enacted data list's planned releases (from planning, through the registered source). */
function DataReleases({ ctx, data }: { ctx: PageContext; data: PlannedDataRelease[] }) {
  const m = (k: Parameters<typeof dt>[1]) => dt(ctx.locale, k);
  return (
    <section aria-labelledby="cal-data-title">
      <h2 id="cal-data-title" safe>
        {m('cal.data')}
      </h2>
      {data.length === 0 ? (
        <p safe>{m('cal.dataEmpty')}</p>
      ) : (
        <table class="table" id="release-calendar-data">
          <caption class="visually-hidden" safe>
            {m('cal.data')}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {m('cal.dataName')}
              </th>
              <th scope="col" safe>
                {m('cal.period')}
              </th>
              <th scope="col" safe>
                {m('cal.agency')}
              </th>
              <th scope="col" safe>
                {m('cal.planned')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr data-release={d.key}>
                <th scope="row">
                  <a href={d.path} safe>
                    {d.title}
                  </a>
                </th>
                <td safe>{d.period}</td>
                <td safe>{d.agency}</td>
                <td safe>{d.plannedOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** GET /jadwal-rilis — planned and actual release dates of publications, and the data list's planned releases. */
export function ReleaseCalendarPage({
  ctx,
  items,
  data = [],
}: {
  ctx: PageContext;
  items: PublicationView[];
  data?: PlannedDataRelease[];
}) {
  const m = (k: Parameters<typeof dt>[1]) => dt(ctx.locale, k);
  return (
    <Layout ctx={ctx} title={m('cal.title')}>
      <h1 safe>{m('cal.title')}</h1>
      <p>
        <a href="/jadwal-rilis.ics" type="text/calendar" safe>
          {m('cal.ics')}
        </a>
      </p>
      <h2 safe>{m('cal.publications')}</h2>
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
      <DataReleases ctx={ctx} data={data} />
    </Layout>
  );
}

const icsText = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
const icsDate = (d: string) => d.replace(/-/g, '');

/** The release calendar as iCalendar (RFC 5545): one all-day event per planned release. */
export function releaseCalendarIcs(
  items: PublicationView[],
  siteUrl: string,
  host: string,
  data: PlannedDataRelease[] = [],
  stamp: Date = new Date(0),
): string {
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
  for (const d of data) {
    const next = new Date(`${d.plannedOn}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    lines.push(
      'BEGIN:VEVENT',
      `UID:data-${d.key}@${host}`,
      `DTSTAMP:${stamp.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
      `DTSTART;VALUE=DATE:${icsDate(d.plannedOn)}`,
      `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, '')}`,
      `SUMMARY:${icsText(`${d.title} (${d.period})`)}`,
      `DESCRIPTION:${icsText(d.agency)}`,
      `URL:${siteUrl}${d.path}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
