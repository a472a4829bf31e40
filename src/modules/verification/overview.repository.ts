/**
 * The counts the workspace home opens on (issue #17 item 8): per agency, its datasets by where
 * their latest submission stands, and the SOP steps past their due time.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

export interface AgencyWork {
  agency_id: string;
  agency: string;
  drafts: number;
  returned: number;
  submitted: number;
  verified: number;
  published: number;
  overdue: number;
}

/** Per agency (or only `agencyId`'s): datasets by their latest submission's state, and overdue steps. */
export async function workByAgency(db: Kysely<DB>, agencyId: string | null, now = new Date()) {
  const latest = db
    .selectFrom('dataset_submission')
    .distinctOn('dataset_id')
    .select(['dataset_id', 'state'])
    .orderBy('dataset_id')
    .orderBy('number', 'desc')
    .as('s');
  let datasets = db
    .selectFrom('dataset as d')
    .innerJoin('agency as a', 'a.id', 'd.agency_id')
    .leftJoin(latest, (join) => join.onRef('s.dataset_id', '=', 'd.id'))
    .select([
      'a.id as agency_id',
      'a.short_name as agency',
      sql<number>`count(*) filter (where s.state is null)`.as('drafts'),
      sql<number>`count(*) filter (where s.state = 'returned')`.as('returned'),
      sql<number>`count(*) filter (where s.state = 'submitted')`.as('submitted'),
      sql<number>`count(*) filter (where s.state in ('verified', 'reviewed'))`.as('verified'),
      sql<number>`count(*) filter (where s.state = 'published')`.as('published'),
    ])
    .where('d.state', '!=', 'deleted')
    .groupBy(['a.id', 'a.short_name']);
  if (agencyId) datasets = datasets.where('d.agency_id', '=', agencyId);
  let overdue = db
    .selectFrom('workflow_task as t')
    .innerJoin('workflow_instance as i', 'i.id', 't.instance_id')
    .select([sql<string>`coalesce(t.agency_id, i.agency_id)`.as('agency_id'), sql<number>`count(*)`.as('n')])
    .where('t.state', '=', 'open')
    .where('t.due_at', '<', now)
    .groupBy(sql`coalesce(t.agency_id, i.agency_id)`);
  if (agencyId) overdue = overdue.where(sql<boolean>`coalesce(t.agency_id, i.agency_id) = ${agencyId}`);
  const [rows, late] = await Promise.all([datasets.orderBy('a.short_name').execute(), overdue.execute()]);
  const lateBy = new Map(late.map((r) => [r.agency_id, Number(r.n)]));
  return rows.map(
    (r): AgencyWork => ({
      agency_id: r.agency_id,
      agency: r.agency,
      drafts: Number(r.drafts),
      returned: Number(r.returned),
      submitted: Number(r.submitted),
      verified: Number(r.verified),
      published: Number(r.published),
      overdue: lateBy.get(r.agency_id) ?? 0,
    }),
  );
}
