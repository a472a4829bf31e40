/**
 * The per-field checks of a compiled validator: what a field compiles to, and the constraint
 * checks (bounds, lengths, pattern, enum, reference codes, uniqueness) as closures built once
 * from the schema. Each records its own error in the report and says whether the value passed.
 */

import type { FieldType, TableField } from '../../../../kernel/table-schema/table-schema.js';
import type { NumberStyle } from '../table-reading/indonesian-number.js';
import { readBoolean, readDate, readNumberFast, readYearMonth } from './field-values.js';
import * as msg from './messages.js';
import type { ReferenceLookup } from './reference-lookup.js';
import { SeenKeys } from './seen-keys.js';
import type { ReportBuilder } from './validation-report.js';

/** A check of one canonical value; records its own error and says whether the value passed. */
export type ValueCheck = (value: string, row: number) => boolean;

/** Number columns find their writing style as they go (see numberReader). */
export interface NumberState {
  style: NumberStyle | undefined;
  fallback: NumberStyle;
  ambiguous: { row: number; value: string } | undefined;
}

export const NUMERIC_TYPES = new Set<FieldType>(['integer', 'number']);

export interface CompiledField {
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
  /** A number column's style as found so far (read by the fast path, fast-rows.ts). */
  numberState?: NumberState;
  /** The keys a `unique` column has seen (shared with the fast path). */
  seen?: SeenKeys;
}

export function numericLimit(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** An enum member as the canonical text of the field's type. */
export function canonicalEnumValue(type: FieldType, value: string | number): string {
  const text = String(value);
  switch (type) {
    case 'integer':
    case 'number':
      return readNumberFast(text, 'en')?.text ?? text;
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

export interface CompileContext {
  report: ReportBuilder;
  lookup: ReferenceLookup;
  numberStyle: NumberStyle | undefined;
  required: boolean;
  reference: string | undefined;
}

export function checksOf(field: TableField, ctx: CompileContext, self: CompiledField): ValueCheck[] {
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
    const seen = new SeenKeys();
    self.seen = seen;
    checks.push((value, row) => {
      const first = seen.firstRowOrAdd(value, row);
      if (first === undefined) return true;
      report.add('unique-error', () => msg.uniqueError(row, self.label, value, first));
      return false;
    });
  }
  return checks;
}
