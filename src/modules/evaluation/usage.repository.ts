import { type Kysely, sql } from 'kysely';
import type { PortalUsageKind } from '../../kernel/db/schema/evaluation.js';
import type { DB } from '../../kernel/db/schema.js';

export interface UsageIncrement {
  day: string;
  datasetId: string;
  kind: PortalUsageKind;
  count: number;
}

/**
 * Adds counted hits to `portal_usage` in one statement (several instances add to the same row).
 * Only datasets the public sees (active, not private) are kept: a member of staff reading a
 * draft is not portal use, and a dataset deleted since the hit is skipped instead of failing
 * the whole batch.
 */
export async function addUsage(db: Kysely<DB>, rows: UsageIncrement[]): Promise<void> {
  if (!rows.length) return;
  const values = sql.join(
    rows.map((r) => sql`(${r.day}::date, ${r.datasetId}::uuid, ${r.kind}::text, ${r.count}::int)`),
  );
  await sql`
    insert into portal_usage (day, dataset_id, kind, count)
    select v.day, v.dataset_id, v.kind, v.count
    from (values ${values}) as v(day, dataset_id, kind, count)
    join dataset d on d.id = v.dataset_id and d.state = 'active' and not d.private
    on conflict (day, dataset_id, kind) do update set count = portal_usage.count + excluded.count`.execute(
    db,
  );
}
