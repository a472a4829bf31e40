/**
 * One field of the validator's fast path (fast-rows.ts, fast-lines.ts): its checks compiled
 * once from the schema into a plain record, and the reading of one cell that is not missing —
 * its canonical value written to the COPY buffer, its bounds, reference code and the
 * constraints that need its value as a string checked — with no object per cell.
 */
import type { FieldType } from '../../../../kernel/table-schema/table-schema.js';
import type { NumberStyle } from '../table-reading/indonesian-number.js';
import type { CopyBuffer } from './copy-buffer.js';
import { isDottedCode, isIsoDate, lastNumber, numberInto, yearInto } from './fast-cells.js';
import { type CompiledField, canonicalEnumValue, type NumberState, numericLimit } from './field-checks.js';
import { readBoolean, readDate, readYearMonth } from './field-values.js';
import type { CodeSet, ReferenceLookup } from './reference-lookup.js';
import { dottedRegionCode, regionLevelOf } from './region-code.js';
import type { SeenKeys } from './seen-keys.js';

export enum Kind {
  Text,
  Region,
  Integer,
  Number,
  Year,
  Date,
  Boolean,
  YearMonth,
}

export interface FastField {
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
  /** The reference's codes when the lookup gives them (looked up by range). */
  codes: CodeSet | undefined;
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

/** What fastField needs of the validator's input (fast-rows.ts FastRowsInput). */
export interface FastFieldInput {
  numberStyle: NumberStyle | undefined;
  references: ReadonlyMap<string, string>;
  lookup: ReferenceLookup;
}

export function fastField(c: CompiledField, input: FastFieldInput): FastField {
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
    codes: reference === undefined ? undefined : input.lookup.codes?.(reference),
    lastKnown: undefined,
    seen: constraints.unique === true ? c.seen : undefined,
    needsValue: false,
  };
}

export function needsValue(f: FastField, isKey: boolean): boolean {
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
export function passes(f: FastField, value: string): boolean {
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

/**
 * A cell that is not missing, `s[a, b)` trimmed, written to `out` after a tab: false when the
 * row must be left to checkRow (`out` then holds part of it). Its value goes to `values[i]`
 * when the field's checks or keys need it as a string.
 */
export function cellInto(
  f: FastField,
  i: number,
  s: string,
  a: number,
  b: number,
  plain: boolean,
  out: CopyBuffer,
  lookup: ReferenceLookup,
  values: (string | null)[],
): boolean {
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
  return true;
}
