import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { Coverage } from './domain/proposals.js';
import { dayBounds } from './figures.repository.js';

/** Counts the EPSS rules read (domain/proposals.ts), straight from the records. */

/** Published datasets (active, public) with their agency. */
export async function publishedDatasets(
  db: Kysely<DB>,
): Promise<{ id: string; agency_id: string; classification: string }[]> {
  return db
    .selectFrom('dataset')
    .select(['id', 'agency_id', 'classification'])
    .where('state', '=', 'active')
    .where('private', '=', false)
    .execute();
}

/** Open datasets (not deleted) and whether each is public with at least one resource. */
export async function availability(db: Kysely<DB>): Promise<Coverage> {
  const r = await sql<{ met: number; total: number; agencies_met: number; agencies_total: number }>`
    with d as (
      select d.agency_id,
        (not d.private and d.state = 'active'
          and exists (select 1 from resource r where r.dataset_id = d.id and r.state = 'active')) as ok
      from dataset d where d.state <> 'deleted' and d.classification = 'open'
    )
    select (count(*) filter (where ok))::int as met, count(*)::int as total,
      (count(distinct agency_id) filter (where ok))::int as agencies_met,
      count(distinct agency_id)::int as agencies_total from d`.execute(db);
  return cov(r.rows[0]);
}

/** Public datasets with a resource readable through the Data API (a DataStore table). */
export async function apiAccess(db: Kysely<DB>): Promise<Coverage> {
  const r = await sql<{ met: number; total: number; agencies_met: number; agencies_total: number }>`
    with d as (
      select d.agency_id,
        exists (select 1 from resource r where r.dataset_id = d.id and r.state = 'active'
                and r.datastore_version_id is not null) as ok
      from dataset d where d.state = 'active' and not d.private
    )
    select (count(*) filter (where ok))::int as met, count(*)::int as total,
      (count(distinct agency_id) filter (where ok))::int as agencies_met,
      count(distinct agency_id)::int as agencies_total from d`.execute(db);
  return cov(r.rows[0]);
}

/**
 * Runs of a process kind started in the period: completed ones are "by the SOP"; agencies are
 * those with a dataset (the producers) against those whose runs of this kind ran in the period.
 */
export async function runCoverage(db: Kysely<DB>, kind: string, from: Date, to: Date): Promise<Coverage> {
  const r = await sql<{ met: number; total: number; agencies_met: number; agencies_total: number }>`
    with runs as (
      select i.state, coalesce(i.agency_id, t.agency_id) as agency_id
      from workflow_instance i
      left join lateral (select t.agency_id from workflow_task t where t.instance_id = i.id and t.agency_id is not null limit 1) t on true
      where i.process_kind = ${kind} and i.state <> 'cancelled' and i.started_at >= ${from} and i.started_at < ${to}
    ), agencies_in as (
      select distinct t.agency_id from workflow_task t join workflow_instance i on i.id = t.instance_id
      where i.process_kind = ${kind} and t.agency_id is not null and i.started_at >= ${from} and i.started_at < ${to}
      union select agency_id from runs where agency_id is not null
    )
    select (select count(*) filter (where state = 'completed') from runs)::int as met,
      (select count(*) from runs)::int as total,
      (select count(*) from agencies_in where agency_id in (select agency_id from dataset where state <> 'deleted'))::int as agencies_met,
      (select count(distinct agency_id) from dataset where state <> 'deleted')::int as agencies_total`.execute(
    db,
  );
  return cov(r.rows[0]);
}

/** Submissions sent in the period and those the custodian decided (verified, returned or later). */
export async function verificationCoverage(db: Kysely<DB>, from: Date, to: Date): Promise<Coverage> {
  const r = await sql<{ met: number; total: number; agencies_met: number; agencies_total: number }>`
    with s as (
      select d.agency_id, (s.state <> 'submitted') as decided
      from dataset_submission s join dataset d on d.id = s.dataset_id
      where s.submitted_at >= ${from} and s.submitted_at < ${to}
    )
    select (count(*) filter (where decided))::int as met, count(*)::int as total,
      (count(distinct agency_id) filter (where decided))::int as agencies_met,
      count(distinct agency_id)::int as agencies_total from s`.execute(db);
  return cov(r.rows[0]);
}

/** Statistical activities (MS-Keg) and those BPS recommended (or that need none). */
export async function romantikCoverage(db: Kysely<DB>): Promise<Coverage> {
  const r = await sql<{ met: number; total: number; agencies_met: number; agencies_total: number }>`
    with a as (
      select agency_id, recommendation_status in ('recommended', 'not_required') as ok from statistical_activity
    )
    select (count(*) filter (where ok))::int as met, count(*)::int as total,
      (count(distinct agency_id) filter (where ok))::int as agencies_met,
      count(distinct agency_id)::int as agencies_total from a`.execute(db);
  return cov(r.rows[0]);
}

export async function usageTotal(
  db: Kysely<DB>,
  period: { from: Date; to: Date; timeZone: string },
): Promise<number> {
  const r = await sql<{ n: number | null }>`
    select sum(count)::int as n from portal_usage u where u.day >= ${dayBounds(period)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The yearly evaluation of `year` was approved (the periodic review). */
export async function evaluationApproved(db: Kysely<DB>, year: number): Promise<boolean> {
  const r = await db
    .selectFrom('evaluation_report')
    .select('id')
    .where('year', '=', year)
    .where('state', '=', 'approved')
    .executeTakeFirst();
  return r !== undefined;
}

function cov(
  row: { met: number; total: number; agencies_met: number; agencies_total: number } | undefined,
): Coverage {
  return {
    met: Number(row?.met ?? 0),
    total: Number(row?.total ?? 0),
    agenciesMet: Number(row?.agencies_met ?? 0),
    agenciesTotal: Number(row?.agencies_total ?? 0),
  };
}
