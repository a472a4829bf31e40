import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { executeAction } from '../../actions/action.js';
import {
  calendarShow,
  calendarUpdate,
  holidayCreate,
  holidayDelete,
  holidayUpdate,
} from '../../actions/workflow/calendar-actions.js';
import {
  regionWorkflowSet,
  workflowDefinitionCopy,
  workflowDefinitionList,
  workflowDefinitionShow,
  workflowDefinitionUpdate,
} from '../../actions/workflow/workflow-definition-actions.js';
import type { Role } from '../../domain/access/roles.js';
import { ISO_WEEKDAYS, type IsoWeekday, type ServiceDay } from '../../domain/calendar/working-calendar.js';
import type { WorkflowDefinition } from '../../domain/workflow/definition.js';
import { ValidationError } from '../../errors.js';
import { pick } from '../../i18n/i18n.js';
import { authorize } from '../../policies/policy.js';
import type { AppDeps } from '../app-deps.js';
import { actionContext, redirectAfterPost } from '../request-context.js';
import { pageContext } from '../views/page-context.js';
import { type FormBody, formBody, formFailure, requireUuid, sendPage, textField } from './admin-form.js';
import { CalendarPage, type CalendarView, type DayValues } from './calendar.page.js';
import {
  type DefinitionDetail,
  WorkflowEditPage,
  WorkflowListPage,
  WorkflowShowPage,
} from './workflow.page.js';
import { wft } from './workflow-admin.messages.js';

/** Field errors plus the summary line of a ValidationError, so the first problem is always shown. */
function failure(err: unknown, req: FastifyRequest, field: string) {
  const f = formFailure(err, req.locale, field);
  if (err instanceof ValidationError) f.errors = { [field]: [pick(req.locale, err.text)], ...f.errors };
  return f;
}

/** Apply the per-step form to a copy of the definition: titles, actors, roles, times, targets. */
function applyStepForm(def: WorkflowDefinition, b: FormBody): WorkflowDefinition {
  const next = structuredClone(def);
  next.steps.forEach((s, i) => {
    const p = `s${i}`;
    const field = (name: string) => textField(b, `${p}.${name}`);
    s.title = { id: field('title.id').trim(), en: field('title.en').trim() };
    s.actorLabel = { id: field('actor.id').trim(), en: field('actor.en').trim() };
    s.role = field('role') as Role;
    s.duration = field('duration').trim() === '' ? null : field('duration').trim();
    s.transitions.forEach((t, j) => {
      const to = textField(b, `${p}.t${j}`);
      if (to) t.to = to;
    });
  });
  return next;
}

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

/** Back office for SOP workflows (/admin/workflows) and the working calendar (/admin/calendar). */
export async function workflowAdminRoutes(app: FastifyInstance, { database, site }: AppDeps) {
  app.addHook('preHandler', async (req, reply) => {
    if (
      !req.actor.userId &&
      (req.url.startsWith('/admin/workflows') || req.url.startsWith('/admin/calendar'))
    )
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
  });
  const idOf = (req: FastifyRequest) =>
    requireUuid((req.params as { id: string }).id, {
      id: 'Definisi alur kerja tidak ditemukan',
      en: 'Workflow definition not found',
    });
  const ctxOf = (req: FastifyRequest, reply: FastifyReply, path: string) => {
    const ctx = { ...pageContext(req, reply, site), path };
    const done = (req.query as Record<string, string | undefined>).done;
    const version = (req.query as Record<string, string | undefined>).version ?? '';
    if (done === 'chosen') ctx.notice = wft(req.locale, 'wf.chosen');
    if (done === 'copied') ctx.notice = wft(req.locale, 'wf.copied');
    if (done === 'saved')
      ctx.notice = wft(req.locale, 'wf.saved', { version: /^\d{1,6}$/.test(version) ? version : '' });
    if (done === 'calendar') ctx.notice = wft(req.locale, 'cal.saved');
    if (done === 'holiday') ctx.notice = wft(req.locale, 'cal.holidaySaved');
    if (done === 'deleted') ctx.notice = wft(req.locale, 'cal.holidayDeleted');
    return ctx;
  };

  async function detail(req: FastifyRequest, id: string): Promise<DefinitionDetail> {
    const action = actionContext(req, database);
    const shown = await executeAction(action, workflowDefinitionShow, { id });
    const latest = await executeAction(action, workflowDefinitionShow, { key: shown.key });
    return { ...shown, definition: shown.definition as WorkflowDefinition, latest: latest.id === shown.id };
  }

  app.get('/admin/workflows', async (req, reply) => {
    authorize(req.actor, 'workflow:configure');
    const listed = await executeAction(actionContext(req, database), workflowDefinitionList, {});
    return sendPage(
      reply,
      WorkflowListPage({ ctx: ctxOf(req, reply, '/admin/workflows'), definitions: listed.definitions }),
    );
  });

  app.post('/admin/workflows/choose', async (req, reply) => {
    authorize(req.actor, 'workflow:configure');
    const b = formBody(req.body);
    await executeAction(actionContext(req, database), regionWorkflowSet, {
      process_kind: textField(b, 'process_kind'),
      definition_id: textField(b, 'definition_id'),
    });
    return redirectAfterPost(reply, '/admin/workflows?done=chosen');
  });

  async function renderShow(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    copyValues = { new_key: '', title: '', title_en: '' },
    errors?: Record<string, string[]>,
    status = 200,
  ) {
    authorize(req.actor, 'workflow:configure');
    const d = await detail(req, id);
    const ctx = ctxOf(req, reply, `/admin/workflows/${id}`);
    return sendPage(reply, WorkflowShowPage({ ctx, detail: d, copyValues, errors }), status);
  }

  app.get('/admin/workflows/:id', (req, reply) => renderShow(req, reply, idOf(req)));

  app.post('/admin/workflows/:id/copy', async (req, reply) => {
    authorize(req.actor, 'workflow:configure');
    const id = idOf(req);
    const b = formBody(req.body);
    const v = {
      new_key: textField(b, 'new_key').trim(),
      title: textField(b, 'title'),
      title_en: textField(b, 'title_en'),
    };
    let copy: { id: string };
    try {
      copy = await executeAction(actionContext(req, database), workflowDefinitionCopy, { id, ...v });
    } catch (err) {
      const f = failure(err, req, 'new_key');
      return renderShow(req, reply, id, v, f.errors, f.status);
    }
    return redirectAfterPost(reply, `/admin/workflows/${copy.id}/edit?done=copied`);
  });

  async function renderEdit(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    shown?: WorkflowDefinition,
    json?: string,
    errors?: Record<string, string[]>,
    status = 200,
  ) {
    authorize(req.actor, 'workflow:configure');
    const d = await detail(req, id);
    const view = { ...d, definition: shown ?? d.definition };
    const ctx = ctxOf(req, reply, `/admin/workflows/${id}/edit`);
    const text = json ?? JSON.stringify(view.definition, null, 2);
    return sendPage(reply, WorkflowEditPage({ ctx, detail: view, json: text, errors }), status);
  }

  app.get('/admin/workflows/:id/edit', (req, reply) => renderEdit(req, reply, idOf(req)));

  async function saveVersion(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    definition: unknown,
    json?: string,
  ) {
    const d = await detail(req, id);
    let saved: { id: string; version: number };
    try {
      saved = await executeAction(actionContext(req, database), workflowDefinitionUpdate, {
        key: d.key,
        definition,
      });
    } catch (err) {
      const f = failure(err, req, json === undefined ? 'steps' : 'definition');
      const shown = json === undefined ? (definition as WorkflowDefinition) : undefined;
      return renderEdit(req, reply, id, shown, json, f.errors, f.status);
    }
    return redirectAfterPost(reply, `/admin/workflows/${saved.id}?done=saved&version=${saved.version}`);
  }

  app.post('/admin/workflows/:id/edit', async (req, reply) => {
    authorize(req.actor, 'workflow:configure');
    const id = idOf(req);
    const d = await detail(req, id);
    return saveVersion(req, reply, id, applyStepForm(d.definition, formBody(req.body)));
  });

  app.post('/admin/workflows/:id/json', async (req, reply) => {
    authorize(req.actor, 'workflow:configure');
    const json = textField(formBody(req.body), 'definition');
    return saveVersion(req, reply, idOf(req), json, json);
  });

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

  app.post('/admin/calendar/holidays/:id/delete', async (req, reply) => {
    authorize(req.actor, 'calendar:configure');
    await executeAction(actionContext(req, database), holidayDelete, { id: holidayId(req) });
    return redirectAfterPost(reply, '/admin/calendar?done=deleted');
  });
}
