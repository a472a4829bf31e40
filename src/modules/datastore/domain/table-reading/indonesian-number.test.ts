import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from './fixture-formats.js';
import { detectNumberStyle, parseIndonesianNumber } from './indonesian-number.js';

describe(parseIndonesianNumber.name, () => {
  it.each([
    ['1.234.567,89', 1234567.89],
    ['12,5', 12.5],
    ['-3,25', -3.25],
    ['(1.234)', -1234],
    ['1.234', 1234],
    ['12,5%', 12.5],
    ['Rp 1.500.000', 1500000],
    ['Rp. 1.500.000,50', 1500000.5],
    ['-Rp 1.000', -1000],
    ['Rp -1.000', -1000],
    ['\u22125', -5],
    ['1,5E+03', 1500],
    ['0,75', 0.75],
    ['  42  ', 42],
    ['-0', 0],
  ])('reads the Indonesian %j as %d', (text, expected) => {
    expect(parseIndonesianNumber(text)).toBe(expected);
  });

  it.each([
    ['1,234,567.89', 1234567.89],
    ['1234.5', 1234.5],
    ['1.234', 1.234],
    ['0.125', 0.125],
    ['(12.5%)', -12.5],
  ])('reads the international %j as %d when told the style is en', (text, expected) => {
    expect(parseIndonesianNumber(text, 'en')).toBe(expected);
  });

  it.each([
    '',
    'abc',
    '12.5',
    '0.125',
    '1.2345',
    '1.234.',
    '1..234',
    '(-5)',
    '(5',
    '--5',
    '-+5',
    '12,5,3',
    '1 234',
    '35200112345678901',
    'Infinity',
    'NaN',
    '0x1F',
  ])('refuses %j in the Indonesian style rather than guess', (text) => {
    expect(parseIndonesianNumber(text)).toBeNull();
  });

  it('gives back any number written the Indonesian way, with or without thousands dots', () => {
    const numbers = fc.oneof(
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.double({ min: -1e12, max: 1e12, noNaN: true }).map((value) => Number(value.toFixed(4))),
    );
    fc.assert(
      fc.property(
        numbers,
        fc.constantFrom('id', 'id-plain', 'id-accounting', 'id-percent'),
        (value, writing) => {
          expect(parseIndonesianNumber(formatNumber(value, writing))).toBe(value === 0 ? 0 : value);
        },
      ),
    );
  });

  it('gives back any number written the international way when the style is en', () => {
    const numbers = fc
      .double({ min: -1e12, max: 1e12, noNaN: true })
      .map((value) => Number(value.toFixed(3)));
    fc.assert(
      fc.property(numbers, fc.constantFrom('en', 'en-plain'), (value, writing) => {
        expect(parseIndonesianNumber(formatNumber(value, writing), 'en')).toBe(value === 0 ? 0 : value);
      }),
    );
  });

  it('never throws and never returns a non-finite number, whatever the text', () => {
    const texts = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.stringMatching(/^[-+\u2212()Rp %.,0-9eE]{0,24}$/),
    );
    fc.assert(
      fc.property(texts, fc.constantFrom('id', 'en'), (text, style) => {
        const value = parseIndonesianNumber(text, style);
        expect(value === null || Number.isFinite(value)).toBe(true);
      }),
    );
  });

  it('never reads number-like text made of digits, dots and commas as a different number in the two styles unless it is ambiguous', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9][0-9.,]{0,12}$/), (text) => {
        const asId = parseIndonesianNumber(text, 'id');
        const asEn = parseIndonesianNumber(text, 'en');
        if (asId !== null && asEn !== null && asId !== asEn) {
          expect(text).toMatch(/^[1-9]\d{0,2}[.,]\d{3}$/);
        }
      }),
    );
  });
});

describe(detectNumberStyle.name, () => {
  it('reads a column with decimal commas or several dots as Indonesian', () => {
    expect(detectNumberStyle(['32.451', '1.234.567', '12'])).toBe('id');
    expect(detectNumberStyle(['12,5', '7,25'])).toBe('id');
  });

  it('reads a column with decimal dots or thousands commas as international', () => {
    expect(detectNumberStyle(['12.5', '7.25', '33.333'])).toBe('en');
    expect(detectNumberStyle(['1,234,567', '45,012'])).toBe('en');
    expect(detectNumberStyle(['0.125'])).toBe('en');
  });

  it('reads an ambiguous column (every value a lone dot and three digits) as Indonesian thousands', () => {
    expect(detectNumberStyle(['1.234', '5.678'])).toBe('id');
  });

  it('ignores text and empty cells', () => {
    expect(detectNumberStyle(['', 'n/a', '12.5'])).toBe('en');
    expect(detectNumberStyle([])).toBe('id');
  });

  it('reads back a column of random numbers written either way, whichever style it picks', () => {
    const column = fc.array(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => Number(v.toFixed(2))),
      {
        minLength: 1,
        maxLength: 20,
      },
    );
    fc.assert(
      fc.property(column, fc.constantFrom('id', 'id-plain', 'en', 'en-plain'), (values, writing) => {
        const texts = values.map((value) => formatNumber(value, writing));
        const style = detectNumberStyle(texts);
        const telling = texts.some((text) => !/^-?([1-9]\d{0,2}[.,]\d{3}|\d+)$/.test(text));
        if (telling)
          expect(texts.map((text) => parseIndonesianNumber(text, style))).toEqual(values.map((v) => v || 0));
      }),
    );
  });
});

describe('parseIndonesianNumber on hostile input', () => {
  it('answers quickly on long runs of spaces, signs and separators', () => {
    const started = performance.now();
    for (const text of [
      `(${' '.repeat(100_000)}x`,
      `rp${' '.repeat(100_000)}x`,
      `1${'.'.repeat(100_000)}x`,
    ]) {
      expect(parseIndonesianNumber(text)).toBeNull();
    }
    expect(performance.now() - started).toBeLessThan(500);
  });
});
