import type { Clause } from '../domain/search-query.js';
import type { IndexColumns, PerDoc } from './index-columns.js';

/** A test of one dataset (by its position in the index). */
export type DocTest = (d: number) => boolean;

/**
 * A parsed fq/q clause as a test on a dataset, exactly as dataset-search-where.repository.ts
 * writes it in SQL; null for a clause the index does not answer (titles, text, dates: SQL does).
 */
export function clauseTest(x: IndexColumns, c: Clause): DocTest | null {
  let test: DocTest | null;
  if (c.kind === 'range') return null;
  if (c.kind === 'any') {
    const subs = c.clauses.map((s) => clauseTest(x, s));
    if (subs.some((s) => !s)) return null;
    const all = subs as DocTest[];
    test = (d) => all.some((s) => s(d));
  } else test = termTest(x, c);
  if (!test || !c.negate) return test;
  const positive = test;
  return (d) => !positive(d);
}

function termTest(x: IndexColumns, c: Extract<Clause, { kind: 'term' }>): DocTest | null {
  const v = c.value;
  switch (c.field) {
    case 'organization':
    case 'owner_org': {
      const agencies = new Set(x.agencies.flatMap((a, i) => (a.code === v || a.id === v ? [i] : [])));
      return (d) => agencies.has(x.agency[d] as number);
    }
    case 'groups':
      return holds(x.topics, x.topicIndex.get(v));
    case 'tags':
      return holds(x.tags, x.tagOrder.index.get(v));
    case 'res_format':
      // SQL compares upper(resource.format) of active resources; the stored array holds those,
      // except empty formats. Non-ASCII case mapping is the database's: left to SQL.
      if (v === '' || !/^[\x20-\x7e]*$/.test(v)) return null;
      return holds(x.formats, x.formatOrder.index.get(v.toUpperCase()));
    case 'license_id': {
      const l = x.licenseOrder.index.get(v);
      return (d) => x.license[d] === l;
    }
    case 'name':
      return (d) => x.names[d] === v;
    case 'id':
      return (d) => x.ids[d] === v;
    case 'capacity':
      // Every indexed dataset is public.
      return () => v !== 'private';
    default:
      return null;
  }
}

function holds(per: PerDoc, value: number | undefined): DocTest {
  if (value === undefined) return () => false;
  return (d) => {
    for (let i = per.start[d] as number; i < (per.start[d + 1] as number); i++)
      if (per.ids[i] === value) return true;
    return false;
  };
}
