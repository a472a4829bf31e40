import { type Kysely, sql } from 'kysely';
import type { FollowTargetKind } from '../../../kernel/db/schema/portal.js';
import type { DB } from '../../../kernel/db/schema.js';

/** SQL of e-mail follows. Targets resolve only to what the public may see. */

export interface FollowTarget {
  kind: FollowTargetKind;
  id: string;
  name: string;
  title: string;
}

export async function findPublicTarget(
  db: Kysely<DB>,
  kind: FollowTargetKind,
  name: string,
): Promise<FollowTarget | undefined> {
  if (kind === 'dataset') {
    const d = await db
      .selectFrom('dataset')
      .select(['id', 'name', 'title'])
      .where((eb) => eb.or([eb('name', '=', name), eb('id', '=', uuidOrNull(name))]))
      .where('private', '=', false)
      .where('state', '=', 'active')
      .executeTakeFirst();
    return d && { kind, ...d };
  }
  if (kind === 'organization') {
    const a = await db
      .selectFrom('agency')
      .select(['id', 'code as name', 'name as title'])
      .where('code', '=', name)
      .executeTakeFirst();
    return a && { kind, ...a };
  }
  const t = await db
    .selectFrom('topic')
    .select(['id', 'name', 'title'])
    .where('name', '=', name)
    .executeTakeFirst();
  return t && { kind, ...t };
}

function uuidOrNull(v: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
    ? v
    : '00000000-0000-0000-0000-000000000000';
}

/** Insert or renew a follow (a new token each time; a confirmed follow stays confirmed). */
export async function upsertFollow(
  db: Kysely<DB>,
  row: {
    email: string;
    target: FollowTarget;
    locale: 'id' | 'en';
    tokenHash: string;
    unsubscribeToken: string;
  },
) {
  return db
    .insertInto('follow_subscription')
    .values({
      email: row.email,
      target_kind: row.target.kind,
      target_id: row.target.id,
      locale: row.locale,
      token_hash: row.tokenHash,
      unsubscribe_token: row.unsubscribeToken,
    })
    .onConflict((oc) =>
      oc
        .columns(['email', 'target_kind', 'target_id'])
        .doUpdateSet({ token_hash: row.tokenHash, locale: row.locale }),
    )
    .returning(['id', 'confirmed_at', 'unsubscribe_token'])
    .executeTakeFirstOrThrow();
}

export async function findFollowByToken(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('follow_subscription')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findFollowByUnsubscribeToken(db: Kysely<DB>, token: string) {
  return db
    .selectFrom('follow_subscription')
    .selectAll()
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst();
}

export async function confirmFollow(db: Kysely<DB>, id: string, at: Date) {
  await db
    .updateTable('follow_subscription')
    // The database's clock, as versions' times are: only versions after the confirmation are news.
    .set({ confirmed_at: at, notified_through: sql`now()` })
    .where('id', '=', id)
    .where('confirmed_at', 'is', null)
    .execute();
}

export async function deleteFollow(db: Kysely<DB>, id: string) {
  await db.deleteFrom('follow_subscription').where('id', '=', id).execute();
}

/**
 * Published versions finished after each confirmed follow's `notified_through`, of public active
 * datasets the follow covers (the dataset itself, its agency or one of its topics).
 */
export async function pendingVersionNews(db: Kysely<DB>) {
  return db
    .selectFrom('follow_subscription as f')
    .innerJoin('dataset as d', (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb('f.target_kind', '=', 'dataset'), eb('d.id', '=', eb.ref('f.target_id'))]),
          eb.and([eb('f.target_kind', '=', 'organization'), eb('d.agency_id', '=', eb.ref('f.target_id'))]),
          eb.and([
            eb('f.target_kind', '=', 'group'),
            eb.exists(
              eb
                .selectFrom('dataset_topic as dt')
                .select('dt.dataset_id')
                .whereRef('dt.dataset_id', '=', 'd.id')
                .whereRef('dt.topic_id', '=', 'f.target_id'),
            ),
          ]),
        ]),
      ),
    )
    .innerJoin('resource as r', 'r.dataset_id', 'd.id')
    .innerJoin('resource_version as v', 'v.resource_id', 'r.id')
    .innerJoin('resource_version as cur', 'cur.id', 'r.datastore_version_id')
    .select([
      'f.id as follow_id',
      'f.email',
      'f.locale',
      'f.unsubscribe_token',
      'd.name as dataset_name',
      'd.title as dataset_title',
      'r.name as resource_name',
      'v.id as version_id',
      'v.number',
      sql<Date>`coalesce(v.finished_at, v.created_at)`.as('finished_at'),
    ])
    .where('f.confirmed_at', 'is not', null)
    .where('d.private', '=', false)
    .where('d.state', '=', 'active')
    .where('r.state', '=', 'active')
    .where('v.state', '=', 'complete')
    .whereRef('v.number', '<=', 'cur.number')
    .where(sql<boolean>`coalesce(v.finished_at, v.created_at) > f.notified_through`)
    .orderBy('finished_at')
    .limit(500)
    .execute();
}

/**
 * Move a follow past the versions it was told about, in SQL: the stored times keep microseconds
 * (PostgreSQL) that a JavaScript Date would round away, and a rounded mark would tell them again.
 */
export async function advanceNotified(db: Kysely<DB>, id: string, versionIds: string[]) {
  if (versionIds.length === 0) return;
  await db
    .updateTable('follow_subscription')
    .set({
      notified_through: sql`greatest(notified_through, (select max(coalesce(v.finished_at, v.created_at))
        from resource_version v where v.id in (${sql.join(versionIds)})))`,
    })
    .where('id', '=', id)
    .execute();
}

/** The title of a follow's target, for the confirm and unsubscribe pages. */
export async function followTargetTitle(db: Kysely<DB>, kind: FollowTargetKind, id: string): Promise<string> {
  const row =
    kind === 'dataset'
      ? await db.selectFrom('dataset').select('title').where('id', '=', id).executeTakeFirst()
      : kind === 'organization'
        ? await db.selectFrom('agency').select('name as title').where('id', '=', id).executeTakeFirst()
        : await db.selectFrom('topic').select('title').where('id', '=', id).executeTakeFirst();
  return row?.title ?? '';
}
