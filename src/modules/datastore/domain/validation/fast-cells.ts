/**
 * The cell readers of the validator's fast path (fast-rows.ts): numbers, years, ISO dates and
 * dotted region codes read from a range of the file's text, their canonical text written
 * straight into the COPY buffer. Each reads exactly what the general readers (field-values.ts,
 * region-code.ts) read for these shapes and says no to anything else.
 */
import type { NumberStyle } from '../table-reading/indonesian-number.js';
import type { CopyBuffer } from './copy-buffer.js';

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The number the last cell read by numberInto or yearInto holds. */
export const lastNumber = { value: 0 };

/**
 * A number cell, `s[a, b)`, as readNumberFast reads it in `style`, for its common shapes: `-?`
 * then digits (`\d{1,15}`, leading zeros dropped) or groups (`1.234.567` in id), then decimals
 * (`,5` in id); at most 15 digits in all. With no style settled (undefined) only plain digits,
 * which read the same in both. Its canonical text goes to `out` and numberValue is set; false
 * for anything else (checkRow reads it then).
 */
export function numberInto(
  s: string,
  a: number,
  b: number,
  style: NumberStyle | undefined,
  integer: boolean,
  out: CopyBuffer,
): boolean {
  let i = a;
  const negative = b > a && s.charCodeAt(a) === 45;
  if (negative) i++;
  const start = i;
  const groupCode = style === 'id' ? 46 : style === 'en' ? 44 : -1;
  const decimalCode = style === 'id' ? 44 : style === 'en' ? 46 : -1;
  let mantissa = 0;
  let digits = 0;
  let grouped = false;
  let sinceGroup = 0;
  for (; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      sinceGroup++;
      continue;
    }
    if (c === groupCode) {
      // `[1-9]\d{0,2}` before the first group, exactly three digits between groups.
      if (grouped ? sinceGroup !== 3 : sinceGroup < 1 || sinceGroup > 3 || s.charCodeAt(start) === 48)
        return false;
      grouped = true;
      sinceGroup = 0;
      continue;
    }
    break;
  }
  const integerDigits = digits;
  if (integerDigits === 0 || (grouped && sinceGroup !== 3) || (!grouped && integerDigits > 15)) return false;
  const point = i;
  if (i < b) {
    if (s.charCodeAt(i) !== decimalCode || integer) return false;
    for (i++; i < b; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return false;
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    }
    if (digits === integerDigits) return false;
  }
  if (digits > 15) return false;
  const decimals = digits - integerDigits;
  const value = decimals === 0 ? mantissa : mantissa / (POW10[decimals] as number);
  if (value === 0) {
    lastNumber.value = 0;
    out.byte(48);
    return true;
  }
  lastNumber.value = negative ? -value : value;
  // The text as written when it already is canonical: no groups, '.' decimals, no leading zero.
  if (
    !grouped &&
    (decimals === 0 || decimalCode === 46) &&
    (integerDigits === 1 || s.charCodeAt(start) !== 48)
  ) {
    out.text(s, a, b, false);
    return true;
  }
  out.ensure(b - a + 2);
  const buf = out.buf;
  let pos = out.pos;
  if (negative) buf[pos++] = 45;
  let j = start;
  // Leading zeros go, but the last digit before the point stays.
  while (j < point - 1 && s.charCodeAt(j) === 48) j++;
  for (; j < point; j++) {
    const c = s.charCodeAt(j);
    if (c !== groupCode) buf[pos++] = c;
  }
  if (decimals > 0) {
    buf[pos++] = 46;
    for (j = point + 1; j < b; j++) buf[pos++] = s.charCodeAt(j);
  }
  out.pos = pos;
  return true;
}

/** A year cell (`\d{4}`, not starting with 0) to `out`; sets lastNumber. */
export function yearInto(s: string, a: number, b: number, out: CopyBuffer): boolean {
  if (b - a !== 4) return false;
  let year = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57 || (i === a && c === 48)) return false;
    year = year * 10 + (c - 48);
  }
  lastNumber.value = year;
  out.text(s, a, b, false);
  return true;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` naming a real day, as readDate takes it. */
export function isIsoDate(s: string, a: number, b: number): boolean {
  if (b - a !== 10 || s.charCodeAt(a + 4) !== 45 || s.charCodeAt(a + 7) !== 45) return false;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(a + i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) year = year * 10 + c;
    else if (i < 7) month = month * 10 + c;
    else day = day * 10 + c;
  }
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && isLeap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/** A region code already dotted (`35`, `35.20`, `35.20.01`, `35.20.01.2001`), as region-code.ts's DOTTED. */
export function isDottedCode(s: string, a: number, b: number): boolean {
  const n = b - a;
  if (n !== 2 && n !== 5 && n !== 8 && n !== 13) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(a + i);
    if (i === 2 || i === 5 || i === 8 ? c !== 46 : c < 48 || c > 57) return false;
  }
  return true;
}
