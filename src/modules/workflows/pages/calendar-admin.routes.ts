import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { ISO_WEEKDAYS, type IsoWeekday, type ServiceDay } from '../../../kernel/calendar/working-calendar.js';
import {
  type FormBody,
  formBody,
  requireUuid,
  sendPage,
  textField,
} from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import {
  calendarShow,
  calendarUpdate,
  holidayCreate,
  holidayDelete,
  holidayUpdate,
  holidayYearSeed,
} from '../actions/calendar-actions.js';
import { CalendarPage, type CalendarView, type DayValues } from './calendar.page.js';
import { wft } from './workflow-admin.messages.js';
import { failure } from './workflow-admin-form.js';

function dayValues(day: ServiceDay | null | undefined): DayValues {
  if (!day) return { closed: true, start: '', end: '', breakStart: '', breakEnd: '' };
  const br = day.breaks[0];
  return {
    closed: false,
    start: day.start,
    end: day.end,
    breakStart: br?.start ?? '',
    breakEnd: br?.end ?? '',
  };
}

/** The hours form as a ServiceWeek: a closed box or an empty opening time closes the day. */
function weekFromForm(b: FormBody): Record<IsoWeekday, ServiceDay | null> {
  const week = {} as Record<IsoWeekday, ServiceDay | null>;
  for (const d of ISO_WEEKDAYS) {
    const field = (name: string) => textField(b, `d${d}.${name}`).trim();
    if (field('closed') || (field('start') === '' && field('end') === '')) {
      week[d] = null;
      continue;
    }
    const breaks =
      field('breakStart') || field('breakEnd')
        ? [{ start: field('breakStart'), end: field('breakEnd') }]
        : [];
    week[d] = { start: field('start'), end: field('end'), breaks };
  }
  return week;
}

/** The working calendar's back office (/admin/calendar): time zone, service hours, holidays. */
export async function calendarAdminRoutes(app: FastifyInstance, { database, site }: AppDeps) {
  const ctxOf = (req: FastifyRequest, reply: FastifyReply, path: string) => {
    const ctx = { ...pageContext(req, reply, site), path };
    const done = (req.query as Record<string, string | undefined>).done;
    if (done === 'calendar') ctx.notice = wft(req.locale, 'cal.saved');
    if (done === 'holiday') ctx.notice = wft(req.locale, 'cal.holidaySaved');
    if (done === 'deleted') ctx.notice = wft(req.locale, 'cal.holidayDeleted');
    if (done === 'year') ctx.notice = wft(req.locale, 'cal.yearSeeded');
    return ctx;
  };

  async function renderCalendar(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<CalendarView> = {},
    status = 200,
  ) {
    authorize(req.actor, 'calendar:configure');
    const cal = await executeAction(actionContext(req, database), calendarShow, {});
    const days = {} as CalendarView['days'];
    for (const d of ISO_WEEKDAYS) days[d] = dayValues(cal.week[d]);
    const view: CalendarView = { timeZone: cal.time_zone, days, holidays: cal.holidays, ...extra };
    return sendPage(reply, CalendarPage({ ctx: ctxOf(req, reply, '/admin/calendar'), view }), status);
  }

  app.get('/admin/calendar', (req, reply) => renderCalendar(req, reply));

  app.post('/admin/calendar', async (req, reply) => {
    authorize(req.actor, 'calendar:configure');
    const b = formBody(req.body);
    const week = weekFromForm(b);
    try {
      await executeAction(actionContext(req, database), calendarUpdate, {
        time_zone: textField(b, 'time_zone'),
        week,
      });
    } catch (err) {
      const f = failure(err, req, 'week');
      const days = {} as CalendarView['days'];
      for (const d of ISO_WEEKDAYS) days[d] = dayValues(week[d]);
      return renderCalendar(
        req,
        reply,
        { days, timeZone: textField(b, 'time_zone'), hoursErrors: f.errors },
        f.status,
      );
    }
    return redirectAfterPost(reply, '/admin/calendar?done=calendar');
  });

  const holidayInput = (b: FormBody) => ({
    date: textField(b, 'date'),
    name: textField(b, 'name'),
    name_en: textField(b, 'name_en'),
    kind: textField(b, 'kind'),
    tentative: textField(b, 'tentative') === 'true',
    decree: textField(b, 'decree'),
  });
  const holidayId = (req: FastifyRequest) =>
    requireUuid((req.params as { id: string }).id, {
      id: 'Hari libur tidak ditemukan',
      en: 'Holiday not found',
    });

  app.post('/admin/calendar/holidays', async (req, reply) => {
    authorize(req.actor, 'calendar:configure');
    try {
      await executeAction(actionContext(req, database), holidayCreate, holidayInput(formBody(req.body)));
    } catch (err) {
      const f = failure(err, req, 'date');
      return renderCalendar(req, reply, { holidayErrors: f.errors }, f.status);
    }
    return redirectAfterPost(reply, '/admin/calendar?done=holiday');
  });

  app.post('/admin/calendar/holidays/:id', async (req, reply) => {
    authorize(req.actor, 'calendar:configure');
    try {
      await executeAction(actionContext(req, database), holidayUpdate, {
        id: holidayId(req),
        ...holidayInput(formBody(req.body)),
      });
    } catch (err) {
      const f = failure(err, req, 'date');
      return renderCalendar(req, reply, { holidayErrors: f.errors }, f.status);
    }
    return redirectAfterPost(reply, '/admin/calendar?done=holiday');
  });

  app.post('/admin/calendar/holiday-years', async (req, reply) => {
    authorize(req.actor, 'calendar:configure');
    try {
      await executeAction(actionContext(req, database), holidayYearSeed, {
        year: textField(formBody(req.body), 'year'),
      });
    } catch (err) {
      const f = failure(err, req, 'year');
      return renderCalendar(req, reply, { holidayErrors: f.errors }, f.status);
    }
    return redirectAfterPost(reply, '/admin/calendar?done=year');
  });

  app.post('/admin/calendar/holidays/:id/delete', async (req, reply) => {
    authorize(req.actor, 'calendar:configure');
    await executeAction(actionContext(req, database), holidayDelete, { id: holidayId(req) });
    return redirectAfterPost(reply, '/admin/calendar?done=deleted');
  });
}
