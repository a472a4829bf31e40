import type { Insertable, Kysely, Updateable } from 'kysely';
import type { ForumDecisionTable, ForumMeeting, ForumMeetingTable } from '../../kernel/db/schema/planning.js';
import type { DB } from '../../kernel/db/schema.js';

/** Queries of the Forum Satu Data: its meetings and their decisions on the list's rows. */

export async function insertMeeting(db: Kysely<DB>, v: Insertable<ForumMeetingTable>) {
  return db.insertInto('forum_meeting').values(v).returning('id').executeTakeFirstOrThrow();
}

/** A meeting, locked for the change that follows. */
export async function lockMeeting(db: Kysely<DB>, id: string) {
  return db.selectFrom('forum_meeting').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateMeeting(db: Kysely<DB>, id: string, set: Updateable<ForumMeetingTable>) {
  await db.updateTable('forum_meeting').set(set).where('id', '=', id).execute();
}

/** A row of a list with the year of its list. */
export async function findItemWithYear(db: Kysely<DB>, itemId: string) {
  return db
    .selectFrom('data_list_item as i')
    .innerJoin('data_list as l', 'l.id', 'i.list_id')
    .select(['i.id', 'i.id_ddd', 'i.list_id', 'l.year'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
}

export async function insertDecision(db: Kysely<DB>, v: Insertable<ForumDecisionTable>) {
  await db.insertInto('forum_decision').values(v).execute();
}

/** The meeting's decision on a row; a decision already recorded there is replaced. */
export async function upsertDecision(
  db: Kysely<DB>,
  v: Insertable<ForumDecisionTable> &
    Pick<Updateable<ForumDecisionTable>, 'decision' | 'note' | 'decided_at'>,
) {
  await db
    .insertInto('forum_decision')
    .values(v)
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'item_id'])
        .doUpdateSet({ decision: v.decision, note: v.note, decided_at: v.decided_at }),
    )
    .execute();
}

/**
 * The year's forum meetings on the data list; the yearly evaluation's coordination meetings
 * (purpose `evaluation`) are neither on the list's page nor its forum evidence (EPSS 40302).
 */
export async function meetingsOf(
  db: Kysely<DB>,
  year: number,
  purpose: 'data_list' | 'evaluation' = 'data_list',
): Promise<ForumMeeting[]> {
  return db
    .selectFrom('forum_meeting')
    .selectAll()
    .where('year', '=', year)
    .where('purpose', '=', purpose)
    .orderBy('held_on')
    .execute();
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

/** The number of decisions per meeting of these meetings. */
export async function decisionCountsOf(db: Kysely<DB>, meetingIds: string[]) {
  return db
    .selectFrom('forum_decision')
    .select(['meeting_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('meeting_id', 'in', meetingIds.length ? meetingIds : ['00000000-0000-0000-0000-000000000000'])
    .groupBy('meeting_id')
    .execute();
}
