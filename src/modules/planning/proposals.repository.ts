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
