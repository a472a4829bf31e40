import type { RegionLevel } from '../../../../kernel/db/schema.js';
import type { FieldType, TableField, TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import type { NumberStyle } from '../table-reading/indonesian-number.js';
import { readIndonesianNumber } from '../table-reading/indonesian-number.js';
import type { TableRow } from '../table-reading/table-reading.js';
import { BOOLEAN_WORDS, readDate, readNumberFast, readYear, readYearMonth } from './field-values.js';
import { normaliseRegionCode } from './region-code.js';
import { SeenKeys } from './seen-keys.js';

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
  const refiner = new SchemaRefiner(schema, options);
  for await (const row of rows) refiner.see(row.cells);
  return refiner.result();
}

/**
 * refineInferredSchema's pass, a row at a time: `see` every row's cells (aligned to the
 * schema's fields), then `result`. The ingest's CSV fast path feeds it cells it cut itself.
 */
export class SchemaRefiner {
  private readonly trackers: FieldTracker[];
  private readonly regionLevels: Map<number, RegionLevel>;
  private readonly keyIndexes: number[] | undefined;
  /** Keys seen, as 64-bit hashes (a file of millions of rows stays small). */
  private readonly keys: SeenKeys | undefined;
  private keyBroken = false;

  constructor(
    private readonly schema: TableSchema,
    options: { numberStyle?: NumberStyle } = {},
  ) {
    this.trackers = schema.fields.map((f) => new FieldTracker(f, options.numberStyle));
    this.regionLevels = regionKeyLevels(schema);
    this.keyIndexes = primaryKeyIndexes(schema);
    this.keys = this.keyIndexes ? new SeenKeys() : undefined;
  }

  see(cells: readonly string[]): void {
    const { trackers, regionLevels, keyIndexes, keys } = this;
    for (let i = 0; i < trackers.length; i++) {
      const cell = cells[i] ?? '';
      (trackers[i] as FieldTracker).see(cell);
      const level = regionLevels.get(i);
      if (level && cell !== '' && normaliseRegionCode(cell)?.level !== level) regionLevels.delete(i);
    }
    if (keys && keyIndexes && !this.keyBroken) {
      const key = keyIndexes.map((i) => cells[i] ?? '').join('\u0000');
      if (keyIndexes.some((i) => (cells[i] ?? '') === '') || keys.firstRowOrAdd(key, 0) !== undefined)
        this.keyBroken = true;
    }
  }

  result(): TableSchema {
    const { schema, regionLevels } = this;
    const fields = schema.fields;
    const refined: TableSchema = { ...schema, fields: this.trackers.map((t) => t.result()) };
    if (this.keyBroken) delete refined.primaryKey;
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
        const n = this.readNumber(cell);
        return n !== null && Number.isInteger(n.value);
      }
      case 'number':
        return this.readNumber(cell) !== null;
      case 'date':
        return readDate(cell) !== undefined;
      case 'yearmonth':
        return readYearMonth(cell) !== undefined;
      default:
        return true;
    }
  }

  /** readIndonesianNumber, its common shapes read the fast way first (same results). */
  private readNumber(cell: string) {
    return readNumberFast(cell, this.style) ?? readIndonesianNumber(cell, this.style);
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
