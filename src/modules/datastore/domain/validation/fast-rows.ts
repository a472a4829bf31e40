/**
 * The validator's fast path (issue #20 item 2): a row of plain cells checked against checks
 * compiled once from the schema into plain records (no closure or object per row or cell),
 * giving the row's COPY text at once. It only ever accepts: a row it cannot be sure of (any
 * error, a number written in a shape it does not read, a column whose number style is not
 * settled yet) is left to checkRow, which records the errors exactly as before. What an
 * accepted row changes in the validator (row count, last row number, unique and primary keys
 * seen) is what checkRow would have changed.
 */
import type { FieldType } from '../../../../kernel/table-schema/table-schema.js';
import type { NumberStyle } from '../table-reading/indonesian-number.js';
import type { CopyBuffer } from './copy-buffer.js';
import { type CompiledField, canonicalEnumValue, type NumberState, numericLimit } from './field-checks.js';
import { readBoolean, readDate, readYearMonth } from './field-values.js';
import type { ReferenceLookup } from './reference-lookup.js';
import { dottedRegionCode, regionLevelOf } from './region-code.js';
import type { SeenKeys } from './seen-keys.js';

/** A row's cells as ranges of text (csv-splitter.ts): cell i is `sources[i].slice(starts[i], ends[i])`. */
export interface CellRanges {
  readonly sources: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export interface FastRows {
  /**
   * One row, its cells trimmed and aligned to the columns as toTableRow gives them (`count` of
   * them, at least the header's width). When the row passes every check, its fields are
   * written to `out` as COPY text, each after a tab, and it returns true; false when checkRow
   * must judge it (nothing was recorded then; `out` may hold part of the row: the caller
   * rewinds it). `plain`: no cell holds a backslash, tab, carriage return or line feed.
   */
  row(cells: CellRanges, count: number, rowNumber: number, plain: boolean, out: CopyBuffer): boolean;
}

/** What the fast path shares with the validator (table-validator.ts). */
export interface FastRowsInput {
  compiled: readonly CompiledField[];
  /** Row count and last row number, as checkRow keeps them. */
  state: { rowCount: number; lastRowNumber: number };
  columnCount: number;
  isMissing: (text: string) => boolean;
  /** The schema's missing values are just the empty cell (the usual case). */
  onlyEmptyIsMissing: boolean;
  primaryKeyIndexes: readonly number[];
  primaryKeySeen: SeenKeys | undefined;
  lookup: ReferenceLookup;
  numberStyle: NumberStyle | undefined;
  references: ReadonlyMap<string, string>;
}

enum Kind {
  Text,
  Region,
  Integer,
  Number,
  Year,
  Date,
  Boolean,
  YearMonth,
}

interface FastField {
  kind: Kind;
  column: number;
  required: boolean;
  /** Fixed number style (XLSX), else the column's state as it settles. */
  style: NumberStyle | undefined;
  numberState: NumberState | undefined;
  min: number;
  max: number;
  minText: string | undefined;
  maxText: string | undefined;
  minLength: number;
  maxLength: number;
  pattern: RegExp | undefined;
  allowed: Set<string> | undefined;
  reference: string | undefined;
  lastKnown: string | undefined;
  seen: SeenKeys | undefined;
  /** Its checks or keys need the value as a string. */
  needsValue: boolean;
}

const KINDS: Record<FieldType, Kind> = {
  string: Kind.Text,
  integer: Kind.Integer,
  number: Kind.Number,
  year: Kind.Year,
  date: Kind.Date,
  boolean: Kind.Boolean,
  yearmonth: Kind.YearMonth,
};

function fastField(c: CompiledField, input: FastRowsInput): FastField {
  const { field } = c;
  const constraints = field.constraints ?? {};
  const reference = input.references.get(field.name);
  const isNumeric = field.type === 'integer' || field.type === 'number' || field.type === 'year';
  const isPeriod = field.type === 'date' || field.type === 'yearmonth';
  const bound = (value: number | string | undefined, none: number) =>
    isNumeric ? (numericLimit(value) ?? none) : none;
  const boundText = (value: number | string | undefined) =>
    isPeriod && value !== undefined ? canonicalEnumValue(field.type, value) : undefined;
  let kind = KINDS[field.type];
  if (kind === Kind.Text && reference !== undefined && regionLevelOf(reference) !== undefined)
    kind = Kind.Region;
  return {
    kind,
    column: c.column,
    required: c.required,
    style: input.numberStyle,
    numberState: c.numberState,
    min: bound(constraints.minimum, Number.NEGATIVE_INFINITY),
    max: bound(constraints.maximum, Number.POSITIVE_INFINITY),
    minText: boundText(constraints.minimum),
    maxText: boundText(constraints.maximum),
    minLength: constraints.minLength ?? 0,
    maxLength: constraints.maxLength ?? Number.POSITIVE_INFINITY,
    pattern: constraints.pattern === undefined ? undefined : new RegExp(`^(?:${constraints.pattern})$`, 'u'),
    allowed:
      constraints.enum !== undefined && constraints.enum.length > 0
        ? new Set(constraints.enum.map((v) => canonicalEnumValue(field.type, v)))
        : undefined,
    reference,
    lastKnown: undefined,
    seen: constraints.unique === true ? c.seen : undefined,
    needsValue: false,
  };
}

function needsValue(f: FastField, isKey: boolean): boolean {
  return (
    isKey ||
    f.minText !== undefined ||
    f.maxText !== undefined ||
    f.minLength > 0 ||
    f.maxLength !== Number.POSITIVE_INFINITY ||
    f.pattern !== undefined ||
    f.allowed !== undefined
  );
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The number the last cell read by numberInto or yearInto holds. */
let numberValue = 0;

/**
 * A number cell, `s[a, b)`, as readNumberFast reads it in `style`, for its common shapes: `-?`
 * then digits (`\d{1,15}`, leading zeros dropped) or groups (`1.234.567` in id), then decimals
 * (`,5` in id); at most 15 digits in all. With no style settled (undefined) only plain digits,
 * which read the same in both. Its canonical text goes to `out` and numberValue is set; false
 * for anything else (checkRow reads it then).
 */
function numberInto(
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
    numberValue = 0;
    out.byte(48);
    return true;
  }
  numberValue = negative ? -value : value;
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

/** A year cell (`\d{4}`, not starting with 0) to `out`; sets numberValue. */
function yearInto(s: string, a: number, b: number, out: CopyBuffer): boolean {
  if (b - a !== 4) return false;
  let year = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57 || (i === a && c === 48)) return false;
    year = year * 10 + (c - 48);
  }
  numberValue = year;
  out.text(s, a, b, false);
  return true;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` naming a real day, as readDate takes it. */
function isIsoDate(s: string, a: number, b: number): boolean {
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
function isDottedCode(s: string, a: number, b: number): boolean {
  const n = b - a;
  if (n !== 2 && n !== 5 && n !== 8 && n !== 13) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(a + i);
    if (i === 2 || i === 5 || i === 8 ? c !== 46 : c < 48 || c > 57) return false;
  }
  return true;
}

/** The value the last general reader read (valueInto), as a string. */
let readValue: string | undefined;

/** Writes a value read by one of the general readers; false when it read nothing. */
function valueInto(value: string | undefined, out: CopyBuffer): boolean {
  readValue = value;
  if (value === undefined) return false;
  out.text(value, 0, value.length, false);
  return true;
}

/** The cell's canonical value to `out` (numberValue set for numbers); false when not read. */
function convertInto(
  f: FastField,
  s: string,
  a: number,
  b: number,
  plain: boolean,
  out: CopyBuffer,
): boolean {
  switch (f.kind) {
    case Kind.Text:
      out.text(s, a, b, !plain);
      return true;
    case Kind.Region:
      if (isDottedCode(s, a, b)) {
        out.text(s, a, b, false);
        return true;
      }
      return valueInto(dottedRegionCode(s.slice(a, b)), out);
    case Kind.Integer:
    case Kind.Number:
      return numberInto(s, a, b, f.style ?? f.numberState?.style, f.kind === Kind.Integer, out);
    case Kind.Year:
      return yearInto(s, a, b, out);
    case Kind.Date:
      if (isIsoDate(s, a, b)) {
        out.text(s, a, b, false);
        return true;
      }
      return valueInto(readDate(s.slice(a, b)), out);
    case Kind.Boolean:
      return valueInto(readBoolean(s.slice(a, b)), out);
    case Kind.YearMonth:
      return valueInto(readYearMonth(s.slice(a, b)), out);
  }
}

/** Does the value pass the field's constraints that need it as a string? */
function passes(f: FastField, value: string): boolean {
  if (f.minText !== undefined || f.maxText !== undefined) {
    if (f.minText !== undefined && value < f.minText) return false;
    if (f.maxText !== undefined && value > f.maxText) return false;
  }
  if (value.length < f.minLength || value.length > f.maxLength) return false;
  if (f.pattern !== undefined && !f.pattern.test(value)) return false;
  if (f.allowed !== undefined && !f.allowed.has(value)) return false;
  return true;
}

/**
 * Is the value a code of the field's reference? Looked up in the cell's text when the value is
 * the cell as written (no string made), else as the value read.
 */
function isKnownCode(
  f: FastField,
  s: string,
  a: number,
  b: number,
  from: number,
  out: CopyBuffer,
  lookup: ReferenceLookup,
): boolean {
  const reference = f.reference as string;
  if (readValue === undefined && (f.kind === Kind.Text || f.kind === Kind.Region) && lookup.hasRange)
    return lookup.hasRange(reference, s, a, b);
  const value = readValue ?? (f.kind === Kind.Text ? s.slice(a, b) : out.ascii(from));
  if (value === f.lastKnown) return true;
  if (!lookup.has(reference, value)) return false;
  f.lastKnown = value;
  return true;
}

const KEY_SEPARATOR = '\u001f';

export function createFastRows(input: FastRowsInput): FastRows {
  const { state, isMissing, lookup, primaryKeyIndexes, primaryKeySeen } = input;
  const fields = input.compiled.map((c) => fastField(c, input));
  const keyFields = new Set(primaryKeyIndexes);
  fields.forEach((f, i) => {
    f.needsValue = needsValue(f, keyFields.has(i) || f.seen !== undefined);
  });
  const values = new Array<string | null>(fields.length).fill(null);
  const uniques = fields.flatMap((f, index) => (f.seen ? [index] : []));
  const keyed = uniques.length + (primaryKeySeen ? 1 : 0);
  const { onlyEmptyIsMissing } = input;

  const primaryKeyOf = (): string => {
    let key = values[primaryKeyIndexes[0] ?? 0] ?? '';
    for (let k = 1; k < primaryKeyIndexes.length; k++)
      key += KEY_SEPARATOR + (values[primaryKeyIndexes[k] ?? 0] ?? '');
    return key;
  };

  /** Records the row's unique and primary keys; false (nothing recorded) on a duplicate. */
  const recordKeys = (rowNumber: number): boolean => {
    if (keyed === 1) {
      const seen = primaryKeySeen ?? (fields[uniques[0] as number] as FastField).seen;
      const key = primaryKeySeen ? primaryKeyOf() : (values[uniques[0] as number] as string | null);
      if (key === null) return true;
      return (seen as SeenKeys).firstRowOrAdd(key, rowNumber) === undefined;
    }
    // Several: none is recorded unless all are new, so checkRow sees the row as it came.
    for (const u of uniques) {
      const v = values[u];
      if (v !== null && v !== undefined && (fields[u] as FastField).seen?.firstRow(v) !== undefined)
        return false;
    }
    const key = primaryKeySeen ? primaryKeyOf() : '';
    if (primaryKeySeen?.firstRow(key) !== undefined) return false;
    for (const u of uniques) {
      const v = values[u];
      if (v !== null && v !== undefined) (fields[u] as FastField).seen?.firstRowOrAdd(v, rowNumber);
    }
    primaryKeySeen?.firstRowOrAdd(key, rowNumber);
    return true;
  };

  return {
    row(cells, count, rowNumber, plain, out) {
      if (count > input.columnCount) return false;
      if (state.lastRowNumber > 0 && rowNumber !== state.lastRowNumber + 1) return false;
      const { sources, starts, ends } = cells;
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i] as FastField;
        const s = sources[f.column] as string;
        const a = starts[f.column] as number;
        const b = ends[f.column] as number;
        if (onlyEmptyIsMissing ? a === b : isMissing(s.slice(a, b))) {
          if (f.required) return false;
          values[i] = null;
          out.ensure(3);
          out.buf[out.pos++] = 9;
          out.buf[out.pos++] = 92;
          out.buf[out.pos++] = 78;
          continue;
        }
        out.byte(9);
        const from = out.pos;
        readValue = undefined;
        if (!convertInto(f, s, a, b, plain, out)) return false;
        if (f.kind === Kind.Integer || f.kind === Kind.Number || f.kind === Kind.Year) {
          if (numberValue < f.min || numberValue > f.max) return false;
        }
        if (f.reference !== undefined && !isKnownCode(f, s, a, b, from, out, lookup)) return false;
        if (f.needsValue) {
          const value = readValue ?? (f.kind === Kind.Text ? s.slice(a, b) : out.ascii(from));
          if (!passes(f, value)) return false;
          values[i] = value;
        }
      }
      if (keyed > 0 && !recordKeys(rowNumber)) return false;
      state.rowCount++;
      state.lastRowNumber = rowNumber;
      return true;
    },
  };
}
