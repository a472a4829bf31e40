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
import { isDottedCode, isIsoDate, lastNumber, numberInto, yearInto } from './fast-cells.js';
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

/** The value the last general reader read (valueInto), as a string. */
let readValue: string | undefined;

/** Writes a value read by one of the general readers; false when it read nothing. */
function valueInto(value: string | undefined, out: CopyBuffer): boolean {
  readValue = value;
  if (value === undefined) return false;
  out.text(value, 0, value.length, false);
  return true;
}

/** The cell's canonical value to `out` (lastNumber.value set for numbers); false when not read. */
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
          if (lastNumber.value < f.min || lastNumber.value > f.max) return false;
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
