import type { RegionLevel } from '../../../../kernel/db/schema.js';
import type { FieldType, TableField, TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import type { NumberStyle } from '../table-reading/indonesian-number.js';
import { readIndonesianNumber } from '../table-reading/indonesian-number.js';
import type { TableRow } from '../table-reading/table-reading.js';
import { BOOLEAN_WORDS, readDate, readYear, readYearMonth } from './field-values.js';
import { normaliseRegionCode } from './region-code.js';

/**
 * A schema inferred from the first rows of a file, corrected against every row of it.
 *
 * Inference reads a sample (the first thousand rows); the first upload is then checked against
 * what it inferred. Without this pass, a blank in row 5,000 of a column that had none before, a
 * decimal after a run of whole numbers, or a repeated key would refuse the producer's very first
 * upload for a rule nobody wrote. Here each such guess is loosened to what the whole file shows:
 * types widen (integer → number → string, year → integer …), `required` goes when a blank
 * appears, the primary key goes on a duplicate, a region foreign key goes when a value is not a
 * code of its level. Explicit schemas (later uploads) are never refined: they are enforced.
 */
export async function refineInferredSchema(
  schema: TableSchema,
  rows: AsyncIterable<TableRow>,
  options: { numberStyle?: NumberStyle } = {},
): Promise<TableSchema> {
  const fields = schema.fields;
  const trackers = fields.map((f) => new FieldTracker(f, options.numberStyle));
  const regionLevels = regionKeyLevels(schema);
  const keyIndexes = primaryKeyIndexes(schema);
  const keys = keyIndexes ? new Set<string>() : undefined;
  let keyBroken = false;

  for await (const row of rows) {
    for (let i = 0; i < trackers.length; i++) {
      const cell = row.cells[i] ?? '';
      (trackers[i] as FieldTracker).see(cell);
      const level = regionLevels.get(i);
      if (level && cell !== '' && normaliseRegionCode(cell)?.level !== level) regionLevels.delete(i);
    }
    if (keys && keyIndexes && !keyBroken) {
      const key = keyIndexes.map((i) => row.cells[i] ?? '').join('\u0000');
      if (keys.has(key) || keyIndexes.some((i) => (row.cells[i] ?? '') === '')) keyBroken = true;
      else keys.add(key);
    }
  }

  const refined: TableSchema = { ...schema, fields: trackers.map((t) => t.result()) };
  if (keyBroken) delete refined.primaryKey;
  if (schema.foreignKeys) {
    const kept = schema.foreignKeys.filter((fk) => {
      const name = [fk.fields].flat()[0];
      const index = fields.findIndex((f) => f.name === name);
      return !fk.reference.resource.startsWith('region:') || regionLevels.has(index);
    });
    if (kept.length) refined.foreignKeys = kept;
    else delete refined.foreignKeys;
  }
  return refined;
}

/** How a type widens when a value does not fit it (string fits everything). */
const WIDER: Record<FieldType, FieldType[]> = {
  boolean: ['string'],
  year: ['integer', 'number', 'string'],
  integer: ['number', 'string'],
  number: ['string'],
  date: ['string'],
  yearmonth: ['string'],
  string: [],
};

class FieldTracker {
  private type: FieldType;
  private sawBlank = false;
  private readonly style: NumberStyle;

  constructor(
    private readonly field: TableField,
    style: NumberStyle | undefined,
  ) {
    this.type = field.type;
    this.style = field.decimalChar === '.' ? 'en' : (style ?? 'id');
  }

  see(cell: string): void {
    if (cell === '') {
      this.sawBlank = true;
      return;
    }
    if (this.type === 'string' || this.fits(this.type, cell)) return;
    this.type = WIDER[this.type].find((t) => t === 'string' || this.fits(t, cell)) ?? 'string';
  }

  private fits(type: FieldType, cell: string): boolean {
    switch (type) {
      case 'boolean':
        return BOOLEAN_WORDS.has(cell.toLowerCase());
      case 'year':
        return readYear(cell) !== undefined;
      case 'integer': {
        const n = readIndonesianNumber(cell, this.style);
        return n !== null && Number.isInteger(n.value);
      }
      case 'number':
        return readIndonesianNumber(cell, this.style) !== null;
      case 'date':
        return readDate(cell) !== undefined;
      case 'yearmonth':
        return readYearMonth(cell) !== undefined;
      default:
        return true;
    }
  }

  result(): TableField {
    const out: TableField = { ...this.field, type: this.type };
    if (this.type === 'string') {
      delete out.decimalChar;
      delete out.groupChar;
    }
    if (this.sawBlank && out.constraints?.required) {
      const { required: _dropped, ...rest } = out.constraints;
      if (Object.keys(rest).length) out.constraints = rest;
      else delete out.constraints;
    }
    return out;
  }
}

function regionKeyLevels(schema: TableSchema): Map<number, RegionLevel> {
  const out = new Map<number, RegionLevel>();
  for (const fk of schema.foreignKeys ?? []) {
    const match = /^region:(province|regency|district|village)$/.exec(fk.reference.resource);
    const name = [fk.fields].flat()[0];
    const index = schema.fields.findIndex((f) => f.name === name);
    if (match && index >= 0) out.set(index, match[1] as RegionLevel);
  }
  return out;
}

function primaryKeyIndexes(schema: TableSchema): number[] | undefined {
  if (!schema.primaryKey) return undefined;
  const names = [schema.primaryKey].flat();
  const indexes = names.map((n) => schema.fields.findIndex((f) => f.name === n));
  return indexes.every((i) => i >= 0) ? indexes : undefined;
}
