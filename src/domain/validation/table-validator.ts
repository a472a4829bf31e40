/**
 * Validation of uploaded rows against a Table Schema (issue #4 item 3). The checks are
 * compiled once from the schema into closures per field; a row then costs one pass over its
 * cells with no allocation beyond the output array (a per-row zod parse measured ~7× slower).
 *
 * The contract with the loader (A2): `checkHeader` once, `checkRow` for every row (canonical
 * text in schema field order, or undefined when the row has an error), then `finish` for the
 * cross-row warnings and the report. An upload with errors loads nothing.
 */
import {
  type NumberStyle,
  type ReadNumber,
  readIndonesianNumber,
} from '../table-reading/indonesian-number.js';
import type { TableRow } from '../table-reading/table-reading.js';
import type { FieldType, TableField, TableSchema } from '../table-schema/table-schema.js';
import { readBoolean, readDate, readYear, readYearMonth } from './field-values.js';
import * as msg from './messages.js';
import { dottedRegionCode, regionLevelOf } from './region-code.js';
import { ReportBuilder, type ValidationReport } from './validation-report.js';

export { inferTableSchema } from './infer-table-schema.js';
export { loadReferenceLookup, type ReferenceLookup } from './reference-lookup.js';

import type { ReferenceLookup } from './reference-lookup.js';

export interface TableValidator {
  /** Map file columns to schema fields; records missing / extra column errors. */
  checkHeader(columns: readonly string[]): void;
  /**
   * The row's values as canonical text in schema field order (numbers with '.', dates
   * YYYY-MM-DD, booleans true/false, yearmonth YYYY-MM; null = missing), or undefined when
   * the row has an error (recorded in the report).
   */
  checkRow(row: TableRow): (string | null)[] | undefined;
  /** True once any error was recorded (the loader may stop loading early but keep counting). */
  readonly hasErrors: boolean;
  /** Cross-row checks that need the whole table (warnings), then the report. */
  finish(): ValidationReport;
}

export interface TableValidatorOptions {
  /**
   * How every number cell is written, when the format fixes it (XLSX: `id`). Without it each
   * number column finds its style from its first cell that only one style can read.
   */
  numberStyle?: NumberStyle;
  /** Examples kept per error or warning kind (default 20); all are counted. */
  maxExamplesPerKind?: number;
  /** Rows kept for the period-change warning (default 250,000); beyond, the check is skipped. */
  maxPeriodRows?: number;
}

const DEFAULT_MAX_EXAMPLES = 20;
const DEFAULT_MAX_PERIOD_ROWS = 250_000;
const DEFAULT_CHANGE_PERCENT = 50;
const KEY_SEPARATOR = '\u001f';

/** Header names compared without case, spaces or underscores: `Kode Wilayah` = `kode_wilayah`. */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[\s_]+/g, '');
}

/** A check of one canonical value; records its own error and says whether the value passed. */
type ValueCheck = (value: string, row: number) => boolean;

/** Number columns find their writing style as they go (see numberReader). */
interface NumberState {
  style: NumberStyle | undefined;
  fallback: NumberStyle;
  ambiguous: { row: number; value: string } | undefined;
}

const NUMERIC_TYPES = new Set<FieldType>(['integer', 'number']);

interface CompiledField {
  field: TableField;
  /** The column's name in messages: the file's header when mapped, else the field name. */
  label: string;
  /** Index of the file column, -1 when the column is missing (cell read as missing). */
  column: number;
  required: boolean;
  /** Text → canonical text, or undefined when not of the type (error recorded). */
  convert: (text: string, row: number) => string | undefined;
  checks: ValueCheck[];
  /** The number the last converted value of a numeric field holds (read once, for the checks). */
  numeric: number;
}

function numericLimit(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** An enum member as the canonical text of the field's type. */
function canonicalEnumValue(type: FieldType, value: string | number): string {
  const text = String(value);
  switch (type) {
    case 'integer':
    case 'number':
      return readIndonesianNumber(text, 'en')?.text ?? text;
    case 'boolean':
      return readBoolean(text) ?? text;
    case 'date':
      return readDate(text) ?? text;
    case 'yearmonth':
      return readYearMonth(text) ?? text;
    default:
      return text;
  }
}

export function createTableValidator(
  schema: TableSchema,
  lookup: ReferenceLookup,
  options: TableValidatorOptions = {},
): TableValidator {
  const report = new ReportBuilder(options.maxExamplesPerKind ?? DEFAULT_MAX_EXAMPLES);
  const missingValues = schema.missingValues ?? [''];
  const missingSet = new Set(missingValues);
  const onlyEmptyIsMissing = missingValues.length === 1 && missingValues[0] === '';
  const isMissing = onlyEmptyIsMissing
    ? (text: string) => text === ''
    : (text: string) => missingSet.has(text);
  const fields = schema.fields;
  const primaryKey = asList(schema.primaryKey);
  const primaryKeySet = new Set(primaryKey);
  const referenceOf = new Map<string, string>();
  for (const fk of schema.foreignKeys ?? []) {
    const names = asList(fk.fields);
    if (names.length === 1 && names[0] !== undefined) referenceOf.set(names[0], fk.reference.resource);
  }

  const compiled: CompiledField[] = fields.map((field, index) =>
    compileField(field, index, {
      report,
      lookup,
      numberStyle: options.numberStyle,
      required: field.constraints?.required === true || primaryKeySet.has(field.name),
      reference: referenceOf.get(field.name),
    }),
  );
  const fieldIndex = new Map(fields.map((f, i) => [f.name, i]));

  const primaryKeyIndexes = primaryKey.flatMap((name) => fieldIndex.get(name) ?? []);
  const primaryKeySeen = primaryKeyIndexes.length > 0 ? new Map<string, number>() : undefined;

  const sums = fields.flatMap((field, index) => {
    const parts = (field['x-sum-of'] ?? []).flatMap((name) => {
      const index = fieldIndex.get(name);
      const type = index === undefined ? undefined : fields[index]?.type;
      return index !== undefined && (type === 'integer' || type === 'number' || type === 'year')
        ? [index]
        : [];
    });
    return NUMERIC_TYPES.has(field.type) && parts.length > 0 ? [{ index, parts }] : [];
  });

  const period = createPeriodTracker(
    schema,
    fieldIndex,
    report,
    options.maxPeriodRows ?? DEFAULT_MAX_PERIOD_ROWS,
  );

  let columnCount = fields.length;
  let lastRowNumber = 0;
  let rowCount = 0;
  let isFinished = false;

  return {
    checkHeader(columns) {
      columnCount = columns.length;
      const used = new Array<boolean>(columns.length).fill(false);
      const claim = (matches: (column: string) => boolean): number => {
        const at = columns.findIndex((column, i) => !used[i] && matches(column));
        if (at >= 0) used[at] = true;
        return at;
      };
      for (const c of compiled) c.column = -1;
      for (const c of compiled) c.column = claim((column) => column === c.field.name);
      for (const c of compiled) {
        if (c.column >= 0) continue;
        const keys = [c.field.name, c.field.title, c.field['title:en']].flatMap((k) =>
          k ? [headerKey(k)] : [],
        );
        c.column = claim((column) => keys.includes(headerKey(column)));
      }
      for (const c of compiled) {
        if (c.column < 0) report.add('missing-column', msg.missingColumn(c.field.name));
        else c.label = columns[c.column] ?? c.field.name;
      }
      columns.forEach((column, i) => {
        if (!used[i]) report.add('extra-column', msg.extraColumn(column, i + 1));
      });
    },

    checkRow(row) {
      const rowNumber = row.rowNumber;
      rowCount++;
      if (lastRowNumber > 0 && rowNumber > lastRowNumber + 1)
        report.add(
          'blank-row',
          () => msg.blankRows(lastRowNumber + 1, rowNumber - 1),
          rowNumber - lastRowNumber - 1,
        );
      lastRowNumber = rowNumber;
      const cells = row.cells;
      let isValid = true;
      for (let i = columnCount; i < cells.length; i++) {
        const cell = cells[i] ?? '';
        if (cell !== '') {
          report.add('extra-cell', () => msg.extraCell(rowNumber, i + 1, cell));
          isValid = false;
        }
      }
      const values = new Array<string | null>(compiled.length);
      for (let f = 0; f < compiled.length; f++) {
        const c = compiled[f] as CompiledField;
        const text = c.column >= 0 ? (cells[c.column] ?? '') : '';
        if (isMissing(text)) {
          values[f] = null;
          if (c.required && c.column >= 0) {
            report.add('required-error', () => msg.requiredError(rowNumber, c.label));
            isValid = false;
          }
          continue;
        }
        const value = c.convert(text, rowNumber);
        if (value === undefined) {
          isValid = false;
          values[f] = null;
          continue;
        }
        values[f] = value;
        for (const check of c.checks) if (!check(value, rowNumber)) isValid = false;
      }
      if (primaryKeySeen && isValid) {
        let key = values[primaryKeyIndexes[0] ?? 0] ?? '';
        for (let k = 1; k < primaryKeyIndexes.length; k++)
          key += KEY_SEPARATOR + (values[primaryKeyIndexes[k] ?? 0] ?? '');
        const first = primaryKeySeen.get(key);
        if (first !== undefined) {
          const names = primaryKeyIndexes.map((i) => compiled[i]?.label ?? '');
          report.add('primary-key-error', () =>
            msg.primaryKeyError(rowNumber, names, key.split(KEY_SEPARATOR).join(', '), first),
          );
          isValid = false;
        } else primaryKeySeen.set(key, rowNumber);
      }
      if (!isValid) return undefined;
      for (const sum of sums) checkSum(sum, values, rowNumber);
      period?.add(values, rowNumber);
      return values;
    },

    get hasErrors() {
      return report.errorCount > 0;
    },

    finish() {
      // The cross-row warnings once, however often the report is asked for.
      if (!isFinished) period?.finish();
      isFinished = true;
      return report.build(rowCount);
    },
  };

  function checkSum(sum: { index: number; parts: number[] }, values: (string | null)[], rowNumber: number) {
    const totalText = values[sum.index];
    if (totalText === null || totalText === undefined) return;
    // Each numeric field's number was read when its cell was converted (CompiledField.numeric).
    const c = compiled[sum.index] as CompiledField;
    let total = 0;
    let scale = Math.abs(c.numeric);
    for (let i = 0; i < sum.parts.length; i++) {
      const part = sum.parts[i] as number;
      if (values[part] === null) return;
      const n = (compiled[part] as CompiledField).numeric;
      total += n;
      scale = Math.max(scale, Math.abs(n));
    }
    if (Math.abs(c.numeric - total) <= 1e-9 * Math.max(1, scale)) return;
    const partNames = sum.parts.map((p) => compiled[p]?.label ?? '');
    report.add('sum-mismatch', () =>
      msg.sumMismatch(rowNumber, c.label, totalText, partNames, String(Number(total.toPrecision(15)))),
    );
  }
}

/**
 * The common shapes of a number cell, read without readIndonesianNumber's general grammar:
 * `-1234`, and `1.234.567,89` (id) or `1,234,567.89` (en). Same results as the full parser
 * (the property tests compare them); anything else (percent, Rp, parentheses, exponent) falls
 * back to it.
 */
const FAST_NUMBER: Record<NumberStyle, RegExp> = {
  id: /^(-?)([1-9]\d{0,2}(?:\.\d{3})+|\d{1,15})(?:,(\d{1,15}))?$/,
  en: /^(-?)([1-9]\d{0,2}(?:,\d{3})+|\d{1,15})(?:\.(\d{1,15}))?$/,
};
const GROUPS: Record<NumberStyle, RegExp> = { id: /\./g, en: /,/g };
const LEADING_ZEROS = /^0+(?=\d)/;

export function readNumberFast(text: string, style: NumberStyle): ReadNumber | null {
  const m = FAST_NUMBER[style].exec(text);
  if (!m) return readIndonesianNumber(text, style);
  const [, sign, integer = '', decimals] = m;
  let digits = integer.length > 4 ? integer.replace(GROUPS[style], '') : integer;
  if (digits.length > 1 && digits.charCodeAt(0) === 48) digits = digits.replace(LEADING_ZEROS, '');
  const plain = decimals === undefined ? digits : `${digits}.${decimals}`;
  const value = Number(plain);
  if (value === 0) return { value: 0, text: '0' };
  if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) return null;
  return sign === '' ? { value, text: plain } : { value: -value, text: `-${plain}` };
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

interface CompileContext {
  report: ReportBuilder;
  lookup: ReferenceLookup;
  numberStyle: NumberStyle | undefined;
  required: boolean;
  reference: string | undefined;
}

function compileField(field: TableField, index: number, ctx: CompileContext): CompiledField {
  const compiledField: CompiledField = {
    field,
    label: field.name,
    column: index,
    required: ctx.required,
    convert: () => undefined,
    checks: [],
    numeric: Number.NaN,
  };
  const { report } = ctx;
  const typeError = (text: string, row: number) => {
    report.add('type-error', () => msg.typeError(row, compiledField.label, text, field.type));
    return undefined;
  };
  compiledField.convert = converterOf(field, ctx, compiledField, typeError);
  compiledField.checks = checksOf(field, ctx, compiledField);
  return compiledField;
}

function converterOf(
  field: TableField,
  ctx: CompileContext,
  self: CompiledField,
  typeError: (text: string, row: number) => undefined,
): (text: string, row: number) => string | undefined {
  switch (field.type) {
    case 'string': {
      const level = ctx.reference ? regionLevelOf(ctx.reference) : undefined;
      if (level === undefined) return (text) => text;
      // Region codes: the dotless BPS form is read and stored dotted, as `region` writes it.
      return dottedRegionCode;
    }
    case 'integer':
    case 'number': {
      const read = numberReader(field, ctx, self);
      const isInteger = field.type === 'integer';
      return (text, row) => {
        const n = read(text, row);
        if (n === null) return typeError(text, row);
        if (n === undefined) return undefined;
        self.numeric = n.value;
        if (!isInteger) return n.text;
        return Number.isInteger(n.value) ? String(n.value) : typeError(text, row);
      };
    }
    case 'boolean':
      return (text, row) => readBoolean(text) ?? typeError(text, row);
    case 'date':
      return (text, row) => readDate(text) ?? typeError(text, row);
    case 'year':
      return (text, row) => {
        const year = readYear(text);
        if (year === undefined) return typeError(text, row);
        self.numeric = Number(year);
        return year;
      };
    case 'yearmonth':
      return (text, row) => readYearMonth(text) ?? typeError(text, row);
  }
}

/**
 * Reads a number column. With a fixed style (XLSX), every cell in it. Otherwise the column's
 * first cell that only one style reads (`1.234,5`, `12,5`, `1,234.5`) fixes the style; until
 * then a cell both styles read alike (`12`) is fine, and one they read differently (`1.234`)
 * is read in the schema's style (decimalChar, Indonesian by default). Should the style fixed
 * later contradict such a reading, that is an error: a number is never loaded wrong.
 * Returns null for "not a number", undefined when an error was already recorded.
 */
function numberReader(
  field: TableField,
  ctx: CompileContext,
  self: CompiledField,
): (text: string, row: number) => { value: number; text: string } | null | undefined {
  if (ctx.numberStyle) {
    const style = ctx.numberStyle;
    return (text) => readNumberFast(text, style);
  }
  // In an integer column a reading with decimals is no reading: `32,451` is then 32451.
  const isInteger = field.type === 'integer';
  const read = (text: string, style: NumberStyle) => {
    const n = readNumberFast(text, style);
    return n !== null && isInteger && !Number.isInteger(n.value) ? null : n;
  };
  const state: NumberState = {
    style: undefined,
    fallback: field.decimalChar === '.' ? 'en' : 'id',
    ambiguous: undefined,
  };
  return (text, row) => {
    if (state.style) return readNumberFast(text, state.style);
    const asId = read(text, 'id');
    const asEn = read(text, 'en');
    if (asId === null && asEn === null) return null;
    if (asId !== null && asEn !== null) {
      if (asId.value === asEn.value) return asId;
      state.ambiguous ??= { row, value: text };
      return state.fallback === 'id' ? asId : asEn;
    }
    state.style = asId !== null ? 'id' : 'en';
    if (state.ambiguous && state.style !== state.fallback) {
      const earlier = state.ambiguous;
      ctx.report.add('type-error', () => msg.mixedStyleError(row, self.label, text, earlier));
      return undefined;
    }
    return asId ?? asEn;
  };
}

function checksOf(field: TableField, ctx: CompileContext, self: CompiledField): ValueCheck[] {
  const { report } = ctx;
  const constraints = field.constraints ?? {};
  const checks: ValueCheck[] = [];
  const isNumeric = NUMERIC_TYPES.has(field.type) || field.type === 'year';

  if (constraints.minimum !== undefined) {
    const shown = String(constraints.minimum);
    if (isNumeric) {
      const min = numericLimit(constraints.minimum);
      if (min !== undefined)
        checks.push((value, row) => {
          if (self.numeric >= min) return true;
          report.add('range-error', () => msg.belowMinimum(row, self.label, value, shown));
          return false;
        });
    } else if (field.type === 'date' || field.type === 'yearmonth') {
      const min = canonicalEnumValue(field.type, constraints.minimum);
      checks.push((value, row) => {
        if (value >= min) return true;
        report.add('range-error', () => msg.belowMinimum(row, self.label, value, shown));
        return false;
      });
    }
  }
  if (constraints.maximum !== undefined) {
    const shown = String(constraints.maximum);
    if (isNumeric) {
      const max = numericLimit(constraints.maximum);
      if (max !== undefined)
        checks.push((value, row) => {
          if (self.numeric <= max) return true;
          report.add('range-error', () => msg.aboveMaximum(row, self.label, value, shown));
          return false;
        });
    } else if (field.type === 'date' || field.type === 'yearmonth') {
      const max = canonicalEnumValue(field.type, constraints.maximum);
      checks.push((value, row) => {
        if (value <= max) return true;
        report.add('range-error', () => msg.aboveMaximum(row, self.label, value, shown));
        return false;
      });
    }
  }
  if (constraints.minLength !== undefined) {
    const minLength = constraints.minLength;
    checks.push((value, row) => {
      if (value.length >= minLength) return true;
      report.add('length-error', () => msg.tooShort(row, self.label, value, minLength));
      return false;
    });
  }
  if (constraints.maxLength !== undefined) {
    const maxLength = constraints.maxLength;
    checks.push((value, row) => {
      if (value.length <= maxLength) return true;
      report.add('length-error', () => msg.tooLong(row, self.label, value, maxLength));
      return false;
    });
  }
  if (constraints.pattern !== undefined) {
    const pattern = constraints.pattern;
    const regex = new RegExp(`^(?:${pattern})$`, 'u');
    checks.push((value, row) => {
      if (regex.test(value)) return true;
      report.add('pattern-error', () => msg.patternError(row, self.label, value, pattern));
      return false;
    });
  }
  if (constraints.enum !== undefined && constraints.enum.length > 0) {
    const allowedList = constraints.enum.map((v) => canonicalEnumValue(field.type, v));
    const allowed = new Set(allowedList);
    checks.push((value, row) => {
      if (allowed.has(value)) return true;
      report.add('enum-error', () => msg.enumError(row, self.label, value, allowedList));
      return false;
    });
  }
  if (ctx.reference !== undefined) {
    const reference = ctx.reference;
    const lookup = ctx.lookup;
    // Files are mostly grouped by region or code: the previous row's known code is remembered.
    let lastKnown: string | undefined;
    checks.push((value, row) => {
      if (value === lastKnown) return true;
      if (lookup.has(reference, value)) {
        lastKnown = value;
        return true;
      }
      report.add('foreign-key-error', () => msg.foreignKeyError(row, self.label, value, reference));
      return false;
    });
  }
  if (constraints.unique === true) {
    const seen = new Map<string, number>();
    checks.push((value, row) => {
      const first = seen.get(value);
      if (first === undefined) {
        seen.set(value, row);
        return true;
      }
      report.add('unique-error', () => msg.uniqueError(row, self.label, value, first));
      return false;
    });
  }
  return checks;
}

interface PeriodTracker {
  add(values: readonly (string | null)[], row: number): void;
  finish(): void;
}

/**
 * The "changed more than X% from the previous period of the same series" warning: keeps, per
 * valid row, its series, period and numeric values, and compares neighbouring periods at the end.
 */
function createPeriodTracker(
  schema: TableSchema,
  fieldIndex: Map<string, number>,
  report: ReportBuilder,
  maxRows: number,
): PeriodTracker | undefined {
  const periodName = schema['x-period-field'];
  const periodIndex = periodName === undefined ? undefined : fieldIndex.get(periodName);
  if (periodIndex === undefined) return undefined;
  const seriesIndexes = (schema['x-series-fields'] ?? []).flatMap((name) => fieldIndex.get(name) ?? []);
  const skip = new Set([periodIndex, ...seriesIndexes]);
  const measured = schema.fields.flatMap((field, index) =>
    NUMERIC_TYPES.has(field.type) && !skip.has(index) ? [index] : [],
  );
  if (measured.length === 0) return undefined;
  const threshold = schema['x-change-warning-percent'] ?? DEFAULT_CHANGE_PERCENT;
  interface Entry {
    period: string;
    row: number;
    values: (string | null)[];
  }
  // Years, months and ISO dates order as text; an integer period (a month number) as a number.
  const isIntegerPeriod = schema.fields[periodIndex]?.type === 'integer';
  const comparePeriods = (a: Entry, b: Entry) => {
    if (isIntegerPeriod && a.period !== b.period) return Number(a.period) - Number(b.period);
    return a.period < b.period ? -1 : a.period > b.period ? 1 : a.row - b.row;
  };
  const series = new Map<string, Entry[]>();
  let kept = 0;
  let isOverflow = false;
  return {
    add(values, row) {
      if (isOverflow) return;
      const period = values[periodIndex];
      if (period === null || period === undefined) return;
      if (++kept > maxRows) {
        isOverflow = true;
        series.clear();
        return;
      }
      const key = seriesIndexes.map((i) => values[i] ?? '').join(KEY_SEPARATOR);
      let entries = series.get(key);
      if (!entries) {
        entries = [];
        series.set(key, entries);
      }
      entries.push({ period, row, values: measured.map((i) => values[i] ?? null) });
    },
    finish() {
      if (isOverflow) {
        report.note(
          `Perbandingan dengan periode sebelumnya dilewati: lebih dari ${maxRows} baris`,
          `The comparison with the previous period was skipped: more than ${maxRows} rows`,
        );
        return;
      }
      for (const entries of series.values()) {
        entries.sort(comparePeriods);
        for (let e = 1; e < entries.length; e++) {
          const previous = entries[e - 1] as Entry;
          const current = entries[e] as Entry;
          if (previous.period === current.period) continue;
          measured.forEach((fieldIdx, m) => {
            const before = previous.values[m];
            const after = current.values[m];
            if (before == null || after == null) return;
            const b = Number(before);
            const a = Number(after);
            if (b === 0) return;
            const percent = ((a - b) / Math.abs(b)) * 100;
            if (Math.abs(percent) <= threshold) return;
            const column = schema.fields[fieldIdx]?.name ?? '';
            report.add('period-change', () =>
              msg.periodChange(current.row, column, after, percent, {
                period: previous.period,
                value: before,
                row: previous.row,
              }),
            );
          });
        }
      }
    },
  };
}
