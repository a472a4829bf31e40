/**
 * The fast path's line reader (issue #20 item 2): a record on one line with no quote, backslash,
 * tab or carriage return is split and checked in one pass over its characters, each cell's COPY
 * text written as its characters are read. Text (quoted too, when it closes on the line), dotted
 * region codes, years and numbers written the canonical way (`-?\d+(\.\d+)?`, no leading zero)
 * are read here; any other cell goes
 * through fast-field.ts's cellInto, as in fast-rows.ts's row. At anything it is not sure of —
 * a cell to trim, a number to rewrite, a quote papaparse reads its own way, a quoted cell that
 * goes on to the next line, fewer or more cells than columns, a blank line — it says
 * no with nothing recorded, and the splitter splits the line for `row` (or checkRow) to read.
 *
 * Splitting with indexOf and then reading each cell (csv-splitter.ts, fast-rows.ts) reads every
 * character twice or thrice and costs a call per cell; at a million rows this halves the time.
 */
import type { CopyBuffer } from './copy-buffer.js';
import { isDottedCode } from './fast-cells.js';
import { cellInto, type FastField, Kind, passes } from './fast-field.js';
import type { ReferenceLookup } from './reference-lookup.js';

/**
 * Reads the record `s[start, end)` (its line break excluded; no backslash, tab or CR in it) numbered `rowNumber` into `out`
 * after its `_id`: true when it passed every check (recorded as checkRow would); false when
 * it must be split and read the general way (`out` may hold part of it: the caller rewinds).
 */
export type LineReader = (
  s: string,
  start: number,
  end: number,
  rowNumber: number,
  out: CopyBuffer,
) => boolean;

export interface LineInput {
  /** In column order: field i is column i, and the table has as many columns. */
  fields: readonly FastField[];
  delimiter: number;
  lookup: ReferenceLookup;
  /** Where the values the fields' checks or keys need go (fast-rows.ts). */
  values: (string | null)[];
  /** May this row be read fast at all (it follows the last one read)? */
  ready: (rowNumber: number) => boolean;
  /** Every cell passed: record the keys, count the row; false on a duplicate key. */
  accept: (rowNumber: number) => boolean;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

const QUOTE = 34;

/**
 * Cursor over the line, shared by the cell readers below (no object per row or cell): where
 * the line is read to, where the COPY text is written to, and the last quoted cell's text.
 */
const at = { p: 0, pos: 0, a: 0, b: 0, doubled: false };

/**
 * Text or a region code: copied byte for byte while ASCII (rewritten as UTF-8 otherwise); false
 * when the cell must be trimmed, holds a quote, or a region code is not dotted. Its text is
 * `s[a, at.p)`.
 */
function textCell(f: FastField, s: string, end: number, d: number, out: CopyBuffer): boolean {
  const buf = out.buf;
  const a = at.p;
  const from = at.pos;
  let p = a;
  let pos = from;
  let high = 0;
  for (; p < end; p++) {
    const c = s.charCodeAt(p);
    if (c === d) break;
    if (c === QUOTE) return false; // papaparse reads a quote inside a cell its own way
    high |= c;
    buf[pos++] = c;
  }
  const first = s.charCodeAt(a);
  const last = s.charCodeAt(p - 1);
  if (first <= 32 || last <= 32 || first >= 128 || last >= 128) return false;
  if (high >= 128) {
    if (f.kind === Kind.Region) return false;
    out.pos = from;
    out.text(s, a, p, false);
    pos = out.pos;
  } else if (f.kind === Kind.Region && !isDottedCode(s, a, p)) return false;
  at.p = p;
  at.pos = pos;
  return true;
}

/**
 * A quoted text cell closing on this line and followed by the delimiter or the line's end:
 * its text (doubled quotes made single) copied while ASCII; false otherwise, or when the text
 * must be trimmed or is empty. `at.doubled` says whether it had doubled quotes; its text as
 * written is `s[at.a, at.b)`.
 */
function quotedCell(s: string, end: number, d: number, buf: Buffer): boolean {
  let p = at.p + 1;
  let pos = at.pos;
  const a = p;
  let doubled = false;
  let high = 0;
  for (;;) {
    const q = s.indexOf('"', p);
    if (q < 0 || q >= end) return false;
    for (; p < q; p++) {
      const c = s.charCodeAt(p);
      high |= c;
      buf[pos++] = c;
    }
    if (q + 1 < end && s.charCodeAt(q + 1) === QUOTE) {
      buf[pos++] = QUOTE;
      doubled = true;
      p = q + 2;
      continue;
    }
    p = q + 1;
    break;
  }
  const b = p - 1;
  if ((p < end && s.charCodeAt(p) !== d) || b === a || high >= 128) return false;
  const first = s.charCodeAt(a);
  const last = s.charCodeAt(b - 1);
  if (first <= 32 || last <= 32) return false;
  at.a = a;
  at.b = b;
  at.doubled = doubled;
  at.p = p;
  at.pos = pos;
  return true;
}

/**
 * A number as written when that is its canonical text (as numberInto writes it as written):
 * `-?` then 1–15 digits with no leading zero, then `.` and digits when the column's style is
 * `en` (numbers), at most 15 digits in all; zero only as `0`. Returns its value, NaN otherwise.
 */
function numberCell(f: FastField, s: string, end: number, d: number, buf: Buffer): number {
  let p = at.p;
  let pos = at.pos;
  const negative = s.charCodeAt(p) === 45;
  if (negative) {
    buf[pos++] = 45;
    p++;
  }
  const whole = p;
  let mantissa = 0;
  let c = 0;
  for (; p < end; p++) {
    c = s.charCodeAt(p);
    if (c < 48 || c > 57) break;
    mantissa = mantissa * 10 + (c - 48);
    buf[pos++] = c;
  }
  const wholeDigits = p - whole;
  if (wholeDigits === 0 || (wholeDigits > 1 && s.charCodeAt(whole) === 48)) return Number.NaN;
  let decimals = 0;
  if (p < end && c === 46) {
    if (f.kind !== Kind.Number || (f.style ?? f.numberState?.style) !== 'en') return Number.NaN;
    buf[pos++] = 46;
    const point = ++p;
    for (; p < end; p++) {
      c = s.charCodeAt(p);
      if (c < 48 || c > 57) break;
      mantissa = mantissa * 10 + (c - 48);
      buf[pos++] = c;
    }
    decimals = p - point;
    if (decimals === 0) return Number.NaN;
  }
  if (wholeDigits + decimals > 15 || (p < end && s.charCodeAt(p) !== d)) return Number.NaN;
  const value = decimals === 0 ? mantissa : mantissa / (POW10[decimals] as number);
  if (value === 0 && (negative || decimals > 0)) return Number.NaN;
  at.p = p;
  at.pos = pos;
  return negative ? -value : value;
}

/** A year (`\d{4}`, not starting with 0); its value, NaN otherwise. */
function yearCell(s: string, end: number, d: number, buf: Buffer): number {
  const a = at.p;
  if (a + 4 > end || (a + 4 < end && s.charCodeAt(a + 4) !== d)) return Number.NaN;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(a + i);
    if (c < 48 || c > 57 || (i === 0 && c === 48)) return Number.NaN;
    year = year * 10 + (c - 48);
    buf[at.pos + i] = c;
  }
  at.p = a + 4;
  at.pos += 4;
  return year;
}

export function createLineReader(input: LineInput): LineReader {
  const { fields, delimiter: d, lookup, values, ready, accept } = input;
  const n = fields.length;
  /** Any other cell, `s[a, b)`, through cellInto; false when it must be trimmed or fails. */
  const otherCell = (f: FastField, i: number, s: string, b: number, out: CopyBuffer): boolean => {
    const a = at.p;
    const first = s.charCodeAt(a);
    const last = s.charCodeAt(b - 1);
    if (first <= 32 || last <= 32 || first >= 128 || last >= 128) return false;
    out.pos = at.pos - 1; // cellInto writes the tab itself
    if (!cellInto(f, i, s, a, b, true, out, lookup, values)) return false;
    at.p = b;
    at.pos = out.pos;
    return true;
  };
  return (s, start, end, rowNumber, out) => {
    if (!ready(rowNumber)) return false;
    out.ensure((end - start) * 3 + 3 * n + 8);
    at.p = start;
    at.pos = out.pos;
    let blank = true;
    for (let i = 0; i < n; i++) {
      const f = fields[i] as FastField;
      if (i > 0) {
        if (at.p >= end) return false;
        at.p++; // the delimiter the last cell stopped at
      }
      const buf = out.buf;
      buf[at.pos++] = 9;
      const a = at.p;
      if (a === end || s.charCodeAt(a) === d) {
        if (f.required) return false;
        values[i] = null;
        buf[at.pos++] = 92;
        buf[at.pos++] = 78;
        continue;
      }
      blank = false;
      const kind = f.kind;
      if (kind === Kind.Text && s.charCodeAt(a) === QUOTE) {
        if (!quotedCell(s, end, d, buf)) return false;
        const value = at.doubled ? s.slice(at.a, at.b).replaceAll('""', '"') : undefined;
        const ref = f.reference;
        if (ref !== undefined) {
          const known =
            value === undefined && lookup.hasRange
              ? lookup.hasRange(ref, s, at.a, at.b)
              : lookup.has(ref, value ?? s.slice(at.a, at.b));
          if (!known) return false;
        }
        if (f.needsValue) {
          const text = value ?? s.slice(at.a, at.b);
          if (!passes(f, text)) return false;
          values[i] = text;
        }
        continue;
      }
      if (kind === Kind.Text || kind === Kind.Region) {
        if (!textCell(f, s, end, d, out)) return false;
        const ref = f.reference;
        if (ref !== undefined) {
          const known = f.codes
            ? f.codes.hasRange(s, a, at.p)
            : lookup.hasRange
              ? lookup.hasRange(ref, s, a, at.p)
              : lookup.has(ref, s.slice(a, at.p));
          if (!known) return false;
        }
      } else if (kind === Kind.Integer || kind === Kind.Number || kind === Kind.Year) {
        const value = kind === Kind.Year ? yearCell(s, end, d, buf) : numberCell(f, s, end, d, buf);
        if (!(value >= f.min && value <= f.max)) return false; // NaN too
        if (f.reference !== undefined && !lookup.has(f.reference, s.slice(a, at.p))) return false;
      } else {
        let b = a;
        for (let c = s.charCodeAt(b); b < end && c !== d; c = s.charCodeAt(++b))
          if (c === QUOTE) return false;
        if (!otherCell(f, i, s, b, out)) return false;
        continue; // cellInto checked the rest
      }
      if (f.needsValue) {
        const value = s.slice(a, at.p);
        if (!passes(f, value)) return false;
        values[i] = value;
      }
    }
    if (at.p !== end || blank) return false;
    out.pos = at.pos;
    return accept(rowNumber);
  };
}
