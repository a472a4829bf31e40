import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/access/policy.js';
import type { DB } from '../../../kernel/db/schema.js';
import { ValidationError } from '../../../kernel/errors.js';
import { sumByCategory } from '../datastore-search.repository.js';
import { loadReadableTable, type ReadableColumn, type ReadableTable } from './readable-table.js';
import type { SearchParams } from './search-params.js';
import { jsonValue, runSearch } from './search-query.js';

export const PREVIEW_PAGE_ROWS = 20;
/** At most this many categories on a chart (the largest by name order). */
export const CHART_MAX_CATEGORIES = 60;

/** What the reader chose, read from the page's query string. */
export interface PreviewState {
  page: number;
  sort?: string | undefined;
  desc: boolean;
  filterColumn?: string | undefined;
  filterValue?: string | undefined;
  q?: string | undefined;
  chartValue?: string | undefined;
  chartAxis?: string | undefined;
}

export interface PreviewChart {
  value: ReadableColumn;
  axis: ReadableColumn;
  categories: string[];
  values: number[];
  /** Drawn as a line (a period axis) rather than bars; the page draws the SVG in its language. */
  line: boolean;
  truncated: boolean;
}

export interface PreviewData {
  table: ReadableTable;
  /** Columns shown (the readable fields, `_id` excluded). */
  columns: ReadableColumn[];
  rows: unknown[][];
  total: number;
  state: PreviewState;
  pageCount: number;
  /** A problem with the reader's filter (shown, the table shown unfiltered). */
  error?: { id: string; en: string } | undefined;
  valueColumns: ReadableColumn[];
  axisColumns: ReadableColumn[];
  chart?: PreviewChart | undefined;
}

const REGION_NAME = /wilayah|provinsi|kabupaten|kota|kecamatan|desa|kelurahan|region|daerah/i;

/** Columns a chart can be drawn over: period types, the schema's period field, region codes or names. */
export function axisColumns(t: ReadableTable): ReadableColumn[] {
  const regionFks = new Set(
    (t.schema.foreignKeys ?? [])
      .filter((fk) => fk.reference.resource.startsWith('region:'))
      .flatMap((fk) => [fk.fields].flat()),
  );
  const period = t.columns.filter(
    (c) =>
      c.type === 'year' ||
      c.type === 'yearmonth' ||
      c.type === 'date' ||
      c.name === t.schema['x-period-field'],
  );
  const region = t.columns.filter(
    (c) => c.type === 'string' && !period.includes(c) && (regionFks.has(c.name) || REGION_NAME.test(c.name)),
  );
  // A period first: "over time" is the default chart.
  return [...period, ...region];
}

export function valueColumns(t: ReadableTable): ReadableColumn[] {
  return t.columns.filter((c) => c.type === 'integer' || c.type === 'number');
}

async function loadChart(
  db: Kysely<DB>,
  t: ReadableTable,
  state: PreviewState,
  where: Pick<SearchParams, 'filters' | 'contains' | 'q' | 'plain' | 'language'>,
  axes: ReadableColumn[],
  values: ReadableColumn[],
): Promise<PreviewChart | undefined> {
  const value = values.find((c) => c.name === state.chartValue) ?? values[0];
  const chosen = axes.find((c) => c.name === state.chartAxis);
  let axis = chosen ?? axes[0];
  if (!value || !axis) return undefined;
  let rows = await sumByCategory(db, t, axis, value, where, CHART_MAX_CATEGORIES);
  // The default axis must draw something: a per-district table of one year charted over the year
  // is a single dot (issue #17 item 7), so try the first region axis once (one more statement at
  // most) before giving up on a chart.
  const region = axes.find((c) => c.type === 'string' && c !== axis);
  if (!chosen && rows.length < 2 && region) {
    axis = region;
    rows = await sumByCategory(db, t, region, value, where, CHART_MAX_CATEGORIES);
  }
  if (!chosen && rows.length < 2) return undefined;
  const shown = rows.slice(0, CHART_MAX_CATEGORIES);
  const categories = shown.map((r) => String(jsonValue(axis, r.k) ?? '—'));
  const nums = shown.map((r) => Number(r.v ?? 0));
  const isPeriod = axis.type !== 'string';
  return {
    value,
    axis,
    categories,
    values: nums,
    line: isPeriod,
    truncated: rows.length > CHART_MAX_CATEGORIES,
  };
}

/**
 * One page of a resource's table for the dataset page: sorted, filtered (one column containing a
 * text, any case, or full text), paged on the server, and a chart of a numeric column summed over a
 * period or region column. Reads only what `datastore_search` would let the reader see.
 */
export async function loadPreview(
  db: Kysely<DB>,
  actor: Actor,
  resourceId: string,
  state: PreviewState,
): Promise<PreviewData> {
  const table = await loadReadableTable(db, actor, resourceId);
  const columns = table.columns.filter((c) => c.type !== 'id');
  const sortColumn = columns.find((c) => c.name === state.sort);
  const filterColumn = columns.find((c) => c.name === state.filterColumn);
  // The grid's filter forgives: any case, any part of the value ("magetan" finds "Magetan").
  const where = {
    contains: filterColumn && state.filterValue ? { [filterColumn.name]: state.filterValue } : undefined,
    q: state.q || undefined,
    plain: true,
    language: 'indonesian' as const,
  };
  const page = Math.max(1, state.page);
  const search = (w: typeof where) =>
    runSearch(db, table, {
      ...w,
      fields: columns.map((c) => c.name),
      sort: sortColumn
        ? `"${sortColumn.name.replace(/"/g, '""')}" ${state.desc ? 'desc' : 'asc'}, _id`
        : undefined,
      limit: PREVIEW_PAGE_ROWS,
      offset: (page - 1) * PREVIEW_PAGE_ROWS,
      distinct: false,
      include_total: true,
      records_format: 'lists',
    });
  let error: PreviewData['error'];
  let used = where;
  let result: Awaited<ReturnType<typeof search>>;
  try {
    result = await search(where);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    error = Object.values(err.fields)[0]?.[0] ?? err.text;
    used = { ...where, contains: undefined, q: undefined };
    result = await search(used);
  }
  const total = result.total ?? 0;
  const axes = axisColumns(table);
  const values = valueColumns(table);
  return {
    table,
    columns,
    rows: result.records as unknown[][],
    total,
    // Only names the reader may use go back into links (a hidden or unknown column is dropped).
    state: {
      ...state,
      page,
      sort: sortColumn?.name,
      filterColumn: filterColumn?.name,
      filterValue: filterColumn ? state.filterValue : undefined,
      chartValue: values.find((c) => c.name === state.chartValue)?.name,
      chartAxis: axes.find((c) => c.name === state.chartAxis)?.name,
    },
    pageCount: Math.max(1, Math.ceil(total / PREVIEW_PAGE_ROWS)),
    error,
    valueColumns: values,
    axisColumns: axes,
    chart: await loadChart(db, table, state, used, axes, values),
  };
}
