import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';

/**
 * SQL of "did you mean": the words of public, active datasets' titles and tags, nearest to a
 * searched word by `pg_trgm` similarity. Only what the public already sees forms the vocabulary,
 * so a suggestion never reveals a private or draft dataset's title.
 */

/** Least similarity for a suggestion (pg_trgm's own default threshold for `%` is 0.3). */
const MIN_SIMILARITY = 0.35;

/** The public vocabulary word nearest to `word`, or null (the word itself when it is known). */
export async function nearestPublicWord(db: Kysely<DB>, word: string): Promise<string | null> {
  const { rows } = await sql<{ w: string; s: number }>`
    with vocab as (
      select distinct w from (
        select regexp_split_to_table(lower(d.title), '[^[:alnum:]]+') as w
          from dataset d where d.private = false and d.state = 'active'
        union all
        select lower(t.tag) from dataset_tag t
          join dataset d on d.id = t.dataset_id
          where d.private = false and d.state = 'active'
      ) words where length(w) >= 3
    )
    select w, similarity(w, ${word}) as s from vocab
     where similarity(w, ${word}) >= ${MIN_SIMILARITY}
     order by s desc, w limit 1
  `.execute(db);
  return rows[0]?.w ?? null;
}

/** Topics with at least one public dataset, the most used first (suggested on an empty result). */
export async function popularTopics(db: Kysely<DB>, limit = 6) {
  return db
    .selectFrom('topic as t')
    .innerJoin('dataset_topic as dt', 'dt.topic_id', 't.id')
    .innerJoin('dataset as d', 'd.id', 'dt.dataset_id')
    .select(['t.name', 't.title', 't.title_en'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('d.private', '=', false)
    .where('d.state', '=', 'active')
    .groupBy(['t.id', 't.name', 't.title', 't.title_en'])
    .orderBy('n', 'desc')
    .orderBy('t.name')
    .limit(limit)
    .execute();
}
