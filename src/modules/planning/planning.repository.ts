import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { StatisticalActivityTable } from '../../kernel/db/schema/metadata.js';
import type {
  DataList,
  DataListItem,
  DataListItemTable,
  DataListObligationTable,
  DataListTable,
  ForumMeeting,
  PlanningRecord,
  PlanningRecordKind,
  PlanningRecordTable,
} from '../../kernel/db/schema/planning.js';
import type { WorkflowInstance } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';

/** Queries of planning: the year's list and items, meetings, records and fulfilment. */

export async function findList(db: Kysely<DB>, year: number, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('data_list').selectAll().where('year', '=', year);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listYears(db: Kysely<DB>): Promise<DataList[]> {
  return db.selectFrom('data_list').selectAll().orderBy('year', 'desc').execute();
}

/** The list of a year, created empty (draft) when the year has none. */
export async function ensureList(db: Kysely<DB>, year: number): Promise<DataList> {
  const found = await findList(db, year, { forUpdate: true });
  if (found) return found;
  await db
    .insertInto('data_list')
    .values({ year })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  return (await findList(db, year, { forUpdate: true })) as DataList;
}

export type ItemRow = DataListItem & { agency_name: string; agency_code: string; agency_short_name: string };

export async function listItems(
  db: Kysely<DB>,
  listId: string,
  opts: { agencyId?: string | undefined } = {},
): Promise<ItemRow[]> {
  let q = db
    .selectFrom('data_list_item as i')
    .innerJoin('agency as a', 'a.id', 'i.agency_id')
    .selectAll('i')
    .select(['a.name as agency_name', 'a.code as agency_code', 'a.short_name as agency_short_name'])
    .where('i.list_id', '=', listId);
  if (opts.agencyId) q = q.where('i.agency_id', '=', opts.agencyId);
  return q.orderBy('i.position').orderBy('i.id_ddd').execute();
}

export async function findItem(db: Kysely<DB>, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let q = db.selectFrom('data_list_item').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertItem(db: Kysely<DB>, v: Insertable<DataListItemTable>) {
  return db.insertInto('data_list_item').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function bumpList(db: Kysely<DB>, listId: string, set: Partial<Pick<DataList, 'status'>> = {}) {
  await db
    .updateTable('data_list')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', listId)
    .execute();
}

export async function meetingsOf(db: Kysely<DB>, year: number): Promise<ForumMeeting[]> {
  return db.selectFrom('forum_meeting').selectAll().where('year', '=', year).orderBy('held_on').execute();
}

export async function findMeeting(db: Kysely<DB>, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db.selectFrom('forum_meeting').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function decisionsOf(db: Kysely<DB>, meetingId: string) {
  return db
    .selectFrom('forum_decision as d')
    .innerJoin('data_list_item as i', 'i.id', 'd.item_id')
    .select(['d.item_id', 'd.decision', 'd.note', 'i.id_ddd', 'i.data_name'])
    .where('d.meeting_id', '=', meetingId)
    .orderBy('i.id_ddd')
    .execute();
}

export async function recordsOf(db: Kysely<DB>, year: number): Promise<PlanningRecord[]> {
  return db.selectFrom('planning_record').selectAll().where('year', '=', year).orderBy('kind').execute();
}

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

/** A list by its id, locked for the change that follows. */
export async function lockListById(db: Kysely<DB>, id: string): Promise<DataList> {
  return db.selectFrom('data_list').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export async function updateList(db: Kysely<DB>, listId: string, set: Updateable<DataListTable>) {
  await db.updateTable('data_list').set(set).where('id', '=', listId).execute();
}

/** The id of the row of a list with this ID DDD, if any. */
export async function findItemIdByIdDdd(db: Kysely<DB>, listId: string, idDdd: string) {
  return db
    .selectFrom('data_list_item')
    .select('id')
    .where('list_id', '=', listId)
    .where('id_ddd', '=', idDdd)
    .executeTakeFirst();
}

export async function updateItem(db: Kysely<DB>, id: string, set: Updateable<DataListItemTable>) {
  await db.updateTable('data_list_item').set(set).where('id', '=', id).execute();
}

export async function deleteItem(db: Kysely<DB>, id: string) {
  await db.deleteFrom('data_list_item').where('id', '=', id).execute();
}

export async function deleteItems(db: Kysely<DB>, ids: string[]) {
  await db.deleteFrom('data_list_item').where('id', 'in', ids).execute();
}

/** The ids of a list's rows in their order. */
export async function itemIdsOf(db: Kysely<DB>, listId: string) {
  return db
    .selectFrom('data_list_item')
    .select(['id'])
    .where('list_id', '=', listId)
    .orderBy('position')
    .execute();
}

/** A dataset not deleted, named by its id or its name, that a row may be linked to. */
export async function findLinkableDataset(db: Kysely<DB>, ref: string) {
  return db
    .selectFrom('dataset')
    .select(['id', 'name', 'agency_id'])
    .where((eb) =>
      /^[0-9a-f-]{36}$/i.test(ref) ? eb.or([eb('id', '=', ref), eb('name', '=', ref)]) : eb('name', '=', ref),
    )
    .where('state', '!=', 'deleted')
    .executeTakeFirst();
}

/** Link a dataset to a row; linking twice is no change. */
export async function linkItemDataset(db: Kysely<DB>, itemId: string, datasetId: string) {
  await db
    .insertInto('data_list_item_dataset')
    .values({ item_id: itemId, dataset_id: datasetId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertItemDataset(db: Kysely<DB>, itemId: string, datasetId: string) {
  await db.insertInto('data_list_item_dataset').values({ item_id: itemId, dataset_id: datasetId }).execute();
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

export async function findRecord(db: Kysely<DB>, year: number, kind: PlanningRecordKind) {
  return db
    .selectFrom('planning_record')
    .selectAll()
    .where('year', '=', year)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function findRecordId(db: Kysely<DB>, year: number, kind: PlanningRecordKind) {
  return db
    .selectFrom('planning_record')
    .select('id')
    .where('year', '=', year)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** The record of a year and kind, written anew when one is there. */
export async function upsertRecord(db: Kysely<DB>, values: Insertable<PlanningRecordTable>) {
  return db
    .insertInto('planning_record')
    .values(values)
    .onConflict((oc) => oc.columns(['year', 'kind']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function lockStatisticalActivity(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('statistical_activity')
    .select(['id', 'title', 'agency_id', 'recommendation_status', 'recommendation_letter_key'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateStatisticalActivity(
  db: Kysely<DB>,
  id: string,
  set: Updateable<StatisticalActivityTable>,
) {
  await db.updateTable('statistical_activity').set(set).where('id', '=', id).execute();
}

/** The rows of a list with their status and agency (of one agency when given). */
export async function itemStatusesOf(db: Kysely<DB>, listId: string, agencyId?: string) {
  let q = db
    .selectFrom('data_list_item as i')
    .innerJoin('agency as a', 'a.id', 'i.agency_id')
    .select(['i.id', 'i.status', 'i.agency_id', 'a.name as agency_name'])
    .where('i.list_id', '=', listId);
  if (agencyId) q = q.where('i.agency_id', '=', agencyId);
  return q.execute();
}

/** The number of decisions per meeting of these meetings. */
export async function decisionCountsOf(db: Kysely<DB>, meetingIds: string[]) {
  return db
    .selectFrom('forum_decision')
    .select(['meeting_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('meeting_id', 'in', meetingIds.length ? meetingIds : ['00000000-0000-0000-0000-000000000000'])
    .groupBy('meeting_id')
    .execute();
}

/** The running cycle runs of a year (subject kind data_list_cycle), newest first. */
export async function runningCycleInstancesOf(db: Kysely<DB>, year: number): Promise<WorkflowInstance[]> {
  return db
    .selectFrom('workflow_instance as i')
    .innerJoin('workflow_subject as s', 's.id', 'i.subject_id')
    .selectAll('i')
    .where('s.kind', '=', 'data_list_cycle')
    .where('s.year', '=', year)
    .where('i.state', '=', 'running')
    .orderBy('i.started_at', 'desc')
    .execute();
}

/** The open tasks of a run at these steps. */
export async function openTasksAtSteps(db: Kysely<DB>, instanceId: string, steps: string[]) {
  return db
    .selectFrom('workflow_task')
    .select('id')
    .where('instance_id', '=', instanceId)
    .where('state', '=', 'open')
    .where('step_id', 'in', steps)
    .execute();
}

/** The year of a workflow subject, if it has one. */
export async function subjectYear(db: Kysely<DB>, subjectId: string) {
  return db.selectFrom('workflow_subject').select('year').where('id', '=', subjectId).executeTakeFirst();
}

/** The statistical activities with their Romantik fields and agency (of one agency when given). */
export async function romantikActivities(db: Kysely<DB>, agencyId?: string) {
  let q = db
    .selectFrom('statistical_activity as s')
    .innerJoin('agency as a', 'a.id', 's.agency_id')
    .select([
      's.id',
      's.title',
      's.agency_id',
      's.activity_code',
      's.recommendation_status',
      's.recommendation_number',
      sql<string | null>`s.recommendation_date::text`.as('recommendation_date'),
      sql<string | null>`s.fs3_submitted_on::text`.as('fs3_submitted_on'),
      's.recommendation_letter_key',
      's.recommendation_letter_name',
      'a.name as agency_name',
    ]);
  if (agencyId) q = q.where('s.agency_id', '=', agencyId);
  return q.orderBy('a.name').orderBy('s.title').execute();
}

/** The statistical activities a row may name, with their agency (for the row's link form). */
export async function activityChoices(db: Kysely<DB>) {
  return db
    .selectFrom('statistical_activity')
    .select(['id', 'title', 'agency_id'])
    .orderBy('title')
    .execute();
}

/** The data standards a row may name (code and title). */
export async function standardChoices(db: Kysely<DB>) {
  return db
    .selectFrom('data_standard')
    .select(['id', 'name', 'sdsn_code', 'title'])
    .orderBy('title')
    .execute();
}

/** The recommendation letter of an activity, with the activity's agency. */
export async function activityLetter(db: Kysely<DB>, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db
    .selectFrom('statistical_activity')
    .select(['agency_id', 'recommendation_letter_key', 'recommendation_letter_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function standardExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('data_standard').select('id').where('id', '=', id).executeTakeFirst());
}

export async function activityAgency(db: Kysely<DB>, id: string) {
  return db.selectFrom('statistical_activity').select('agency_id').where('id', '=', id).executeTakeFirst();
}
