import type { Kysely, Updateable } from 'kysely';
import type { DataRequestTable } from '../../kernel/db/schema/data-requests.js';
import type { DB } from '../../kernel/db/schema.js';

/** SQL of data requests themselves: filing, finding, changing, listing, messages, retention. */

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
