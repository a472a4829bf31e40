import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendar } from '../../../kernel/calendar/working-calendar.js';
import { alertDue } from './alerts.js';
import { checkWorkflowDefinition } from './definition.js';
import { MAGETAN_STATISTIK_SEKTORAL, MALUKU_UTARA_PENGUMPULAN_DISEMINASI } from './presets/index.js';
import { averageDayMinutes, forwardPath, processTimeReport, workingDaysOf } from './process-time.js';
import { currentPeriod } from './recurrence.js';

const calendar = defaultWorkingCalendar();
const wib = (local: string) => new Date(`${local}+07:00`);

describe('whole-process standard time against the sum of its steps', () => {
  it('Magetan’s service standard is 3 weeks = 15 working days', () => {
    expect(MAGETAN_STATISTIK_SEKTORAL.standardTime).toBe('3 minggu');
    expect(averageDayMinutes(calendar)).toBe(336);
    expect(workingDaysOf('3 minggu', calendar)).toBe(15);
    expect(workingDaysOf('168 menit', calendar)).toBe(0.5);
    expect(workingDaysOf(null, calendar)).toBeNull();
  });

  it('reports the standard, the forward path’s sum and the run’s elapsed working days', () => {
    const report = processTimeReport(MAGETAN_STATISTIK_SEKTORAL, calendar, {
      startedAt: wib('2026-11-02T08:00'), // Monday
      endedAt: null,
      now: wib('2026-11-30T08:00'), // four weeks later
    });
    expect(report.standardDays).toBe(15);
    expect(report.stepsDays).toBeGreaterThan(0);
    expect(report.elapsedDays).toBe(20);
    expect(report.overStandard).toBe(true);
    const path = forwardPath(MAGETAN_STATISTIK_SEKTORAL);
    expect(path[0]).toBe(MAGETAN_STATISTIK_SEKTORAL.start);
    expect(new Set(path).size).toBe(path.length);
  });

  it('a definition’s standard time and recurrence are checked', () => {
    const base = { ...MAGETAN_STATISTIK_SEKTORAL };
    expect(checkWorkflowDefinition({ ...base, standardTime: '3 pekan lebih' })).toHaveProperty(
      'standardTime',
    );
    expect(checkWorkflowDefinition({ ...base, recurrence: { months: [13] } })).toHaveProperty(
      'recurrence.months',
    );
    expect(checkWorkflowDefinition({ ...base, recurrence: { months: [1, 7] } })).toEqual({});
  });
});

describe('recurring cycles', () => {
  it('North Maluku runs twice a year: periods start 1 January and 1 July on the WIT clock', () => {
    const rec = MALUKU_UTARA_PENGUMPULAN_DISEMINASI.recurrence;
    expect(rec).toEqual({ months: [1, 7] });
    if (!rec) return;
    // 30 June 23:30 WIT is still the first half; 1 July 00:00 WIT (30 June 15:00 UTC) the second.
    expect(currentPeriod(rec, new Date('2027-06-30T14:30:00Z'), 'Asia/Jayapura').key).toBe('2027-1');
    const second = currentPeriod(rec, new Date('2027-06-30T15:00:00Z'), 'Asia/Jayapura');
    expect(second.key).toBe('2027-2');
    expect(second.startsAt).toEqual(new Date('2027-06-30T15:00:00Z'));
    expect(second.label.id).toBe('2027 periode 2 dari 2');
    expect(currentPeriod({ months: [1] }, new Date('2027-03-01T00:00:00Z'), 'Asia/Jakarta').key).toBe('2027');
    expect(currentPeriod({ months: [4] }, new Date('2027-03-01T00:00:00Z'), 'Asia/Jakarta').key).toBe('2026');
  });
});

describe('reminders and escalation on a fixed clock', () => {
  // A 5-working-day task opened Monday 2 Nov 2026 08:00 WIB, due Monday 9 Nov 08:00.
  const task = { openedAt: wib('2026-11-02T08:00'), dueAt: wib('2026-11-09T08:00') };
  it('nothing early; a reminder when a quarter of the working time is left; escalation once overdue', () => {
    expect(alertDue(calendar, task, wib('2026-11-03T10:00'))).toBeNull();
    expect(alertDue(calendar, task, wib('2026-11-05T15:00'))).toBe('reminder');
    expect(alertDue(calendar, task, wib('2026-11-09T08:00'))).toBe('reminder');
    expect(alertDue(calendar, task, wib('2026-11-09T08:01'))).toBe('escalation');
  });

  it('short steps get no reminder; a task without a due time gets nothing', () => {
    const short = { openedAt: wib('2026-11-02T08:00'), dueAt: wib('2026-11-02T09:00') };
    expect(alertDue(calendar, short, wib('2026-11-02T08:59'))).toBeNull();
    expect(alertDue(calendar, short, wib('2026-11-02T09:30'))).toBe('escalation');
    expect(alertDue(calendar, { openedAt: task.openedAt, dueAt: null }, wib('2027-01-01T00:00'))).toBeNull();
  });
});
