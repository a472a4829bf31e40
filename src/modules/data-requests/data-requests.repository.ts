import type { Kysely, Updateable } from 'kysely';
import type { DataRequestTable } from '../../kernel/db/schema/data-requests.js';
import type { DB } from '../../kernel/db/schema.js';

/** All SQL of the data-request service. */

type Db = Kysely<DB>;

export async function insertRequest(
  db: Db,
  row: {
    code: string;
    status_secret: string;
    requester_name: string;
    email: string;
    phone: string | null;
    organisation: string | null;
    asked: string;
    region: string | null;
    period: string | null;
    format: string | null;
    purpose: string;
    delivery: string;
    locale: 'id' | 'en';
    ip_hash: string | null;
    created_at: Date;
  },
) {
  return db.insertInto('data_request').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findRequestById(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('data_request').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findRequestByCode(db: Db, code: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('data_request').selectAll().where('code', '=', code);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateRequest(db: Db, id: string, patch: Updateable<DataRequestTable>) {
  return db
    .updateTable('data_request')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Requests filed since `since` from one address hash or one e-mail (rate limits). */
export async function countRecent(db: Db, since: Date, by: { ipHash?: string | null; email?: string }) {
  let q = db
    .selectFrom('data_request')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('created_at', '>=', since);
  if (by.ipHash) q = q.where('ip_hash', '=', by.ipHash);
  else if (by.email) q = q.where('email', '=', by.email);
  else return 0;
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function insertMessage(
  db: Db,
  row: { request_id: string; kind: string; body_id: string; body_en: string; created_at: Date },
) {
  await db.insertInto('data_request_message').values(row).execute();
}

export async function messagesOf(db: Db, requestId: string) {
  return db
    .selectFrom('data_request_message')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Verified requests for staff, newest first; `agencyId` narrows to those routed to one agency. */
export async function listRequests(db: Db, opts: { agencyId?: string | null; limit?: number } = {}) {
  let q = db
    .selectFrom('data_request')
    .selectAll()
    .where('verified_at', 'is not', null)
    .orderBy('verified_at', 'desc')
    .limit(opts.limit ?? 200);
  if (opts.agencyId) q = q.where('agency_id', '=', opts.agencyId);
  return q.execute();
}

/** Verified requests filed in [from, to), optionally of one agency (figures and statistics). */
export async function requestsFiledBetween(db: Db, from: Date, to: Date, agencyId?: string | null) {
  let q = db
    .selectFrom('data_request')
    .selectAll()
    .where('verified_at', '>=', from)
    .where('verified_at', '<', to)
    .orderBy('verified_at');
  if (agencyId) q = q.where('agency_id', '=', agencyId);
  return q.execute();
}

/** A dataset's public face (for a delivered link): only published, public ones. */
export async function publicDataset(db: Db, id: string) {
  return db
    .selectFrom('dataset')
    .select(['id', 'name', 'title', 'agency_id'])
    .where('id', '=', id)
    .where('state', '=', 'active')
    .where('private', '=', false)
    .executeTakeFirst();
}

/** Published datasets whose title or description matches words of a request (suggestions). */
export async function matchingDatasets(db: Db, words: string, limit = 5) {
  const terms = words
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4)
    .slice(0, 6);
  if (terms.length === 0) return [];
  return db
    .selectFrom('dataset')
    .select(['name', 'title'])
    .where('state', '=', 'active')
    .where('private', '=', false)
    .where((eb) => eb.or(terms.map((w) => eb('title', 'ilike', `%${w}%`))))
    .orderBy('metadata_modified', 'desc')
    .limit(limit)
    .execute();
}

/** Active users holding `role` with an e-mail (objection notices to the superior). */
export async function usersWithRoleEmail(db: Db, role: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.email'])
    .where('r.role', '=', role)
    .where('u.state', '=', 'active')
    .execute();
}

export async function agencyName(db: Db, id: string | null) {
  if (!id) return undefined;
  return db.selectFrom('agency').select(['id', 'name', 'short_name']).where('id', '=', id).executeTakeFirst();
}

/**
 * Blank the personal fields of requests closed before `closedBefore` (retention): answered then
 * with no objection pending or decided since, or never confirmed and filed before it.
 */
export async function purgePersonal(db: Db, closedBefore: Date, now: Date): Promise<number> {
  const res = await db
    .updateTable('data_request')
    .set({
      requester_name: '—',
      email: '—',
      phone: null,
      organisation: null,
      ip_hash: null,
      personal_purged_at: now,
    })
    .where('personal_purged_at', 'is', null)
    .where((eb) =>
      eb.or([
        // Answered long enough ago, and no objection pending or decided since.
        eb.and([
          eb('answered_at', '<', closedBefore),
          eb.or([eb('objection_at', 'is', null), eb('objection_answered_at', '<', closedBefore)]),
        ]),
        eb.and([eb('verified_at', 'is', null), eb('created_at', '<', closedBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Active custodian staff, for the disposition form. */
export async function custodianOptions(db: Db) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.full_name', 'u.username'])
    .where('r.role', '=', 'custodian')
    .where('u.state', '=', 'active')
    .orderBy('u.full_name')
    .execute();
}

export async function agencyChoices(db: Db) {
  return db.selectFrom('agency').select(['id', 'name']).orderBy('name').execute();
}

/** Published public datasets, for linking an existing dataset as the answer. */
export async function publishedDatasetChoices(db: Db, limit = 500) {
  return db
    .selectFrom('dataset')
    .select(['id', 'title', 'name'])
    .where('state', '=', 'active')
    .where('private', '=', false)
    .orderBy('title')
    .limit(limit)
    .execute();
}

/** The slug of a published public dataset, for a link. */
export async function publicDatasetName(db: Db, id: string): Promise<string | undefined> {
  return (await publicDataset(db, id))?.name;
}

/**
 * Requests whose legal clock runs (the answer's while open; the objection's while undecided),
 * for the reminder/escalation sweep. Purged or unverified requests have no clock.
 */
export async function requestsOnTheClock(db: Db) {
  return db
    .selectFrom('data_request')
    .select([
      'id',
      'code',
      'asked',
      'state',
      'verified_at',
      'instance_id',
      'agency_id',
      'extension_days',
      'objection_at',
      'objection_answered_at',
    ])
    .where('verified_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('state', '=', 'open'),
        eb.and([eb('objection_at', 'is not', null), eb('objection_answered_at', 'is', null)]),
      ]),
    )
    .orderBy('verified_at')
    .execute();
}

/** The staff member the sub-coordinator assigned (the person of the availability check), if any. */
export async function assignedStaffOf(db: Db, instanceId: string | null): Promise<string | null> {
  if (!instanceId) return null;
  const row = await db
    .selectFrom('workflow_task')
    .select('assignee_id')
    .where('instance_id', '=', instanceId)
    .where('step_id', '=', 'check_availability')
    .where('assignee_id', 'is not', null)
    .orderBy('opened_at', 'desc')
    .executeTakeFirst();
  return row?.assignee_id ?? null;
}

/** Active staff holding any of `roles`, with their position and agency (the policy then picks). */
export async function activeStaffIn(db: Db, roles: readonly string[]) {
  if (roles.length === 0) return [];
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .leftJoin('user_position as p', (j) => j.onRef('p.user_id', '=', 'u.id').onRef('p.role', '=', 'r.role'))
    .select(['u.id', 'u.username', 'u.email', 'u.agency_id', 'r.role', 'p.position'])
    .where('r.role', 'in', roles as string[])
    .where('u.state', '=', 'active')
    .orderBy('u.username')
    .execute();
}

/** Claim one alert; false when it was already sent (the row exists). */
export async function claimAlert(
  db: Db,
  row: {
    request_id: string;
    clock: 'answer' | 'objection';
    kind: 'reminder' | 'escalation';
    due_at: Date;
    sent_at: Date;
  },
): Promise<boolean> {
  const res = await db
    .insertInto('data_request_alert')
    .values(row)
    .onConflict((oc) => oc.columns(['request_id', 'clock', 'kind', 'due_at']).doNothing())
    .returning('request_id')
    .executeTakeFirst();
  return res !== undefined;
}

export async function recordAlertRecipients(
  db: Db,
  key: { request_id: string; clock: string; kind: string; due_at: Date },
  recipients: number,
) {
  await db
    .updateTable('data_request_alert')
    .set({ recipients })
    .where('request_id', '=', key.request_id)
    .where('clock', '=', key.clock as 'answer')
    .where('kind', '=', key.kind as 'reminder')
    .where('due_at', '=', key.due_at)
    .execute();
}

export async function alertsOf(db: Db, requestId: string) {
  return db
    .selectFrom('data_request_alert')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('sent_at')
    .execute();
}

/**
 * The rows of the public list of what was asked. The personal fields come only so the subject
 * can be scrubbed of them (domain/public-subject.ts); the page shows subject, agency, state, dates.
 */
export async function publicRequestList(db: Db, limit = 100) {
  return db
    .selectFrom('data_request as d')
    .leftJoin('agency as a', 'a.id', 'd.agency_id')
    .select([
      'd.asked',
      'd.requester_name',
      'd.email',
      'd.phone',
      'd.organisation',
      'd.state',
      'd.outcome',
      'd.verified_at',
      'd.answered_at',
      'a.name as agency_name',
    ])
    .where('d.verified_at', 'is not', null)
    .orderBy('d.verified_at', 'desc')
    .limit(limit)
    .execute();
}
