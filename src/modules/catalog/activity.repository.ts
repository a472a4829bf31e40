/** Dataset revisions read as CKAN's activity stream (newest first). */
import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

export interface ActivityFilter {
  datasetId?: string;
  agencyId?: string;
  /** Only datasets that are public and active now (what anyone may see). */
  publicOnly?: boolean;
  /** Besides public ones, the datasets of these agencies (the caller reads their private data). */
  privateAgencyIds?: readonly string[] | 'all';
  limit: number;
  offset: number;
}

export async function listActivity(db: Kysely<DB>, f: ActivityFilter) {
  let q = db
    .selectFrom('dataset_revision as r')
    .innerJoin('dataset as d', 'd.id', 'r.dataset_id')
    .select([
      'r.id',
      'r.at',
      'r.actor_id',
      'r.actor_name',
      'r.action',
      'r.changes',
      'd.id as dataset_id',
      'd.name',
      'd.title',
      'd.agency_id',
      'd.private',
      'd.state',
    ]);
  if (f.datasetId) q = q.where('r.dataset_id', '=', f.datasetId);
  if (f.agencyId) q = q.where('d.agency_id', '=', f.agencyId);
  if (f.publicOnly) q = q.where('d.private', '=', false).where('d.state', '=', 'active');
  else if (f.privateAgencyIds !== 'all') {
    const own = f.privateAgencyIds ?? [];
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('d.private', '=', false), eb('d.state', '=', 'active')]),
        ...(own.length ? [eb('d.agency_id', 'in', own)] : []),
      ]),
    );
  }
  return q.orderBy('r.id', 'desc').limit(f.limit).offset(f.offset).execute();
}

export type ActivityRow = Awaited<ReturnType<typeof listActivity>>[number];
