import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** SQL of the legal clocks' sweep: requests on the clock and the alerts sent on them. */

type Db = Kysely<DB>;

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
