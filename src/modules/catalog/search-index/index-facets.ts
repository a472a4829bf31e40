import type { FacetItem } from '../dataset-search.repository.js';
import type { FacetField } from '../domain/search-facets.js';
import type { IndexColumns } from './index-columns.js';

/**
 * One facet over a search's hits, as the statement's facet SQL: values held by at least
 * `minCount` hits, by count descending and then the name's (for organizations and groups, the
 * display name's) collation rank, at most `limit`.
 */
export function facetItems(
  x: IndexColumns,
  field: FacetField,
  hits: number[],
  minCount: number,
  limit: number,
): FacetItem[] {
  const counts = facetCounts(x, field, hits);
  const found: number[] = [];
  for (let v = 0; v < counts.length; v++) if ((counts[v] as number) >= minCount) found.push(v);
  // Count descending, then the name's (or the display name's) collation rank, as the SQL.
  found.sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  return found.slice(0, limit).map((v) => ({ ...facetName(x, field, v), count: counts[v] as number }));
}

/** How many hits hold each value of the facet (plain loops: this runs for every hit). */
function facetCounts(x: IndexColumns, field: FacetField, hits: number[]): Int32Array {
  if (field === 'organization' || field === 'license_id') {
    const [values, size] =
      field === 'organization' ? [x.agency, x.agencies.length] : [x.license, x.licenseOrder.names.length];
    const counts = new Int32Array(size);
    for (const d of hits) {
      const v = values[d] as number;
      if (v >= 0) counts[v] = (counts[v] as number) + 1;
    }
    return counts;
  }
  const [per, size] =
    field === 'groups'
      ? [x.topics, x.topicList.length]
      : field === 'tags'
        ? [x.tags, x.tagOrder.names.length]
        : [x.formats, x.formatOrder.names.length];
  const counts = new Int32Array(size);
  const { start, ids } = per;
  for (const d of hits)
    for (let i = start[d] as number; i < (start[d + 1] as number); i++) {
      const v = ids[i] as number;
      counts[v] = (counts[v] as number) + 1;
    }
  return counts;
}

function facetName(x: IndexColumns, field: FacetField, v: number): { name: string; display_name: string } {
  switch (field) {
    case 'organization': {
      const a = x.agencies[v] as { code: string; name: string };
      return { name: a.code, display_name: a.name };
    }
    case 'groups': {
      const t = x.topicList[v] as { name: string; title: string };
      return { name: t.name, display_name: t.title };
    }
    case 'tags':
      return same(x.tagOrder.names[v] as string);
    case 'res_format':
      return same(x.formatOrder.names[v] as string);
    case 'license_id':
      return same(x.licenseOrder.names[v] as string);
  }
}

const same = (name: string) => ({ name, display_name: name });
