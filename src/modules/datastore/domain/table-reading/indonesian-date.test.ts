import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDONESIAN_MONTH_ABBREVIATIONS, INDONESIAN_MONTHS, INDONESIAN_WEEKDAYS } from './calendar-names.js';
import { type DateWriting, formatDate } from './fixture-formats.js';
import { excelSerialToIsoDate, parseIndonesianDate } from './indonesian-date.js';

/** Any real calendar day from 1930 to 2029 (the window two-digit years cover), as ISO text. */
const isoDates = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe(parseIndonesianDate.name, () => {
  it.each([
    ['31/12/2024', '2024-12-31'],
    ['31-12-2024', '2024-12-31'],
    ['31.12.2024', '2024-12-31'],
    ['1/2/2024', '2024-02-01'],
    ['31/12/24', '2024-12-31'],
    ['2024-12-31', '2024-12-31'],
    ['2024/12/31', '2024-12-31'],
    ['31 Desember 2024', '2024-12-31'],
    ['31 Des 2024', '2024-12-31'],
    ['31-Des-2024', '2024-12-31'],
    ['31-Des-24', '2024-12-31'],
    ['17 Agt 2024', '2024-08-17'],
    ['17 Agustus 1945', '1945-08-17'],
    ['10 Nopember 2024', '2024-11-10'],
    ['Selasa, 31 Desember 2024', '2024-12-31'],
    ["Jum'at, 16 Agustus 2024", '2024-08-16'],
    ['31 December 2024', '2024-12-31'],
    ['December 31, 2024', '2024-12-31'],
    ['31/12/2024 0:00', '2024-12-31'],
    ['31/12/2024 14.30 WIB', '2024-12-31'],
    ['2024-12-31T08:30:00Z', '2024-12-31'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseIndonesianDate(text)).toBe(expected);
  });

  it.each([
    ['Des-24', '2024-12'],
    ['Desember 2024', '2024-12'],
    ['Januari 2025', '2025-01'],
    ['Jan-2025', '2025-01'],
    ["Des '24", '2024-12'],
    ['Dec 2024', '2024-12'],
    ['12/2024', '2024-12'],
    ['2024-12', '2024-12'],
  ])('reads the month-only %j as %s', (text, expected) => {
    expect(parseIndonesianDate(text)).toBe(expected);
  });

  it.each([
    '31/02/2024',
    '29/02/2023',
    '31/04/2024',
    '00/01/2024',
    '12/31/2024',
    '13/13/2024',
    'Senin, 31 Desember 2024',
    '31 Foo 2024',
    '24-Des',
    '31/12/2024 25:00',
    '45657',
    '2024',
    'Desember',
    '',
    'tanggal',
  ])('refuses %j', (text) => {
    expect(parseIndonesianDate(text)).toBeNull();
  });

  it('reads a bare number as an Excel serial day only when told the cell is a date', () => {
    expect(parseIndonesianDate('45657', { excelSerial: true })).toBe('2024-12-31');
    expect(parseIndonesianDate('45657.75', { excelSerial: true })).toBe('2024-12-31');
    expect(parseIndonesianDate('44195', { excelSerial: true, date1904: true })).toBe('2024-12-31');
  });

  it('gives back any day written each Indonesian and English way', () => {
    const writings: DateWriting[] = ['slash', 'dash', 'iso', 'long-id', 'short-id', 'weekday-id', 'long-en'];
    fc.assert(
      fc.property(isoDates, fc.constantFrom(...writings), (iso, writing) => {
        expect(parseIndonesianDate(formatDate(iso, writing))).toBe(iso);
      }),
    );
  });

  it('gives back any month written as Excel’s mmm-yy and as "Bulan yyyy"', () => {
    fc.assert(
      fc.property(isoDates, (iso) => {
        const month = Number(iso.slice(5, 7)) - 1;
        expect(parseIndonesianDate(formatDate(iso, 'month-id'))).toBe(iso.slice(0, 7));
        expect(parseIndonesianDate(`${INDONESIAN_MONTHS[month]} ${iso.slice(0, 4)}`)).toBe(iso.slice(0, 7));
        expect(parseIndonesianDate(`${INDONESIAN_MONTH_ABBREVIATIONS[month]} ${iso.slice(0, 4)}`)).toBe(
          iso.slice(0, 7),
        );
      }),
    );
  });

  it('refuses a day past the end of its month, for every month and year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const mm = String(month).padStart(2, '0');
        expect(parseIndonesianDate(`${lastDay}/${mm}/${year}`)).not.toBeNull();
        expect(parseIndonesianDate(`${lastDay + 1}/${mm}/${year}`)).toBeNull();
      }),
    );
  });

  it('refuses a weekday that does not match the date', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: 1, max: 6 }), (iso, shift) => {
        const wrongDay = (new Date(`${iso}T00:00:00Z`).getUTCDay() + shift) % 7;
        const text = `${INDONESIAN_WEEKDAYS[wrongDay]}, ${formatDate(iso, 'long-id')}`;
        expect(parseIndonesianDate(text)).toBeNull();
      }),
    );
  });

  it('never throws, and answers only with an ISO day or month, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), fc.boolean(), (text, excelSerial) => {
        const result = parseIndonesianDate(text, { excelSerial });
        expect(result === null || /^\d{4}-\d{2}(-\d{2})?$/.test(result)).toBe(true);
      }),
    );
  });

  it('answers quickly on long hostile text', () => {
    const started = performance.now();
    for (const text of [
      `1 ${' '.repeat(100_000)}x`,
      `${'1/'.repeat(50_000)}x`,
      `senin,${' '.repeat(100_000)}`,
    ]) {
      expect(parseIndonesianDate(text)).toBeNull();
    }
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe(excelSerialToIsoDate.name, () => {
  it('counts from 1 January 1900 as Excel does, skipping its phantom 29 February 1900', () => {
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(60)).toBeNull();
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(2958465)).toBe('9999-12-31');
  });

  it('refuses serials outside Excel’s calendar', () => {
    expect(excelSerialToIsoDate(0)).toBeNull();
    expect(excelSerialToIsoDate(-1)).toBeNull();
    expect(excelSerialToIsoDate(2958466)).toBeNull();
    expect(excelSerialToIsoDate(Number.NaN)).toBeNull();
  });

  it('agrees with the calendar for every serial from 1 March 1900 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
        expect(excelSerialToIsoDate(serial)).toBe(expected);
      }),
    );
  });
});
