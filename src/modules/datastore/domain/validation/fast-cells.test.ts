/**
 * The fast path's cell readers read what the general readers read: for any text made of digits,
 * signs and separators, numberInto either says no (checkRow then reads the cell) or writes
 * readNumberFast's canonical text and value, in either style and with no style settled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CopyBuffer } from './copy-buffer.js';
import { isIsoDate, lastNumber, numberInto, yearInto } from './fast-cells.js';
import { readDate, readNumberFast, readYear } from './field-values.js';

const numberish = fc.stringMatching(/^-?[0-9.,]{1,24}$/);

function read(text: string, style: 'id' | 'en' | undefined, integer: boolean) {
  const out = new CopyBuffer(64);
  const ok = numberInto(text, 0, text.length, style, integer, out);
  return ok ? { text: out.ascii(0), value: lastNumber.value } : undefined;
}

describe('fast cell readers', () => {
  it('numberInto agrees with readNumberFast whenever it reads a cell', () => {
    fc.assert(
      fc.property(numberish, fc.constantFrom('id', 'en', undefined), fc.boolean(), (text, style, integer) => {
        const fast = read(text, style, integer);
        if (!fast) return;
        const general = readNumberFast(text, style ?? 'id');
        expect(general).not.toBeNull();
        if (style === undefined) expect(readNumberFast(text, 'en')?.value).toBe(general?.value);
        expect(fast.value).toBe(general?.value);
        if (integer) expect(fast.text).toBe(String(general?.value));
        else expect(fast.text).toBe(general?.text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the common writings', () => {
    expect(read('1.234,5', 'id', false)).toEqual({ text: '1234.5', value: 1234.5 });
    expect(read('21,79', 'id', false)).toEqual({ text: '21.79', value: 21.79 });
    expect(read('1,234.5', 'en', false)).toEqual({ text: '1234.5', value: 1234.5 });
    expect(read('007', undefined, true)).toEqual({ text: '7', value: 7 });
    expect(read('-0', undefined, true)).toEqual({ text: '0', value: 0 });
    expect(read('1.234', undefined, true)).toBeUndefined();
  });

  it('years and ISO dates as readYear and readDate take them', () => {
    for (const text of ['2024', '0999', '1999', '20x4', '202']) {
      const out = new CopyBuffer(16);
      expect(yearInto(text, 0, text.length, out)).toBe(readYear(text) !== undefined);
    }
    for (const text of ['2024-02-29', '2023-02-29', '2024-13-01', '0999-01-01', '2024-1-01', '2024-04-31'])
      expect(isIsoDate(text, 0, text.length)).toBe(readDate(text) === text);
  });
});
