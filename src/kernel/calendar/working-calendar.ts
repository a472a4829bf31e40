import type { Bilingual } from '../errors.js';
import { HOLIDAYS_2026_2027 } from './holidays-2026-2027.js';

/**
 * A region's working-time calendar: its time zone, its service hours per ISO weekday with
 * breaks, and the dates it is closed. Plain data, so it can be stored, edited and compared;
 * working-time.ts interprets it.
 */

/** The three Indonesian time zones. None observes daylight saving time. */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

/**
 * Fixed offsets from UTC in minutes: WIB +07:00, WITA +08:00, WIT +09:00. Indonesia has kept
 * these since 1988 and has no DST, so plain arithmetic on epoch milliseconds is exact and we
 * need no time-zone library.
 */
export const UTC_OFFSET_MINUTES: Record<TimeZone, number> = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** A break inside the service day, local wall-clock 'HH:MM'; the end is exclusive. */
export interface ServiceBreak {
  start: string;
  end: string;
}

/** Service hours of one weekday, local wall-clock 'HH:MM' ('24:00' allowed as an end). */
export interface ServiceDay {
  start: string;
  end: string;
  breaks: readonly ServiceBreak[];
}

/** Service hours per ISO weekday; `null` means closed all day. */
export type ServiceWeek = Record<IsoWeekday, ServiceDay | null>;

export type HolidayKind = 'national' | 'collective_leave' | 'regional';

/** A closed day. `tentative` marks a date not yet confirmed (e.g. awaiting the isbat). */
export interface Holiday {
  date: string;
  name: string;
  kind: HolidayKind;
  tentative?: boolean;
  /** The decree a cuti bersama (or a moved holiday) rests on, e.g. the year's SKB 3 Menteri. */
  decree?: string | null;
}

export interface WorkingCalendar {
  timeZone: TimeZone;
  week: ServiceWeek;
  holidays: readonly Holiday[];
}

/**
 * Magetan's service standard (SOP "Penyelenggaraan Statistik Sektoral", 2024): Mon–Thu
 * 08:00–15:00 with a 12:00–13:00 break, Fri 08:00–14:00 with an 11:30–13:30 break (Friday
 * prayer), weekends closed. It is the default week for a new region.
 */
export const MAGETAN_STANDARD_WEEK: ServiceWeek = Object.freeze({
  1: serviceDay('08:00', '15:00', '12:00', '13:00'),
  2: serviceDay('08:00', '15:00', '12:00', '13:00'),
  3: serviceDay('08:00', '15:00', '12:00', '13:00'),
  4: serviceDay('08:00', '15:00', '12:00', '13:00'),
  5: serviceDay('08:00', '14:00', '11:30', '13:30'),
  6: null,
  7: null,
});

/** A frozen service day with one break, so the shared default cannot be edited in place. */
function serviceDay(start: string, end: string, breakStart: string, breakEnd: string): ServiceDay {
  return Object.freeze({
    start,
    end,
    breaks: Object.freeze([Object.freeze({ start: breakStart, end: breakEnd })]),
  });
}

/**
 * A new region's calendar: Magetan's week and the seeded national holidays and cuti bersama.
 * Returns fresh copies so that editing one region's calendar never changes the defaults.
 */
export function defaultWorkingCalendar(timeZone: TimeZone = 'Asia/Jakarta'): WorkingCalendar {
  const copy = (d: IsoWeekday): ServiceDay | null => {
    const day = MAGETAN_STANDARD_WEEK[d];
    return day && { start: day.start, end: day.end, breaks: day.breaks.map((b) => ({ ...b })) };
  };
  return {
    timeZone,
    week: { 1: copy(1), 2: copy(2), 3: copy(3), 4: copy(4), 5: copy(5), 6: copy(6), 7: copy(7) },
    holidays: HOLIDAYS_2026_2027.map((h) => ({ ...h })),
  };
}

/** Minutes after local midnight of a strict 'HH:MM' (00:00–24:00), or null when malformed. */
export function parseClock(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export const WEEKDAY_NAMES: Record<IsoWeekday, Bilingual> = {
  1: { id: 'Senin', en: 'Monday' },
  2: { id: 'Selasa', en: 'Tuesday' },
  3: { id: 'Rabu', en: 'Wednesday' },
  4: { id: 'Kamis', en: 'Thursday' },
  5: { id: 'Jumat', en: 'Friday' },
  6: { id: 'Sabtu', en: 'Saturday' },
  7: { id: 'Minggu', en: 'Sunday' },
};

/** Field path → messages: the shape ValidationError takes. Empty when the calendar is valid. */
export type CalendarProblems = Record<string, Bilingual[]>;
type AddProblem = (path: string, message: Bilingual) => void;

const HOLIDAY_KINDS: readonly HolidayKind[] = ['national', 'collective_leave', 'regional'];

/**
 * Check a calendar before it is stored or used: a supported time zone; per weekday, strict
 * 'HH:MM' times with closing after opening; each break strictly inside the service hours
 * (a break touching opening or closing is just a shorter day: write it so) and overlapping
 * no other break; at least one open weekday; holidays with a real date, a name and a known
 * kind. Messages are keyed by field path (`week.5.breaks.0`) and name the weekday in both
 * languages, so a form can show each one beside its field.
 */
export function validateWorkingCalendar(calendar: WorkingCalendar): CalendarProblems {
  const problems: CalendarProblems = {};
  const add: AddProblem = (path, message) => {
    problems[path] = [...(problems[path] ?? []), message];
  };
  if (!TIME_ZONES.includes(calendar.timeZone)) {
    add('timeZone', {
      id: `Zona waktu '${calendar.timeZone}' tidak didukung; pilih Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)`,
      en: `Time zone '${calendar.timeZone}' is not supported; choose Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)`,
    });
  }
  let openDays = 0;
  for (const d of ISO_WEEKDAYS) {
    // Stored calendars come from JSON, so a weekday may be missing despite the type.
    const day: ServiceDay | null | undefined = calendar.week[d];
    const name = WEEKDAY_NAMES[d];
    if (day === undefined) {
      add(`week.${d}`, {
        id: `${name.id}: jam layanan belum diisi (kosongkan bila tutup)`,
        en: `${name.en}: service hours are missing (use null when closed)`,
      });
    } else if (day !== null) {
      openDays++;
      validateDay(d, day, add);
    }
  }
  if (openDays === 0) {
    add('week', {
      id: 'Minimal satu hari dalam seminggu harus memiliki jam layanan',
      en: 'At least one weekday must have service hours',
    });
  }
  calendar.holidays.forEach((h, i) => {
    validateHoliday(h, i, add);
  });
  return problems;
}

function validateDay(d: IsoWeekday, day: ServiceDay, add: AddProblem): void {
  const name = WEEKDAY_NAMES[d];
  const start = readClock(
    day.start,
    `week.${d}.start`,
    `${name.id}: jam buka`,
    `${name.en}: opening time`,
    add,
  );
  const end = readClock(day.end, `week.${d}.end`, `${name.id}: jam tutup`, `${name.en}: closing time`, add);
  if (start === null || end === null) return;
  if (end <= start) {
    add(`week.${d}.end`, {
      id: `${name.id}: jam tutup (${day.end}) harus setelah jam buka (${day.start})`,
      en: `${name.en}: closing time (${day.end}) must be after opening time (${day.start})`,
    });
    return;
  }
  const spans: { start: number; end: number; index: number }[] = [];
  day.breaks.forEach((b, i) => {
    const path = `week.${d}.breaks.${i}`;
    const label = { id: `${name.id}: istirahat ${i + 1}`, en: `${name.en}: break ${i + 1}` };
    const bs = readClock(b.start, `${path}.start`, `${label.id}, mulai`, `${label.en}, start`, add);
    const be = readClock(b.end, `${path}.end`, `${label.id}, selesai`, `${label.en}, end`, add);
    if (bs === null || be === null) return;
    if (be <= bs) {
      add(`${path}.end`, {
        id: `${label.id}: selesai (${b.end}) harus setelah mulai (${b.start})`,
        en: `${label.en}: end (${b.end}) must be after start (${b.start})`,
      });
    } else if (bs <= start || be >= end) {
      add(path, {
        id: `${label.id} (${b.start}–${b.end}) harus berada di dalam jam layanan ${day.start}–${day.end}`,
        en: `${label.en} (${b.start}–${b.end}) must lie inside service hours ${day.start}–${day.end}`,
      });
    } else {
      spans.push({ start: bs, end: be, index: i });
    }
  });
  spans.sort((a, b) => a.start - b.start);
  let previous: { start: number; end: number; index: number } | undefined;
  for (const span of spans) {
    if (previous && span.start < previous.end) {
      const p = day.breaks[previous.index];
      const c = day.breaks[span.index];
      add(`week.${d}.breaks.${span.index}`, {
        id: `${name.id}: istirahat ${span.index + 1} (${c?.start}–${c?.end}) bertumpang tindih dengan istirahat ${previous.index + 1} (${p?.start}–${p?.end})`,
        en: `${name.en}: break ${span.index + 1} (${c?.start}–${c?.end}) overlaps break ${previous.index + 1} (${p?.start}–${p?.end})`,
      });
    }
    if (!previous || span.end > previous.end) previous = span;
  }
}

function readClock(text: string, path: string, labelId: string, labelEn: string, add: AddProblem) {
  const minutes = parseClock(text);
  if (minutes === null) {
    add(path, {
      id: `${labelId} '${text}' bukan jam yang valid; gunakan JJ:MM, misalnya 08:00`,
      en: `${labelEn} '${text}' is not a valid time; use HH:MM, e.g. 08:00`,
    });
  }
  return minutes;
}

function validateHoliday(h: Holiday, i: number, add: AddProblem): void {
  const label = { id: `Hari libur ${i + 1} (${h.name})`, en: `Holiday ${i + 1} (${h.name})` };
  if (!isIsoDate(h.date)) {
    add(`holidays.${i}.date`, {
      id: `${label.id}: tanggal '${h.date}' tidak valid; gunakan TTTT-BB-HH`,
      en: `${label.en}: date '${h.date}' is not a valid date; use YYYY-MM-DD`,
    });
  }
  if (h.name.trim() === '') {
    add(`holidays.${i}.name`, {
      id: `Hari libur ${i + 1}: nama wajib diisi`,
      en: `Holiday ${i + 1}: name is required`,
    });
  }
  if (!HOLIDAY_KINDS.includes(h.kind)) {
    add(`holidays.${i}.kind`, {
      id: `${label.id}: jenis '${h.kind}' tidak dikenal; pilih national, collective_leave atau regional`,
      en: `${label.en}: kind '${h.kind}' is unknown; choose national, collective_leave or regional`,
    });
  }
}
