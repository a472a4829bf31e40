import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './intl-formats.js';

describe('shared Intl formatters', () => {
  const at = new Date('2026-12-07T03:04:05Z');

  it('format as a formatter built for the call would', () => {
    const options = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jayapura' } as const;
    expect(dateTimeFormat('id', options).format(at)).toBe(
      new Intl.DateTimeFormat('id-ID', options).format(at),
    );
    expect(dateTimeFormat('en', options).format(at)).toBe(
      new Intl.DateTimeFormat('en-GB', options).format(at),
    );
    expect(numberFormat('id').format(1234567.5)).toBe('1.234.567,5');
    expect(numberFormat('en', { maximumFractionDigits: 0 }).format(1234.5)).toBe('1,235');
  });

  it('keep one formatter per locale and options, and tell different options apart', () => {
    expect(dateTimeFormat('id', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(
      dateTimeFormat('id', { dateStyle: 'medium', timeZone: 'UTC' }),
    );
    expect(dateTimeFormat('id', { dateStyle: 'medium', timeZone: 'Asia/Makassar' }).format(at)).not.toBe(
      dateTimeFormat('id', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Makassar' }).format(at),
    );
    expect(numberFormat('id')).toBe(numberFormat('id-ID'));
  });
});
