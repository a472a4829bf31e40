import {
  ISO_WEEKDAYS,
  type IsoWeekday,
  TIME_ZONES,
  WEEKDAY_NAMES,
} from '../../../kernel/calendar/working-calendar.js';
import { FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { pick } from '../../../kernel/i18n/i18n.js';
import { DecreeInput, HolidayYearForm, NewDecreeField } from './calendar-holiday-extras.js';
import { type WorkflowAdminKey, wft } from './workflow-admin.messages.js';

/** One weekday row of the hours form; '' for an absent time. */
export interface DayValues {
  closed: boolean;
  start: string;
  end: string;
  breakStart: string;
  breakEnd: string;
}

export interface HolidayRow {
  id: string;
  date: string;
  name: string;
  name_en: string | null;
  kind: string;
  tentative: boolean;
  decree: string | null;
}

export interface CalendarView {
  timeZone: string;
  days: Record<IsoWeekday, DayValues>;
  holidays: HolidayRow[];
  hoursErrors?: Record<string, string[]> | undefined;
  holidayErrors?: Record<string, string[]> | undefined;
}

const TZ_LABEL: Record<string, string> = {
  'Asia/Jakarta': 'Asia/Jakarta (WIB, UTC+7)',
  'Asia/Makassar': 'Asia/Makassar (WITA, UTC+8)',
  'Asia/Jayapura': 'Asia/Jayapura (WIT, UTC+9)',
};
const KINDS = ['national', 'collective_leave', 'regional'] as const;
const HOLIDAY_HEADINGS = [
  'cal.date',
  'cal.name',
  'cal.nameEn',
  'cal.kind',
  'cal.decree',
  'cal.tentative',
  'cal.actions',
] as const;

function tr(ctx: PageContext) {
  return (k: WorkflowAdminKey, p: Record<string, string | number> = {}) => wft(ctx.locale, k, p);
}

function KindSelect({ ctx, id, value }: { ctx: PageContext; id: string; value: string }) {
  const c = tr(ctx);
  return (
    <select id={id} name="kind">
      {KINDS.map((k) => (
        <option value={k} selected={k === value} safe>
          {c(`cal.kind.${k}`)}
        </option>
      ))}
    </select>
  );
}

/** /admin/calendar: time zone, service hours per weekday (one break each) and the holiday list. */
export function CalendarPage({ ctx, view }: { ctx: PageContext; view: CalendarView }) {
  const c = tr(ctx);
  const time = (id: string, name: string, value: string, label: string) => (
    <input type="time" id={id} name={name} value={value} aria-label={label} />
  );
  return (
    <Layout ctx={ctx} title={c('cal.title')}>
      <h1 safe>{c('cal.title')}</h1>
      <p safe>{c('cal.lead')}</p>
      <section aria-labelledby="hours-heading">
        <h2 safe id="hours-heading">
          {c('cal.hours')}
        </h2>
        <FormErrors ctx={ctx} errors={view.hoursErrors} />
        <form method="post" action="/admin/calendar">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <p>
            <label safe for="cal-tz">
              {c('cal.timeZone')}
            </label>
            <select id="cal-tz" name="time_zone">
              {TIME_ZONES.map((z) => (
                <option value={z} selected={z === view.timeZone} safe>
                  {TZ_LABEL[z] ?? z}
                </option>
              ))}
            </select>{' '}
            <small safe>{c('cal.zoneDefault')}</small>
          </p>
          <div class="table-wrap" tabindex="0">
            <table>
              <thead>
                <tr>
                  <th safe scope="col">
                    {c('cal.day')}
                  </th>
                  <th safe scope="col">
                    {c('cal.closed')}
                  </th>
                  <th safe scope="col">
                    {c('cal.open')}
                  </th>
                  <th safe scope="col">
                    {c('cal.close')}
                  </th>
                  <th safe scope="col">
                    {c('cal.breakStart')}
                  </th>
                  <th safe scope="col">
                    {c('cal.breakEnd')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ISO_WEEKDAYS.map((d) => {
                  const v = view.days[d];
                  const day = pick(ctx.locale, WEEKDAY_NAMES[d]);
                  return (
                    <tr>
                      <th scope="row" safe>
                        {day}
                      </th>
                      <td>
                        <input
                          type="checkbox"
                          id={`d${d}-closed`}
                          name={`d${d}.closed`}
                          value="1"
                          checked={v.closed}
                          aria-label={`${day}: ${c('cal.closed')}`}
                        />
                      </td>
                      <td>{time(`d${d}-start`, `d${d}.start`, v.start, `${day}: ${c('cal.open')}`)}</td>
                      <td>{time(`d${d}-end`, `d${d}.end`, v.end, `${day}: ${c('cal.close')}`)}</td>
                      <td>
                        {time(`d${d}-bs`, `d${d}.breakStart`, v.breakStart, `${day}: ${c('cal.breakStart')}`)}
                      </td>
                      <td>
                        {time(`d${d}-be`, `d${d}.breakEnd`, v.breakEnd, `${day}: ${c('cal.breakEnd')}`)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <button safe type="submit">
            {c('cal.save')}
          </button>
        </form>
      </section>
      <section aria-labelledby="holidays-heading">
        <h2 safe id="holidays-heading">
          {c('cal.holidays')}
        </h2>
        <FormErrors ctx={ctx} errors={view.holidayErrors} />
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr>
                {HOLIDAY_HEADINGS.map((k) => (
                  <th safe scope="col">
                    {c(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.holidays.map((h) => {
                const f = `h-${h.id}`;
                return (
                  <tr>
                    <td>
                      <input
                        form={f}
                        type="date"
                        name="date"
                        value={h.date}
                        required
                        aria-label={`${c('cal.date')} ${h.date}`}
                      />
                    </td>
                    <td>
                      <input
                        form={f}
                        name="name"
                        value={h.name}
                        required
                        aria-label={`${c('cal.name')} ${h.date}`}
                      />
                    </td>
                    <td>
                      <input
                        form={f}
                        name="name_en"
                        value={h.name_en ?? ''}
                        aria-label={`${c('cal.nameEn')} ${h.date}`}
                      />
                    </td>
                    <td>
                      <select form={f} name="kind" aria-label={`${c('cal.kind')} ${h.date}`}>
                        {KINDS.map((k) => (
                          <option value={k} selected={k === h.kind} safe>
                            {c(`cal.kind.${k}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <DecreeInput ctx={ctx} form={f} date={h.date} value={h.decree} />
                    </td>
                    <td>
                      <input
                        form={f}
                        type="checkbox"
                        name="tentative"
                        value="true"
                        checked={h.tentative}
                        aria-label={`${c('cal.tentative')} ${h.date}`}
                      />
                    </td>
                    <td>
                      <form id={f} method="post" action={`/admin/calendar/holidays/${h.id}`}>
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <button safe type="submit">
                          {c('cal.update')}
                        </button>
                      </form>
                      <form method="post" action={`/admin/calendar/holidays/${h.id}/delete`}>
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <button safe type="submit" aria-label={`${c('cal.delete')} ${h.date}`}>
                          {c('cal.delete')}
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <h3 safe>{c('cal.add')}</h3>
        <form method="post" action="/admin/calendar/holidays">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <p>
            <label safe for="new-date">
              {c('cal.date')}
            </label>
            <input type="date" id="new-date" name="date" required />
          </p>
          <p>
            <label safe for="new-name">
              {c('cal.name')}
            </label>
            <input id="new-name" name="name" required />
          </p>
          <p>
            <label safe for="new-name-en">
              {c('cal.nameEn')}
            </label>
            <input id="new-name-en" name="name_en" />
          </p>
          <p>
            <label safe for="new-kind">
              {c('cal.kind')}
            </label>
            <KindSelect ctx={ctx} id="new-kind" value="regional" />
          </p>
          <NewDecreeField ctx={ctx} />
          <p>
            <input type="checkbox" id="new-tentative" name="tentative" value="true" />{' '}
            <label safe for="new-tentative">
              {c('cal.tentative')}
            </label>
          </p>
          <button safe type="submit">
            {c('cal.add')}
          </button>
        </form>
        <HolidayYearForm ctx={ctx} />
      </section>
    </Layout>
  );
}
