import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import { prepareSearch } from '../datastore-search.repository.js';
import type { ReadableTable } from './readable-table.js';
import { ckanFields, formatRecords } from './records.js';
import {
  invalid,
  parseSort,
  type SearchParams,
  type SearchResult,
  selectedColumns,
} from './search-params.js';

export { jsonValue } from './records.js';
export {
  checkedValue,
  columnNamed,
  DEFAULT_LIMIT,
  LANGUAGES,
  parseSort,
  RECORDS_FORMATS,
  ROWS_MAX,
  type SearchParams,
  type SearchResult,
  selectedColumns,
} from './search-params.js';

/**
 * Run datastore_search over the version table. Identifiers come from the Table Schema only;
 * every request value is a bound parameter cast to the column's type.
 */
export async function runSearch(
  db: Kysely<DB>,
  table: ReadableTable,
  p: SearchParams,
): Promise<SearchResult> {
  const cols = selectedColumns(table, p.fields);
  const sortKeys = parseSort(table, p.sort);
  if (p.distinct)
    for (const k of sortKeys)
      if (!cols.includes(k.column))
        throw invalid('sort', {
          id: `Dengan distinct, kolom urutan "${k.column.name}" harus ada di fields`,
          en: `With distinct, sort field "${k.column.name}" must be in fields`,
        });
  const search = prepareSearch(table, p, cols, sortKeys);
  let found: Awaited<ReturnType<typeof search.run>>;
  try {
    found = await search.run(db);
  } catch (err) {
    // Only `to_tsquery` (plain=false) can fail on a checked request: its syntax is the caller's.
    if (!p.plain && p.q !== undefined)
      throw invalid('q', {
        id: 'Sintaks kueri teks (plain=false) tidak valid',
        en: 'Invalid text query syntax (plain=false)',
      });
    throw err;
  }
  const result: SearchResult = {
    fields: ckanFields(cols),
    records: formatRecords(cols, found.rows, p.records_format),
    columns: cols,
  };
  if (found.total !== undefined) result.total = found.total;
  const lastId = found.rows.at(-1)?._id;
  if (lastId !== undefined && lastId !== null) result.lastId = Number(lastId);
  return result;
}
