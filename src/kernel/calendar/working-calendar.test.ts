import { describe, expect, it } from 'vitest';
import {
  defaultWorkingCalendar,
  MAGETAN_STANDARD_WEEK,
  parseClock,
  TIME_ZONES,
  UTC_OFFSET_MINUTES,
  validateWorkingCalendar,
  type WorkingCalendar,
} from './working-calendar.js';

function calendarWith(change: (c: WorkingCalendar) => WorkingCalendar): WorkingCalendar {
  return change(defaultWorkingCalendar());
}

describe(validateWorkingCalendar.name, () => {
  it('accepts the default calendar in every Indonesian time zone', () => {
    for (const zone of TIME_ZONES) expect(validateWorkingCalendar(defaultWorkingCalendar(zone))).toEqual({});
  });

  it('names the weekday and field when closing is not after opening', () => {
    const cal = calendarWith((c) => ({
      ...c,
      week: { ...c.week, 2: { start: '15:00', end: '08:00', breaks: [] } },
    }));
    expect(validateWorkingCalendar(cal)).toEqual({
      'week.2.end': [
        {
          id: 'Selasa: jam tutup (08:00) harus setelah jam buka (15:00)',
          en: 'Tuesday: closing time (08:00) must be after opening time (15:00)',
        },
      ],
    });
  });

  it('rejects a Friday break that runs past closing time', () => {
    const friday = { start: '08:00', end: '14:00', breaks: [{ start: '11:30', end: '14:30' }] };
    const cal = calendarWith((c) => ({ ...c, week: { ...c.week, 5: friday } }));
    expect(validateWorkingCalendar(cal)).toEqual({
      'week.5.breaks.0': [
        {
          id: 'Jumat: istirahat 1 (11:30–14:30) harus berada di dalam jam layanan 08:00–14:00',
          en: 'Friday: break 1 (11:30–14:30) must lie inside service hours 08:00–14:00',
        },
      ],
    });
  });

  it('rejects overlapping breaks, naming both', () => {
    const monday = {
      start: '08:00',
      end: '15:00',
      breaks: [
        { start: '12:00', end: '13:00' },
        { start: '09:00', end: '12:30' },
      ],
    };
    const cal = calendarWith((c) => ({ ...c, week: { ...c.week, 1: monday } }));
    expect(validateWorkingCalendar(cal)).toEqual({
      'week.1.breaks.0': [
        {
          id: 'Senin: istirahat 1 (12:00–13:00) bertumpang tindih dengan istirahat 2 (09:00–12:30)',
          en: 'Monday: break 1 (12:00–13:00) overlaps break 2 (09:00–12:30)',
        },
      ],
    });
  });

  it('accepts breaks that touch but do not overlap', () => {
    const monday = {
      start: '08:00',
      end: '15:00',
      breaks: [
        { start: '10:00', end: '10:15' },
        { start: '10:15', end: '10:30' },
      ],
    };
    expect(validateWorkingCalendar(calendarWith((c) => ({ ...c, week: { ...c.week, 1: monday } })))).toEqual(
      {},
    );
  });

  it('rejects a malformed time, a break with its end before its start, and a bad zone', () => {
    const cal = calendarWith((c) => ({
      ...c,
      timeZone: 'Asia/Singapore' as WorkingCalendar['timeZone'],
      week: {
        ...c.week,
        3: { start: '8:00', end: '15:00', breaks: [] },
        4: { start: '08:00', end: '15:00', breaks: [{ start: '13:00', end: '12:00' }] },
      },
    }));
    const problems = validateWorkingCalendar(cal);
    expect(Object.keys(problems).sort()).toEqual(['timeZone', 'week.3.start', 'week.4.breaks.0.end']);
    expect(problems['week.3.start']?.[0]?.en).toBe(
      "Wednesday: opening time '8:00' is not a valid time; use HH:MM, e.g. 08:00",
    );
    expect(problems['week.4.breaks.0.end']?.[0]?.id).toBe(
      'Kamis: istirahat 1: selesai (12:00) harus setelah mulai (13:00)',
    );
    expect(problems.timeZone?.[0]?.en).toContain("Time zone 'Asia/Singapore' is not supported");
  });

  it('requires at least one open weekday', () => {
    const closed = { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null };
    expect(validateWorkingCalendar(calendarWith((c) => ({ ...c, week: closed })))).toEqual({
      week: [
        {
          id: 'Minimal satu hari dalam seminggu harus memiliki jam layanan',
          en: 'At least one weekday must have service hours',
        },
      ],
    });
  });

  it('rejects a holiday on a date that does not exist, with no name, or of an unknown kind', () => {
    const cal = calendarWith((c) => ({
      ...c,
      holidays: [
        { date: '2026-02-30', name: 'Hari jadi Kabupaten', kind: 'regional' },
        { date: '2026-04-21', name: ' ', kind: 'regional' },
        { date: '2026-04-22', name: 'Libur', kind: 'local' as 'regional' },
      ],
    }));
    expect(validateWorkingCalendar(cal)).toEqual({
      'holidays.0.date': [
        {
          id: "Hari libur 1 (Hari jadi Kabupaten): tanggal '2026-02-30' tidak valid; gunakan TTTT-BB-HH",
          en: "Holiday 1 (Hari jadi Kabupaten): date '2026-02-30' is not a valid date; use YYYY-MM-DD",
        },
      ],
      'holidays.1.name': [{ id: 'Hari libur 2: nama wajib diisi', en: 'Holiday 2: name is required' }],
      'holidays.2.kind': [
        {
          id: "Hari libur 3 (Libur): jenis 'local' tidak dikenal; pilih national, collective_leave atau regional",
          en: "Holiday 3 (Libur): kind 'local' is unknown; choose national, collective_leave or regional",
        },
      ],
    });
  });

  it('reports a weekday missing from stored data', () => {
    const { 7: _sunday, ...rest } = MAGETAN_STANDARD_WEEK;
    const cal = calendarWith((c) => ({ ...c, week: rest as WorkingCalendar['week'] }));
    expect(validateWorkingCalendar(cal)['week.7']?.[0]?.en).toBe(
      'Sunday: service hours are missing (use null when closed)',
    );
  });
});

describe(defaultWorkingCalendar.name, () => {
  it("is Magetan's week: Mon–Thu 08:00–15:00 with 12:00–13:00, Fri 08:00–14:00 with 11:30–13:30", () => {
    const { week } = defaultWorkingCalendar();
    expect(week[1]).toEqual({ start: '08:00', end: '15:00', breaks: [{ start: '12:00', end: '13:00' }] });
    expect(week[5]).toEqual({ start: '08:00', end: '14:00', breaks: [{ start: '11:30', end: '13:30' }] });
    expect([week[6], week[7]]).toEqual([null, null]);
  });

  it('hands out copies, so editing one region leaves the default untouched', () => {
    const edited = defaultWorkingCalendar();
    const monday = edited.week[1];
    const newYear = edited.holidays[0];
    if (monday) monday.start = '07:00';
    if (newYear) newYear.name = 'changed';
    edited.week[5] = null;
    const fresh = defaultWorkingCalendar();
    expect(fresh.week[1]?.start).toBe('08:00');
    expect(fresh.week[5]).not.toBeNull();
    expect(fresh.holidays[0]?.name).toBe('Tahun Baru 2026 Masehi');
    expect(Object.isFrozen(MAGETAN_STANDARD_WEEK[1])).toBe(true);
  });
});

describe('UTC_OFFSET_MINUTES', () => {
  it('matches the time-zone database at every month of 2026 and 2027 (no DST)', () => {
    for (const zone of TIME_ZONES) {
      const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      const hours = UTC_OFFSET_MINUTES[zone] / 60;
      for (let month = 0; month < 24; month++) {
        const sample = new Date(Date.UTC(2026, month, 15, 12));
        expect(format.format(sample)).toContain(`GMT+0${hours}:00`);
      }
    }
  });
});

describe(parseClock.name, () => {
  it('reads strict HH:MM from 00:00 to 24:00 and nothing else', () => {
    expect(['00:00', '08:30', '23:59', '24:00'].map(parseClock)).toEqual([0, 510, 1439, 1440]);
    expect(['8:00', '24:01', '12:60', '1200', ''].map(parseClock)).toEqual([null, null, null, null, null]);
  });
});
