/**
 * CKAN's tag, format and resource lookups (ckan/logic/action/get.py `tag_show`, `tag_search`,
 * `tag_autocomplete`, `format_autocomplete`, `resource_search`): over public, active datasets,
 * as the anonymous CKAN reader sees them. Free tags only (no vocabularies here).
 */
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { resourceDict, tagId } from '../package.presenter.js';
import {
  matchFormats,
  publicTagExists,
  RESOURCE_SEARCH_FIELDS,
  type ResourceSearchField,
  searchPublicResources,
  searchPublicTags,
} from '../tag-format.repository.js';
import { looseBoolean } from './dataset.schema.js';
import { PackageSearchSchema, runPackageSearch } from './package-search.js';

const portal = (ctx: ActionContext) => authorize(ctx.actor, 'portal:read');
const tagDict = (name: string) => ({ id: tagId(name), name, display_name: name, vocabulary_id: null });

/** A string, a list, or a JSON list in a query string. */
const Terms = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    if (v.trim().startsWith('[')) {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return [v];
      }
    }
    return [v];
  },
  z.array(z.string().max(200)).max(20),
);

const int = (dflt: number, max: number) => z.coerce.number().int().min(0).max(max).default(dflt);

/** `tag_show`: one tag; with include_datasets, its public datasets. */
export const tagShow = defineAction({
  name: 'tag_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().min(1).max(100), include_datasets: looseBoolean.default(false) }),
  authorize: portal,
  async run(ctx, input) {
    if (!(await publicTagExists(ctx.db, input.id)))
      // get.py tag_show: `raise NotFound(_('Could not find tag "%s"') % id)`.
      throw new NotFoundError({
        id: `Tag "${input.id}" tidak ditemukan`,
        en: `Could not find tag "${input.id}"`,
      });
    if (!input.include_datasets) return tagDict(input.id);
    const found = await runPackageSearch(
      ctx,
      PackageSearchSchema.parse({ fq: `tags:"${input.id.replace(/"/g, '\\"')}"`, rows: 1000, facet: false }),
    );
    return { ...tagDict(input.id), packages: found.results };
  },
});

/** `tag_search`: `{count, results}` of tags matching the query terms (and `fields.tags`). */
export const tagSearch = defineAction({
  name: 'tag_search',
  sideEffectFree: true,
  input: z.object({
    query: Terms.optional(),
    q: Terms.optional(),
    fields: z.preprocess((v) => {
      if (typeof v !== 'string') return v;
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return v;
      }
    }, z.record(z.string(), z.string().max(200)).optional()),
    vocabulary_id: z.string().max(100).optional(),
    limit: int(10, 1000),
    offset: int(0, 1_000_000),
  }),
  authorize: portal,
  async run(ctx, input) {
    if (input.vocabulary_id) return { count: 0, results: [] };
    const terms = [...(input.query ?? input.q ?? []), ...Object.values(input.fields ?? {})].filter(Boolean);
    if (terms.length === 0) return { count: 0, results: [] };
    const { count, names } = await searchPublicTags(ctx.db, terms, input);
    return { count, results: names.map(tagDict) };
  },
});

/** `tag_autocomplete`: names of tags containing `query`, `limit` (10) of them. */
export const tagAutocomplete = defineAction({
  name: 'tag_autocomplete',
  sideEffectFree: true,
  input: z.object({
    query: z.string().max(200).optional(),
    q: z.string().max(200).optional(),
    limit: int(10, 100),
    offset: int(0, 100_000),
    vocabulary_id: z.string().max(100).optional(),
  }),
  authorize: portal,
  async run(ctx, input) {
    const text = input.query ?? input.q ?? '';
    if (!text || input.vocabulary_id) return [];
    return (await searchPublicTags(ctx.db, [text], input)).names;
  },
});

/** `format_autocomplete`: resource formats containing `q`, lower case, `limit` (5) of them. */
export const formatAutocomplete = defineAction({
  name: 'format_autocomplete',
  sideEffectFree: true,
  input: z.object({
    q: z.string().max(100).default(''),
    limit: z.coerce.number().int().min(1).max(100).default(5),
  }),
  authorize: portal,
  run: (ctx, input) => matchFormats(ctx.db, input.q, input.limit),
});

/** `resource_search`: `{count, results}` of resources whose fields contain `field:term` pairs. */
export const resourceSearch = defineAction({
  name: 'resource_search',
  sideEffectFree: true,
  input: z.object({
    query: Terms,
    order_by: z.string().max(40).optional(),
    offset: int(0, 1_000_000),
    limit: z.coerce.number().int().min(0).max(1000).optional(),
  }),
  authorize: portal,
  async run(ctx, input) {
    const known = (f: string): f is ResourceSearchField =>
      (RESOURCE_SEARCH_FIELDS as readonly string[]).includes(f);
    const terms = input.query.map((q) => {
      const at = q.indexOf(':');
      const field = q.slice(0, at).trim();
      // get.py resource_search: `Field "{field}" not recognised in resource_search.`
      if (at < 0 || !known(field))
        throw new ValidationError({
          query: [
            {
              id: `Bidang "${field || q}" tidak dikenal dalam resource_search.`,
              en: `Field "${field || q}" not recognised in resource_search.`,
            },
          ],
        });
      return { field, text: q.slice(at + 1).trim() };
    });
    const orderBy = input.order_by && known(input.order_by) ? input.order_by : undefined;
    const { count, rows } = await searchPublicResources(ctx.db, terms, {
      limit: input.limit,
      offset: input.offset,
      orderBy,
    });
    return { count, results: rows.map((r) => resourceDict(r, ctx.siteUrl ?? '')) };
  },
});
