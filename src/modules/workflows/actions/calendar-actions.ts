import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import {
  type Holiday,
  isIsoDate,
  type ServiceWeek,
  TIME_ZONES,
  validateWorkingCalendar,
} from '../../../kernel/calendar/working-calendar.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { looseBoolean } from '../../catalog/index.js';
import {
  deleteHoliday,
  holidayOnDate,
  insertHoliday,
  listHolidays,
  loadServiceSettings,
  lockHoliday,
  updateHoliday,
  updateServiceSettings,
} from '../calendar.repository.js';
import { ensureHolidayYear } from '../calendar-store.js';
import type { Db } from '../definitions.repository.js';
import { redateOpenTasks } from '../redate-tasks.js';

const HOLIDAY_FIELDS = z.object({
  date: z
    .string()
    .trim()
    .refine(isIsoDate, 'Tanggal harus TTTT-BB-HH yang valid / Date must be a valid YYYY-MM-DD'),
  name: z.string().trim().min(1, 'Nama wajib diisi / Name is required').max(300),
  name_en: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => v || null),
  kind: z.enum(['national', 'collective_leave', 'regional']),
  tentative: looseBoolean.optional().default(false),
  decree: z
    .string()
    .trim()
    .max(500, 'Dasar keputusan maksimal 500 karakter / Decree reference is at most 500 characters')
    .optional()
    .transform((v) => v || null),
});

async function presentCalendar(db: Db) {
  const settings = await loadServiceSettings(db);
  const holidays = await listHolidays(db);
  return {
    time_zone: settings.timeZone,
    week: settings.week,
    holidays: holidays.map((h) => ({
      id: h.id,
      date: h.date,
      name: h.name,
      name_en: h.nameEn,
      kind: h.kind,
      tentative: h.tentative,
      decree: h.decree,
    })),
  };
}

function calendarInvalid(problems: Record<string, { id: string; en: string }[]>): ValidationError {
  const first = Object.values(problems)[0]?.[0];
  return new ValidationError(problems, {
    id: `Kalender kerja tidak valid: ${first?.id ?? ''}`,
    en: `Invalid working calendar: ${first?.en ?? ''}`,
  });
}

export const calendarShow = defineAction({
  name: 'calendar_show',
  requires: 'calendar:configure',
  sideEffectFree: true,
  input: z.object({}),
  authorize: (ctx) => authorize(ctx.actor, 'calendar:configure'),
  run: (ctx) => presentCalendar(ctx.db),
});

/** A week as JSON text (the form) or an object (the API). */
const WEEK = z.unknown().transform((value, ctx) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'Jam layanan bukan JSON yang valid / Service hours are not valid JSON',
    });
    return z.NEVER;
  }
});

export const calendarUpdate = defineAction({
  name: 'calendar_update',
  requires: 'calendar:configure',
  sideEffectFree: false,
  input: z.object({ time_zone: z.enum(TIME_ZONES).optional(), week: WEEK.optional() }),
  authorize: (ctx) => authorize(ctx.actor, 'calendar:configure'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const current = await loadServiceSettings(trx, { forUpdate: true });
      const next = {
        timeZone: input.time_zone ?? current.timeZone,
        week: (input.week ?? current.week) as ServiceWeek,
        holidays: [] as Holiday[],
      };
      const problems = validateWorkingCalendar(next);
      if (Object.keys(problems).length > 0) throw calendarInvalid(problems);
      await updateServiceSettings(trx, next, ctx.actor.userId);
      const tasksRedated = await redateOpenTasks(trx);
      await audit({
        action: 'calendar_update',
        subjectType: 'work_calendar',
        subjectId: null,
        summary: {
          before: { time_zone: current.timeZone, week: current.week },
          after: { time_zone: next.timeZone, week: next.week },
          tasks_redated: tasksRedated,
        },
      });
      return presentCalendar(trx);
    });
  },
});

function dateTaken(date: string) {
  return new ConflictError({
    id: `Sudah ada hari libur pada tanggal ${date}`,
    en: `There is already a holiday on ${date}`,
  });
}

const holidayNotFound = (id: string) =>
  new NotFoundError({ id: `Hari libur ${id} tidak ditemukan`, en: `Holiday ${id} was not found` });
const ID = z
  .string()
  .trim()
  .regex(/^[0-9a-f-]{36}$/i, 'id tidak valid / invalid id');

export const holidayCreate = defineAction({
  name: 'holiday_create',
  requires: 'calendar:configure',
  sideEffectFree: false,
  input: HOLIDAY_FIELDS,
  authorize: (ctx) => authorize(ctx.actor, 'calendar:configure'),
  run: (ctx, input) =>
    mutate(ctx, async (trx, audit) => {
      // The year's national holidays go in first, so the region edits the full list.
      await ensureHolidayYear(trx, yearOf(input.date));
      if (await holidayOnDate(trx, input.date)) throw dateTaken(input.date);
      const id = await insertHoliday(trx, input);
      const tasksRedated = await redateOpenTasks(trx);
      await audit({
        action: 'holiday_create',
        subjectType: 'holiday',
        subjectId: id,
        summary: { ...input, tasks_redated: tasksRedated },
      });
      return { id, ...input };
    }),
});

export const holidayUpdate = defineAction({
  name: 'holiday_update',
  requires: 'calendar:configure',
  sideEffectFree: false,
  input: HOLIDAY_FIELDS.extend({ id: ID }),
  authorize: (ctx) => authorize(ctx.actor, 'calendar:configure'),
  run: (ctx, { id, ...fields }) =>
    mutate(ctx, async (trx, audit) => {
      const before = await lockHoliday(trx, id);
      if (!before) throw holidayNotFound(id);
      await ensureHolidayYear(trx, yearOf(fields.date));
      if (await holidayOnDate(trx, fields.date, id)) throw dateTaken(fields.date);
      await updateHoliday(trx, id, fields);
      const tasksRedated = await redateOpenTasks(trx);
      await audit({
        action: 'holiday_update',
        subjectType: 'holiday',
        subjectId: id,
        summary: {
          before: { ...before, date: String(before.date).slice(0, 10) },
          after: fields,
          tasks_redated: tasksRedated,
        },
      });
      return { id, ...fields };
    }),
});

export const holidayDelete = defineAction({
  name: 'holiday_delete',
  requires: 'calendar:configure',
  sideEffectFree: false,
  input: z.object({ id: ID }),
  authorize: (ctx) => authorize(ctx.actor, 'calendar:configure'),
  run: (ctx, { id }) =>
    mutate(ctx, async (trx, audit) => {
      const before = await lockHoliday(trx, id);
      if (!before) throw holidayNotFound(id);
      await deleteHoliday(trx, id);
      const tasksRedated = await redateOpenTasks(trx);
      await audit({
        action: 'holiday_delete',
        subjectType: 'holiday',
        subjectId: id,
        summary: { date: String(before.date).slice(0, 10), name: before.name, tasks_redated: tasksRedated },
      });
      return { id, deleted: true };
    }),
});

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * Put a year's national holidays (from the decree we hold, else the holiday library) and its
 * cuti bersama into the region's list, to edit them; a year already there is left as it is.
 */
export const holidayYearSeed = defineAction({
  name: 'holiday_year_seed',
  requires: 'calendar:configure',
  sideEffectFree: false,
  input: z.object({
    year: z.coerce
      .number({ error: 'Tahun harus angka / Year must be a number' })
      .int('Tahun harus bilangan bulat / Year must be a whole number')
      .min(2000, 'Tahun minimal 2000 / Year must be 2000 or later')
      .max(2100, 'Tahun maksimal 2100 / Year must be 2100 or earlier'),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'calendar:configure'),
  run: (ctx, { year }) =>
    mutate(ctx, async (trx, audit) => {
      const seeded = await ensureHolidayYear(trx, year);
      const tasksRedated = seeded ? await redateOpenTasks(trx) : 0;
      await audit({
        action: 'holiday_year_seed',
        subjectType: 'holiday_year',
        subjectId: String(year),
        summary: { year, seeded, tasks_redated: tasksRedated },
      });
      return { year, seeded, ...(await presentCalendar(trx)) };
    }),
});

export const CALENDAR_ACTIONS = [
  calendarShow,
  calendarUpdate,
  holidayCreate,
  holidayUpdate,
  holidayDelete,
  holidayYearSeed,
];
