import { describe, expect, it } from 'vitest';
import { formatStandardDuration, parseStandardDuration, toWorkingAmount } from './duration.js';

describe(parseStandardDuration.name, () => {
  it.each([
    ['15 menit', 15, 'minutes'],
    ['40 min', 40, 'minutes'],
    ['180 Menit', 180, 'minutes'],
    ['1 jam', 1, 'hours'],
    ['2 h', 2, 'hours'],
    ['1,5 jam', 1.5, 'hours'],
    ['2 hari', 2, 'days'],
    ['60 hari kerja', 60, 'days'],
    ['5 working days', 5, 'days'],
    ['1 day', 1, 'days'],
    ['1 minggu', 1, 'weeks'],
    ['2 weeks', 2, 'weeks'],
    ['3 bulan', 3, 'months'],
    ['8 months', 8, 'months'],
    ['  14   hari ', 14, 'days'],
  ] as const)('reads "%s" as %d %s', (text, amount, unit) => {
    expect(parseStandardDuration(text)).toEqual({ ok: true, duration: { amount, unit } });
  });

  it('reads a dash or a blank as "no standard time", as in the SOP tables', () => {
    for (const text of ['—', '-', '–', '', '  ']) {
      expect(parseStandardDuration(text)).toEqual({ ok: true, duration: null });
    }
  });

  it('names the text it cannot read, in both languages', () => {
    expect(parseStandardDuration('dua hari')).toEqual({
      ok: false,
      error: {
        id: `Waktu baku 'dua hari' tidak dikenali; tulis misalnya "15 menit", "2 jam", "5 hari kerja", "1 minggu" atau "3 bulan"`,
        en: `Standard time 'dua hari' is not recognised; write e.g. "15 minutes", "2 hours", "5 working days", "1 week" or "3 months"`,
      },
    });
    expect(parseStandardDuration('3 tahun').ok).toBe(false);
  });

  it('refuses fractional working days', () => {
    const parsed = parseStandardDuration('1,5 hari');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.en).toContain('days, weeks and months must be whole numbers');
  });
});

describe(toWorkingAmount.name, () => {
  it('counts minutes and hours as working minutes', () => {
    expect(toWorkingAmount({ amount: 15, unit: 'minutes' }, 5)).toEqual({ kind: 'minutes', minutes: 15 });
    expect(toWorkingAmount({ amount: 8, unit: 'hours' }, 5)).toEqual({ kind: 'minutes', minutes: 480 });
  });

  it("counts a week as the calendar's open weekdays and a month as four such weeks", () => {
    expect(toWorkingAmount({ amount: 2, unit: 'weeks' }, 5)).toEqual({ kind: 'days', days: 10 });
    expect(toWorkingAmount({ amount: 3, unit: 'months' }, 5)).toEqual({ kind: 'days', days: 60 });
    expect(toWorkingAmount({ amount: 1, unit: 'weeks' }, 6)).toEqual({ kind: 'days', days: 6 });
    expect(toWorkingAmount({ amount: 1, unit: 'months' }, 6)).toEqual({ kind: 'days', days: 24 });
  });

  it('rejects negative, non-finite and fractional day counts', () => {
    expect(() => toWorkingAmount({ amount: -1, unit: 'minutes' }, 5)).toThrow(RangeError);
    expect(() => toWorkingAmount({ amount: Number.NaN, unit: 'hours' }, 5)).toThrow(RangeError);
    expect(() => toWorkingAmount({ amount: 0.5, unit: 'days' }, 5)).toThrow(RangeError);
  });
});

describe(formatStandardDuration.name, () => {
  it('writes the unit as working time in both languages', () => {
    expect(formatStandardDuration({ amount: 60, unit: 'days' })).toEqual({
      id: '60 hari kerja',
      en: '60 working days',
    });
    expect(formatStandardDuration({ amount: 1, unit: 'weeks' })).toEqual({
      id: '1 minggu kerja',
      en: '1 working week',
    });
    expect(formatStandardDuration({ amount: 1.5, unit: 'hours' })).toEqual({
      id: '1,5 jam',
      en: '1.5 hours',
    });
  });
});
