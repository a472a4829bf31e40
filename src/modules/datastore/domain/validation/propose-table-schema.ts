/**
 * The schema proposed to a producer for a first upload without a declared schema (issue #17).
 *
 * Inference alone is all-or-nothing: one `tidak ada data` among a thousand numbers makes the
 * column text for good. A proposal looks at every row: a column whose filled cells are numbers
 * in at least 95% of rows is proposed as a number, and the rows that are not numbers are listed
 * so the producer sees them before anything loads (and fixes them, or chooses text).
 */
import type { FieldType, TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import {
  detectNumberStyle,
  type NumberStyle,
  readIndonesianNumber,
} from '../table-reading/indonesian-number.js';
import type { TableRow } from '../table-reading/table-reading.js';
import { isCodeColumnName } from './infer-table-schema.js';

/** The share of filled cells that must be numbers for a column to be proposed as numeric. */
export const NUMERIC_SHARE = 0.95;
/** Rows listed per column in the proposal (the count covers them all). */
const MAX_EXAMPLES = 20;

/** The rows of one proposed numeric column whose cells are not numbers. */
export interface ProposalException {
  field: string;
  /** The column as the file's header names it. */
  column: string;
  type: FieldType;
  /** How many filled cells are not numbers, and how many cells are filled. */
  count: number;
  filled: number;
  examples: { row: number; value: string }[];
}

export interface SchemaProposal {
  schema: TableSchema;
  exceptions: ProposalException[];
}

/** Counts, per column, the filled cells and those that read as numbers (one pass over the file). */
export class NumericShareCounter {
  private readonly filled: Float64Array;
  private readonly integers: Float64Array;
  private readonly numbers: Float64Array;
  private readonly others: { row: number; value: string }[][];
  private readonly styles: (NumberStyle | undefined)[];
  private readonly leadingZero: boolean[];

  constructor(
    private readonly columns: readonly string[],
    sample: readonly TableRow[],
    style: NumberStyle | undefined,
  ) {
    const n = columns.length;
    this.filled = new Float64Array(n);
    this.integers = new Float64Array(n);
    this.numbers = new Float64Array(n);
    this.others = columns.map(() => []);
    this.leadingZero = new Array(n).fill(false);
    // Each column's number style is fixed from the sample, as inference reads it.
    this.styles = columns.map(
      (_c, i) => style ?? detectNumberStyle(sample.map((r) => r.cells[i] ?? '').filter((v) => v !== '')),
    );
  }

  see(row: TableRow): void {
    for (let i = 0; i < this.columns.length; i++) {
      const cell = row.cells[i] ?? '';
      if (cell === '') continue;
      this.filled[i] = (this.filled[i] ?? 0) + 1;
      if (/^[+-]?0\d/.test(cell)) this.leadingZero[i] = true;
      const number = readIndonesianNumber(cell, this.styles[i]);
      if (number === null) {
        const others = this.others[i] as { row: number; value: string }[];
        if (others.length < MAX_EXAMPLES) others.push({ row: row.rowNumber, value: cell });
        continue;
      }
      this.numbers[i] = (this.numbers[i] ?? 0) + 1;
      if (Number.isInteger(number.value)) this.integers[i] = (this.integers[i] ?? 0) + 1;
    }
  }

  /**
   * The schema with each text column that is mostly numbers proposed as a number, and the
   * exceptions listed. Columns named as codes and columns with leading zeros stay text.
   */
  propose(schema: TableSchema): SchemaProposal {
    const exceptions: ProposalException[] = [];
    const fields = schema.fields.map((field, i) => {
      const filled = this.filled[i] ?? 0;
      const numbers = this.numbers[i] ?? 0;
      if (field.type !== 'string' || filled === 0 || numbers === filled) return field;
      if (isCodeColumnName(field.name) || this.leadingZero[i] || numbers / filled < NUMERIC_SHARE)
        return field;
      const type: FieldType = this.integers[i] === numbers ? 'integer' : 'number';
      exceptions.push({
        field: field.name,
        column: this.columns[i] ?? field.name,
        type,
        count: filled - numbers,
        filled,
        examples: this.others[i] ?? [],
      });
      return {
        ...field,
        type,
        ...(this.styles[i] === 'en' ? { decimalChar: '.', groupChar: ',' } : {}),
      };
    });
    return { schema: { ...schema, fields }, exceptions };
  }
}
