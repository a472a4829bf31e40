import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';

/** Candidates read per way of being related: an index range, whatever the catalog's size. */
const CANDIDATES = 50;

export interface SameIndicatorRow {
  name: string;
  title: string;
  agency_name: string;
  same_indicator: boolean;
  same_standard: boolean;
}

/**
 * Public, active datasets presenting one of this dataset's indicators (same MS-Ind name, compared
 * case-insensitively) or following its data standard: the strongest kind of "related", shown
 * before same-topic ones. Two index lookups (`indicator_metadata_name_idx`,
 * `dataset_data_standard_idx`), each stopped at a few candidates, then the visibility filter on
 * those rows by primary key: never a pass over the whole catalog.
 */
export async function listSameIndicatorDatasets(
  db: Kysely<DB>,
  datasetId: string,
  limit = 5,
): Promise<SameIndicatorRow[]> {
  const { rows } = await sql<SameIndicatorRow>`
    with candidate as (
      (select x.dataset_id as id, true as by_indicator
         from indicator_metadata mine
         join indicator_metadata x on lower(x.name) = lower(mine.name) and x.dataset_id <> mine.dataset_id
        where mine.dataset_id = ${datasetId}
        limit ${CANDIDATES})
      union all
      (select other.id, false
         from dataset me
         join dataset other on other.data_standard_id = me.data_standard_id and other.id <> me.id
        where me.id = ${datasetId} and other.private = false and other.state = 'active'
        limit ${CANDIDATES})
    )
    select d.name, d.title, a.name as agency_name,
      bool_or(c.by_indicator) as same_indicator, bool_or(not c.by_indicator) as same_standard
    from candidate c
    join dataset d on d.id = c.id and d.private = false and d.state = 'active'
    join agency a on a.id = d.agency_id
    group by d.id, d.name, d.title, a.name
    order by bool_or(c.by_indicator) desc, bool_or(not c.by_indicator) desc, d.title
    limit ${limit}
  `.execute(db);
  return rows;
}
