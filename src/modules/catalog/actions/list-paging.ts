import { z } from 'zod';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { looseBoolean } from './dataset.schema.js';
import { runPackageSearch } from './package-search.js';

/** Parameters shared by organization_list and group_list (CKAN defaults). */
export const ListSchema = z.object({
  sort: z.string().max(50).default('title asc'),
  limit: z.coerce.number().int().min(0).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  all_fields: looseBoolean.default(false),
  include_dataset_count: looseBoolean.default(true),
  q: z.string().max(200).optional(),
});

/**
 * Filter by `q`, sort (`title`, `name`, `package_count`, asc/desc) and page as CKAN does: 1000
 * items at most, 25 when whole dicts are asked for (a larger `limit` is clamped).
 */
export function pageAndSort<T extends { name: string; title: string; count: number }>(
  items: T[],
  input: z.infer<typeof ListSchema>,
): T[] {
  const q = input.q?.toLowerCase();
  const filtered = q
    ? items.filter((i) => i.name.toLowerCase().includes(q) || i.title.toLowerCase().includes(q))
    : items;
  const [field = 'title', dir = 'asc'] = input.sort.trim().split(/\s+/);
  const key = (i: T): string | number =>
    field === 'package_count' ? i.count : field === 'name' ? i.name : i.title.toLowerCase();
  const sorted = [...filtered].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = ka < kb ? -1 : ka > kb ? 1 : a.name.localeCompare(b.name);
    return dir === 'desc' ? -c : c;
  });
  // CKAN clamps (never refuses) a limit above the maximum: 25 with all_fields, else 1000.
  const max = input.all_fields ? 25 : 1000;
  const limit = input.limit ? Math.min(input.limit, max) : max;
  return sorted.slice(input.offset, input.offset + limit);
}

export const ShowSchema = z.object({
  id: z.string().min(1).max(200),
  include_datasets: looseBoolean.default(false),
  include_dataset_count: looseBoolean.default(true),
});

/**
 * The extra keys of organization_show / group_show: the visible dataset count and, when asked,
 * the first 10 visible datasets (CKAN's cap), newest first.
 */
export async function showExtras(ctx: ActionContext, fq: string, input: z.infer<typeof ShowSchema>) {
  const search = await runPackageSearch(ctx, {
    fq,
    rows: input.include_datasets ? 10 : 0,
    start: 0,
    sort: 'metadata_modified desc',
    facet: false,
    'facet.limit': 50,
    'facet.mincount': 1,
    include_private: true,
    include_drafts: false,
    include_deleted: false,
  });
  return {
    ...(input.include_dataset_count ? { package_count: search.count } : {}),
    ...(input.include_datasets ? { packages: search.results } : {}),
    users: [],
    extras: [],
    tags: [],
    groups: [],
  };
}
