import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DataProposalTable } from '../../kernel/db/schema/planning.js';
import type { DB } from '../../kernel/db/schema.js';

/** Queries of the proposals for a year's data list. */

/** How many proposals were made from this address since `since` (from the audit log). */
export async function countProposalsFromIp(db: Kysely<DB>, ip: string, since: Date): Promise<number> {
  const recent = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'data_proposal_create')
    .where('ip', '=', ip)
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(recent?.n ?? 0);
}

export async function insertProposal(db: Kysely<DB>, v: Insertable<DataProposalTable>) {
  return db.insertInto('data_proposal').values(v).returning(['id', 'state']).executeTakeFirstOrThrow();
}

/** The proposals of a year with their agency's name, oldest first. */
export async function proposalsOf(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('data_proposal as p')
    .leftJoin('agency as a', 'a.id', 'p.agency_id')
    .select([
      'p.id',
      'p.source',
      'p.data_name',
      'p.description',
      'p.planning_document',
      'p.proposer_name',
      'p.state',
      'p.created_at',
      'p.data_request_id',
      'a.name as agency_name',
    ])
    .where('p.year', '=', year)
    .orderBy('p.created_at')
    .execute();
}

/** A proposal, locked for its moderation. */
export async function lockProposal(db: Kysely<DB>, id: string) {
  return db.selectFrom('data_proposal').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateProposal(db: Kysely<DB>, id: string, set: Updateable<DataProposalTable>) {
  await db.updateTable('data_proposal').set(set).where('id', '=', id).execute();
}

/**
 * Outcomes of a public data request that leave a need for next year's list: the data is not held
 * by the region, or not produced yet. An exempt request (UU 14/2008 art. 17) is held data withheld
 * by law: a new list row would not meet it.
 */
export const UNMET_OUTCOMES = ['not_held', 'not_yet_produced'] as const;

/**
 * Public data requests that ended "not available" (not held, not produced yet) before `before`
 * and have not become a proposal yet, oldest first.
 */
export async function unmetRequestsBefore(db: Kysely<DB>, before: Date) {
  return db
    .selectFrom('data_request as r')
    .leftJoin('data_proposal as p', 'p.data_request_id', 'r.id')
    .select(['r.id', 'r.code', 'r.asked', 'r.purpose', 'r.period', 'r.region', 'r.agency_id', 'r.outcome'])
    .where('r.state', '=', 'not_available')
    .where('r.outcome', 'in', [...UNMET_OUTCOMES])
    .where('r.answered_at', '<', before)
    .where('p.id', 'is', null)
    .orderBy('r.answered_at')
    .execute();
}
