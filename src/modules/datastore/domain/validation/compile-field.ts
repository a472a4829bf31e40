/**
 * Compiling one Table Schema field: the converter from cell text to canonical text for its
 * type (numbers finding their column's writing style as they go), and its constraint checks.
 */

import type { TableField } from '../../../../kernel/table-schema/table-schema.js';
import type { NumberStyle } from '../table-reading/indonesian-number.js';
import { type CompileContext, type CompiledField, checksOf, type NumberState } from './field-checks.js';
import { readBoolean, readDate, readNumberFast, readYear, readYearMonth } from './field-values.js';
import * as msg from './messages.js';
import { dottedRegionCode, regionLevelOf } from './region-code.js';

export function compileField(field: TableField, index: number, ctx: CompileContext): CompiledField {
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
  self.numberState = state;
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
