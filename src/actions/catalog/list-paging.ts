import { z } from 'zod';
import { looseBoolean } from '../dataset/dataset.schema.js';

/** Parameters shared by organization_list and group_list (CKAN defaults). */
export const ListSchema = z.object({
  sort: z.string().max(50).default('title asc'),
  limit: z.coerce.number().int().min(0).max(1000).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  all_fields: looseBoolean.default(false),
  include_dataset_count: looseBoolean.default(true),
  q: z.string().max(200).optional(),
});

/**
 * Filter by `q`, sort (`title`, `name`, `package_count`, asc/desc) and page as CKAN does: 1000
 * items by default, 25 when whole dicts are asked for.
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
  const limit = input.limit ?? (input.all_fields ? 25 : 1000);
  return sorted.slice(input.offset, input.offset + limit);
}
