/**
 * The validator's fast path (issue #20 item 2): a row of plain cells checked against checks
 * compiled once from the schema into plain records (no closure or object per row or cell),
 * giving the row's COPY text at once. It only ever accepts: a row it cannot be sure of (any
 * error, a number written in a shape it does not read, a column whose number style is not
 * settled yet) is left to checkRow, which records the errors exactly as before. What an
 * accepted row changes in the validator (row count, last row number, unique and primary keys
 * seen) is what checkRow would have changed.
 */
import type { NumberStyle } from '../table-reading/indonesian-number.js';
import type { TableSpan } from '../table-reading/table-reading.js';
import type { CopyBuffer } from './copy-buffer.js';
import { cellInto, type FastField, fastField, needsValue } from './fast-field.js';
import { createLineReader, type LineReader } from './fast-lines.js';
import type { CompiledField } from './field-checks.js';
import type { ReferenceLookup } from './reference-lookup.js';
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
  /**
   * The line reader (fast-lines.ts) for a file split with `delimiter` into `span`, or undefined
   * when its rows cannot be read that way (columns not in the schema's order, a table not in
   * the first column, missing values other than the empty cell).
   */
  lines(delimiter: string, span: TableSpan): LineReader | undefined;
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

  /** Rows are read fast only in order (checkRow reports the blank rows between two). */
  const ready = (rowNumber: number) => state.lastRowNumber === 0 || rowNumber === state.lastRowNumber + 1;

  /** Every cell passed: records the keys and counts the row; false (nothing recorded) on a duplicate. */
  const accept = (rowNumber: number): boolean => {
    if (keyed > 0 && !recordKeys(rowNumber)) return false;
    state.rowCount++;
    state.lastRowNumber = rowNumber;
    return true;
  };

  return {
    row(cells, count, rowNumber, plain, out) {
      if (count > input.columnCount || !ready(rowNumber)) return false;
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
        if (!cellInto(f, i, s, a, b, plain, out, lookup, values)) return false;
      }
      return accept(rowNumber);
    },
    lines(delimiter, span) {
      const inOrder = fields.every((f, i) => f.column === i);
      if (!inOrder || !onlyEmptyIsMissing || span.firstColumn !== 0) return undefined;
      if (span.width !== fields.length || input.columnCount !== fields.length) return undefined;
      return createLineReader({ fields, delimiter: delimiter.charCodeAt(0), lookup, values, ready, accept });
    },
  };
}
