import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** Editing the EPSS structure (issue #16 item 2: "editable when BPS changes them"). */
export type StructureLevel = 'domain' | 'aspect' | 'indicator';

export interface StructureItem {
  code: string;
  name_id: string;
  name_en: string;
  weight: number | null;
  parent: string | null;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** One domain, aspect or indicator, locked for the change. */
export async function lockStructureItem(
  db: Kysely<DB>,
  level: StructureLevel,
  code: string,
): Promise<StructureItem | undefined> {
  if (level === 'domain') {
    const r = await db
      .selectFrom('epss_domain')
      .selectAll()
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    return r && { code: r.code, name_id: r.name_id, name_en: r.name_en, weight: num(r.weight), parent: null };
  }
  if (level === 'aspect') {
    const r = await db
      .selectFrom('epss_aspect')
      .selectAll()
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    return (
      r && {
        code: r.code,
        name_id: r.name_id,
        name_en: r.name_en,
        weight: num(r.weight),
        parent: r.domain_code,
      }
    );
  }
  const r = await db
    .selectFrom('epss_indicator')
    .selectAll()
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  return (
    r && {
      code: r.code,
      name_id: r.name_id,
      name_en: r.name_en,
      weight: num(r.weight),
      parent: r.aspect_code,
    }
  );
}

/** The weights of the item's siblings (same parent), itself left out. */
export async function siblingWeights(
  db: Kysely<DB>,
  level: StructureLevel,
  item: StructureItem,
): Promise<(number | null)[]> {
  const rows =
    level === 'domain'
      ? await db.selectFrom('epss_domain').select('weight').where('code', '<>', item.code).execute()
      : level === 'aspect'
        ? await db
            .selectFrom('epss_aspect')
            .select('weight')
            .where('domain_code', '=', item.parent as string)
            .where('code', '<>', item.code)
            .execute()
        : await db
            .selectFrom('epss_indicator')
            .select('weight')
            .where('aspect_code', '=', item.parent as string)
            .where('code', '<>', item.code)
            .execute();
  return rows.map((r) => num(r.weight));
}

export async function updateStructureItem(
  db: Kysely<DB>,
  level: StructureLevel,
  code: string,
  v: { name_id: string; name_en: string; weight: number | null },
): Promise<void> {
  const table = level === 'domain' ? 'epss_domain' : level === 'aspect' ? 'epss_aspect' : 'epss_indicator';
  await db
    .updateTable(table)
    .set(level === 'domain' ? { ...v, weight: v.weight ?? 0 } : v)
    .where('code', '=', code)
    .execute();
}

/** An aspect's code and names (the parent of an indicator being added). */
export async function lockAspect(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('epss_aspect')
    .select(['code', 'name_id', 'name_en'])
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
}

/** A new indicator, placed after its aspect's others. */
export async function insertIndicator(
  db: Kysely<DB>,
  v: { code: string; aspect_code: string; name_id: string; name_en: string; weight: number | null },
  criteria: { id: string; en: string }[],
): Promise<void> {
  const last = await db
    .selectFrom('epss_indicator')
    .select((eb) => eb.fn.max('position').as('p'))
    .executeTakeFirst();
  await db
    .insertInto('epss_indicator')
    .values({ ...v, criteria: JSON.stringify(criteria), position: Number(last?.p ?? 0) + 1 })
    .execute();
}

/** The years whose assessments hold a score of the indicator (it may not be removed then). */
export async function scoredYears(db: Kysely<DB>, code: string): Promise<number[]> {
  const rows = await db
    .selectFrom('epss_score as s')
    .innerJoin('epss_assessment as a', 'a.id', 's.assessment_id')
    .select('a.year')
    .distinct()
    .where('s.indicator_code', '=', code)
    .orderBy('a.year')
    .execute();
  return rows.map((r) => r.year);
}

export async function deleteIndicator(db: Kysely<DB>, code: string): Promise<void> {
  await db.deleteFrom('epss_indicator').where('code', '=', code).execute();
}
