import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { nextPage } from '../read/next-page.js';
import { loadReadableTable } from '../read/readable-table.js';
import {
  DEFAULT_LIMIT,
  LANGUAGES,
  RECORDS_FORMATS,
  ROWS_MAX,
  runSearch,
  type SearchParams,
} from '../read/search-query.js';
import { resolveResourceId, searchTableMetadata, TABLE_METADATA } from '../read/table-metadata.js';
import {
  FieldsInput,
  FiltersInput,
  looseBoolean,
  QInput,
  ResourceIdInput,
  VersionInput,
} from './datastore-input.js';

const Input = z
  .object({
    resource_id: ResourceIdInput.optional(),
    id: ResourceIdInput.optional(),
    filters: FiltersInput.optional(),
    q: QInput.optional(),
    full_text: z.string().max(1000).optional(),
    plain: looseBoolean.default(true),
    language: z.enum(LANGUAGES).default('indonesian'),
    fields: FieldsInput.optional(),
    sort: z.string().max(2000).optional(),
    // CKAN caps limit at rows_max rather than refusing a larger one.
    limit: z.coerce
      .number()
      .int()
      .min(0)
      .default(DEFAULT_LIMIT)
      .transform((n) => Math.min(n, ROWS_MAX)),
    offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
    distinct: looseBoolean.default(false),
    include_total: looseBoolean.default(true),
    records_format: z.enum(RECORDS_FORMATS).default('objects'),
    include_next_page: looseBoolean.default(false),
    version: VersionInput.optional(),
  })
  .refine((v) => v.resource_id ?? v.id, {
    path: ['resource_id'],
    message: 'Wajib diisi / Missing value',
  });

type Input = z.infer<typeof Input>;

/** The link parameters CKAN's `_links` repeat (everything but offset). */
function linkParams(rid: string, input: Input): URLSearchParams {
  const p = new URLSearchParams({ resource_id: rid });
  if (input.q !== undefined) p.set('q', typeof input.q === 'string' ? input.q : JSON.stringify(input.q));
  if (input.filters) p.set('filters', JSON.stringify(input.filters));
  if (input.fields) p.set('fields', input.fields.join(','));
  if (input.sort) p.set('sort', input.sort);
  if (input.distinct) p.set('distinct', 'true');
  if (!input.plain) p.set('plain', 'false');
  if (input.language !== 'indonesian') p.set('language', input.language);
  if (input.records_format !== 'objects') p.set('records_format', input.records_format);
  if (!input.include_total) p.set('include_total', 'false');
  if (input.limit !== DEFAULT_LIMIT) p.set('limit', String(input.limit));
  if (input.version !== undefined) p.set('version', String(input.version));
  return p;
}

/**
 * CKAN `datastore_search`: rows of a resource's table with filters, full-text `q`, fields, sort,
 * distinct, paging and the four records formats; `version` reads an earlier loaded version.
 * Hidden datasets' resources are "not found"; non-open columns are left out for callers who
 * may not read the dataset's private data.
 */
export const datastoreSearch = defineAction({
  name: 'datastore_search',
  sideEffectFree: true,
  input: Input,
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const name = input.resource_id ?? input.id ?? '';
    if (name === TABLE_METADATA) return searchTableMetadata(ctx.db, input);
    const rid = await resolveResourceId(ctx.db, name);
    const table = await loadReadableTable(ctx.db, ctx.actor, rid, { version: input.version });
    const q = input.q ?? input.full_text;
    const params: SearchParams = {
      filters: input.filters,
      q,
      plain: input.plain,
      language: input.language,
      fields: input.fields,
      sort: input.sort,
      limit: input.limit,
      offset: input.offset,
      distinct: input.distinct,
      include_total: input.include_total,
      records_format: input.records_format,
    };
    const r = await runSearch(ctx.db, table, params);
    const keyset = input.include_next_page ? nextPage(table, params, r) : undefined;
    const start = linkParams(table.resource.id, input);
    const next = new URLSearchParams(start);
    next.set('offset', String(input.offset + input.limit));
    const base = '/api/3/action/datastore_search';
    return {
      include_total: input.include_total,
      limit: input.limit,
      offset: input.offset,
      records_format: input.records_format,
      resource_id: table.resource.id,
      total_estimation_threshold: null,
      ...(input.filters ? { filters: input.filters } : {}),
      ...(q !== undefined ? { q } : {}),
      ...(input.sort ? { sort: input.sort } : {}),
      ...(input.distinct ? { distinct: true } : {}),
      ...(input.version !== undefined ? { version: table.versionNumber } : {}),
      fields: r.fields,
      records: r.records,
      _links: { start: `${base}?${start}`, next: `${base}?${next}` },
      ...(r.total !== undefined ? { total: r.total, total_was_estimated: false } : {}),
      ...(keyset ? { next_page: keyset } : {}),
    };
  },
});
