import { type Insertable, type Kysely, sql } from 'kysely';
import type { DataListObligationTable } from '../../kernel/db/schema/planning.js';
import type { DB } from '../../kernel/db/schema.js';

/** Queries of what an enacted list's producers owe (obligations) and what they delivered. */

export type FulfilmentState = 'pending' | 'submitted' | 'verified' | 'published' | 'overdue';

/**
 * Per item of a list: its linked datasets' furthest state (a submission verified or reviewed
 * counts as verified; a published dataset as published), or overdue when nothing was
 * submitted and its first due date has passed.
 */
export async function itemFulfilment(
  db: Kysely<DB>,
  listId: string,
  today: string,
): Promise<Map<string, { state: FulfilmentState; datasets: { id: string; name: string; title: string }[] }>> {
  const links = await db
    .selectFrom('data_list_item_dataset as l')
    .innerJoin('data_list_item as i', 'i.id', 'l.item_id')
    .innerJoin('dataset as d', 'd.id', 'l.dataset_id')
    .select(['l.item_id', 'd.id', 'd.name', 'd.title', 'd.private', 'd.state'])
    .select((eb) =>
      eb
        .selectFrom('dataset_submission as s')
        .select(sql<string>`string_agg(s.state, ',')`.as('states'))
        .whereRef('s.dataset_id', '=', 'd.id')
        .as('states'),
    )
    .where('i.list_id', '=', listId)
    .execute();
  const due = await db
    .selectFrom('data_list_obligation as o')
    .innerJoin('data_list_item as i', 'i.id', 'o.item_id')
    .select(['o.item_id', sql<string>`min(o.due_on)::text`.as('first_due')])
    .where('i.list_id', '=', listId)
    .groupBy('o.item_id')
    .execute();
  const rank: Record<FulfilmentState, number> = {
    pending: 0,
    overdue: 0,
    submitted: 1,
    verified: 2,
    published: 3,
  };
  const out = new Map<
    string,
    { state: FulfilmentState; datasets: { id: string; name: string; title: string }[] }
  >();
  for (const l of links) {
    const states = (l.states ?? '').split(',').filter(Boolean);
    let state: FulfilmentState = 'pending';
    // A dataset already public on the portal fulfils its item, submitted through the platform or not.
    if (states.includes('published') || (l.state === 'active' && !l.private)) state = 'published';
    else if (states.includes('verified') || states.includes('reviewed')) state = 'verified';
    else if (states.length > 0) state = 'submitted';
    const cur = out.get(l.item_id) ?? { state: 'pending' as FulfilmentState, datasets: [] };
    if (rank[state] > rank[cur.state]) cur.state = state;
    cur.datasets.push({ id: l.id, name: l.name, title: l.title });
    out.set(l.item_id, cur);
  }
  for (const d of due) {
    const cur = out.get(d.item_id) ?? { state: 'pending' as FulfilmentState, datasets: [] };
    if (cur.state === 'pending' && d.first_due < today) cur.state = 'overdue';
    out.set(d.item_id, cur);
  }
  return out;
}

export async function obligationsOf(db: Kysely<DB>, listId: string, agencyId?: string) {
  let q = db
    .selectFrom('data_list_obligation as o')
    .innerJoin('data_list_item as i', 'i.id', 'o.item_id')
    .select([
      'o.id',
      'o.item_id',
      'o.agency_id',
      'o.period',
      sql<string>`o.due_on::text`.as('due_on'),
      'i.id_ddd',
      'i.data_name',
    ])
    .where('i.list_id', '=', listId);
  if (agencyId) q = q.where('o.agency_id', '=', agencyId);
  return q.orderBy('o.due_on').orderBy('i.id_ddd').execute();
}

export async function insertObligation(db: Kysely<DB>, v: Insertable<DataListObligationTable>) {
  await db.insertInto('data_list_obligation').values(v).execute();
}

/** An obligation of a row for a period; one already there is left alone. */
export async function insertObligationOnce(db: Kysely<DB>, v: Insertable<DataListObligationTable>) {
  await db
    .insertInto('data_list_obligation')
    .values(v)
    .onConflict((oc) => oc.doNothing())
    .execute();
}
