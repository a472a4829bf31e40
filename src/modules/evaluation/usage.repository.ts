import { type Kysely, sql } from 'kysely';
import type { PortalUsageKind } from '../../kernel/db/schema/evaluation.js';
import type { DB } from '../../kernel/db/schema.js';

/** Counted hits of one day and kind, on a dataset or on a resource (API datastore calls). */
export type UsageIncrement = {
  day: string;
  kind: PortalUsageKind;
  count: number;
} & ({ datasetId: string } | { resourceId: string });

/**
 * Adds counted hits to `portal_usage` in one statement (several instances add to the same row).
 * Only datasets the public sees (active, not private) are kept: a member of staff reading a
 * draft is not portal use, and a dataset deleted since the hit is skipped instead of failing
 * the whole batch. A resource's hits count on its dataset, looked up here (two resources of one
 * dataset add up before the upsert, which may touch a row only once).
 */
export async function addUsage(db: Kysely<DB>, rows: UsageIncrement[]): Promise<void> {
  if (!rows.length) return;
  const values = sql.join(
    rows.map((r) => {
      const datasetId = 'datasetId' in r ? r.datasetId : null;
      const resourceId = 'resourceId' in r ? r.resourceId : null;
      return sql`(${r.day}::date, ${datasetId}::uuid, ${resourceId}::uuid, ${r.kind}::text, ${r.count}::int)`;
    }),
  );
  await sql`
    insert into portal_usage (day, dataset_id, kind, count)
    select v.day, d.id, v.kind, sum(v.count)::int
    from (values ${values}) as v(day, dataset_id, resource_id, kind, count)
    left join resource r on r.id = v.resource_id
    join dataset d on d.id = coalesce(v.dataset_id, r.dataset_id) and d.state = 'active' and not d.private
    group by v.day, d.id, v.kind
    on conflict (day, dataset_id, kind) do update set count = portal_usage.count + excluded.count`.execute(
    db,
  );
}

/**
 * The demo region's year of portal use (issue #16 item 6): for each public dataset, every day
 * from `from` to `to`, views and downloads made up deterministically from a hash of the dataset
 * and day (more on weekdays), so the demo's figures look lived-in and are the same on each run.
 */
export async function insertDemoUsage(db: Kysely<DB>, from: string, to: string): Promise<void> {
  await sql`
    insert into portal_usage (day, dataset_id, kind, count)
    select day, dataset_id, kind, count from (
      select g.day::date as day, d.id as dataset_id, k.kind,
        (abs(hashtext(d.id::text || g.day::text || k.kind)) % k.spread)
          * (case when extract(isodow from g.day) >= 6 then 1 else 3 end) / 3 as count
      from dataset d
      cross join generate_series(${from}::date, ${to}::date, interval '1 day') as g(day)
      cross join (values ('view', 25), ('download', 6), ('api', 4)) as k(kind, spread)
      where d.state = 'active' and not d.private
    ) x
    where count > 0
    on conflict (day, dataset_id, kind) do nothing`.execute(db);
}
