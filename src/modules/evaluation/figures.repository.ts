import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/**
 * The performance figures, counted in SQL over the records (issue #16 item 1): nothing here is
 * kept by hand. Times of a step are the working minutes the engine recorded when the task
 * closed (working calendar: service hours, holidays); "in time" is closed no later than the
 * task's due time, itself computed from the step's standard time in working time. Medians and
 * 90th percentiles are PostgreSQL's percentile_cont (linear between the two nearest values).
 */
export interface FigureFilter {
  from: Date;
  to: Date;
  agencyId?: string | undefined;
  topicId?: string | undefined;
  /** The region's time zone: which days of `portal_usage` fall in the period. */
  timeZone?: string | undefined;
}

/** The period's first and past-the-last day in the region's time zone (for day-counted rows). */
export function dayBounds(f: { from: Date; to: Date; timeZone?: string | undefined }) {
  const tz = f.timeZone ?? 'Asia/Jakarta';
  return sql`(${f.from}::timestamptz at time zone ${tz})::date and u.day < (${f.to}::timestamptz at time zone ${tz})::date`;
}

/** The year's bounds in the region's time zone. */
export async function yearBounds(
  db: Kysely<DB>,
  year: number,
  timeZone: string,
): Promise<{ from: Date; to: Date }> {
  const r = await sql<{ from: Date; to: Date }>`
    select (${`${year}-01-01`}::timestamp at time zone ${timeZone}) as "from",
           (${`${year + 1}-01-01`}::timestamp at time zone ${timeZone}) as "to"`.execute(db);
  const row = r.rows[0] as { from: Date; to: Date };
  return { from: new Date(row.from), to: new Date(row.to) };
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function runFilter(f: FigureFilter) {
  return sql`${f.agencyId ? sql`and i.agency_id = ${f.agencyId}` : sql``}
    ${
      f.topicId
        ? sql`and exists (select 1 from dataset_topic dt where dt.dataset_id = i.subject_id and dt.topic_id = ${f.topicId})`
        : sql``
    }`;
}

export interface StepFigureRow {
  definition_key: string;
  process_kind: string;
  step_id: string;
  agency_id: string | null;
  n: number;
  median: number | null;
  p90: number | null;
  with_due: number;
  in_time: number;
}

/** Done tasks closed in the period, per preset step (and per agency when `byAgency`). */
export async function stepFigures(
  db: Kysely<DB>,
  f: FigureFilter,
  byAgency = false,
): Promise<StepFigureRow[]> {
  const agency = byAgency ? sql`coalesce(t.agency_id, i.agency_id)` : sql`null::uuid`;
  const r = await sql<StepFigureRow>`
    select i.definition_key, i.process_kind, t.step_id, ${agency} as agency_id,
      count(*)::int as n,
      percentile_cont(0.5) within group (order by t.working_minutes) as median,
      percentile_cont(0.9) within group (order by t.working_minutes) as p90,
      count(t.due_at)::int as with_due,
      (count(*) filter (where t.due_at is not null and t.closed_at <= t.due_at))::int as in_time
    from workflow_task t join workflow_instance i on i.id = t.instance_id
    where t.state = 'done' and t.closed_at >= ${f.from} and t.closed_at < ${f.to} ${runFilter(f)}
    group by 1, 2, 3, 4
    order by 1, 4, 3`.execute(db);
  return r.rows.map((x) => ({ ...x, median: num(x.median), p90: num(x.p90) }));
}

export interface ProcessFigureRow {
  definition_key: string;
  process_kind: string;
  n: number;
  median_days: number | null;
  p90_days: number | null;
  all_steps_in_time: number;
  within_standard: number | null;
}

/**
 * Runs completed in the period per preset: elapsed calendar days (median, 90th percentile), runs
 * whose every timed step closed in time, and runs within the process's service standard in
 * calendar days (`standards`: process kind → days; e.g. data requests, 3 weeks).
 */
export async function processFigures(
  db: Kysely<DB>,
  f: FigureFilter,
  standards: Record<string, number>,
): Promise<ProcessFigureRow[]> {
  const kinds = Object.keys(standards);
  const std = kinds.length
    ? sql`case i.process_kind ${sql.join(
        kinds.map((k) => sql`when ${k} then ${standards[k]}::double precision`),
        sql` `,
      )} end`
    : sql`null::double precision`;
  const days = sql`(extract(epoch from (i.ended_at - i.started_at)) / 86400.0)`;
  const r = await sql<ProcessFigureRow>`
    select i.definition_key, i.process_kind, count(*)::int as n,
      percentile_cont(0.5) within group (order by ${days}) as median_days,
      percentile_cont(0.9) within group (order by ${days}) as p90_days,
      (count(*) filter (where not exists (
        select 1 from workflow_task t where t.instance_id = i.id and t.due_at is not null
          and t.state <> 'cancelled' and (t.closed_at is null or t.closed_at > t.due_at))))::int as all_steps_in_time,
      case when max(${std}) is null then null
        else (count(*) filter (where ${days} <= ${std}))::int end as within_standard
    from workflow_instance i
    where i.state = 'completed' and i.ended_at >= ${f.from} and i.ended_at < ${f.to} ${runFilter(f)}
    group by 1, 2
    order by 1`.execute(db);
  return r.rows.map((x) => ({ ...x, median_days: num(x.median_days), p90_days: num(x.p90_days) }));
}

export interface VerificationFigureRow {
  agency_id: string;
  agency_name: string;
  submissions: number;
  decisions: number;
  returns: number;
  median_minutes: number | null;
  p90_minutes: number | null;
}

/** Per agency: submissions sent in the period, the custodian's decisions, returns and turnaround. */
export async function verificationFigures(db: Kysely<DB>, f: FigureFilter): Promise<VerificationFigureRow[]> {
  const r = await sql<VerificationFigureRow>`
    with dec as (
      select i.agency_id, t.outcome, t.working_minutes
      from workflow_task t join workflow_instance i on i.id = t.instance_id
      where t.state = 'done' and t.closed_at >= ${f.from} and t.closed_at < ${f.to} ${runFilter(f)}
        and exists (select 1 from jsonb_array_elements(i.definition->'steps') s
                    where s->>'id' = t.step_id and s->>'feature' = 'dataset_verify')
    ), sub as (
      select d.agency_id, count(*)::int as n
      from dataset_submission s join dataset d on d.id = s.dataset_id
      join workflow_instance i on i.id = s.instance_id
      where s.submitted_at >= ${f.from} and s.submitted_at < ${f.to} ${runFilter(f)}
      group by d.agency_id
    )
    select a.id as agency_id, a.name as agency_name,
      coalesce((select n from sub where sub.agency_id = a.id), 0) as submissions,
      (select count(*)::int from dec where dec.agency_id = a.id) as decisions,
      (select count(*)::int from dec where dec.agency_id = a.id and dec.outcome = 'return') as returns,
      (select percentile_cont(0.5) within group (order by working_minutes) from dec where dec.agency_id = a.id) as median_minutes,
      (select percentile_cont(0.9) within group (order by working_minutes) from dec where dec.agency_id = a.id) as p90_minutes
    from agency a
    where (exists (select 1 from sub where sub.agency_id = a.id) or exists (select 1 from dec where dec.agency_id = a.id))
    order by a.name`.execute(db);
  return r.rows.map((x) => ({
    ...x,
    median_minutes: num(x.median_minutes),
    p90_minutes: num(x.p90_minutes),
  }));
}

export interface UsageFigureRow {
  month: string;
  dataset_id: string;
  dataset_title: string;
  agency_id: string;
  agency_name: string;
  views: number;
  downloads: number;
  api_calls: number;
}

/** Portal use per dataset and month, summed from the days counted (usage-counter.ts). */
export async function usageFigures(db: Kysely<DB>, f: FigureFilter): Promise<UsageFigureRow[]> {
  const r = await sql<UsageFigureRow>`
    select to_char(u.day, 'YYYY-MM') as month, d.id as dataset_id, d.title as dataset_title,
      a.id as agency_id, a.name as agency_name,
      (sum(u.count) filter (where u.kind = 'view'))::int as views,
      (sum(u.count) filter (where u.kind = 'download'))::int as downloads,
      (sum(u.count) filter (where u.kind = 'api'))::int as api_calls
    from portal_usage u join dataset d on d.id = u.dataset_id join agency a on a.id = d.agency_id
    where u.day >= ${dayBounds(f)}
      ${f.agencyId ? sql`and d.agency_id = ${f.agencyId}` : sql``}
      ${f.topicId ? sql`and exists (select 1 from dataset_topic dt where dt.dataset_id = d.id and dt.topic_id = ${f.topicId})` : sql``}
    group by 1, 2, 3, 4, 5
    order by 1, 5, 3`.execute(db);
  return r.rows.map((x) => ({
    ...x,
    views: x.views ?? 0,
    downloads: x.downloads ?? 0,
    api_calls: x.api_calls ?? 0,
  }));
}

/** The newest definition of each preset that ran: step titles and standard times. */
export async function latestDefinitions(db: Kysely<DB>, keys: string[]): Promise<Map<string, unknown>> {
  if (!keys.length) return new Map();
  const rows = await db
    .selectFrom('workflow_instance')
    .select(['definition_key', 'definition'])
    .distinctOn('definition_key')
    .where('definition_key', 'in', keys)
    .orderBy('definition_key')
    .orderBy('started_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.definition_key, r.definition]));
}

export async function agencyName(db: Kysely<DB>, id: string): Promise<string | null> {
  const r = await db.selectFrom('agency').select('name').where('id', '=', id).executeTakeFirst();
  return r?.name ?? null;
}

export async function listAgencies(db: Kysely<DB>): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('agency').select(['id', 'name']).orderBy('name').execute();
}

export async function listTopics(db: Kysely<DB>): Promise<{ id: string; title: string }[]> {
  return db.selectFrom('topic').select(['id', 'title']).orderBy('title').execute();
}
