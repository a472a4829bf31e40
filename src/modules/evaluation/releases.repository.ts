import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { FigureFilter } from './figures.repository.js';

/**
 * Publication punctuality (issue #16 item 1; EPSS 20302): the dissemination module's release
 * calendar (`publication.planned_release`) against the day each publication was actually
 * released, which is when its SOP run reached the publish step (as dissemination reads it). Days
 * are the region's. A release planned in the period is on time when published no later than
 * its planned day, late when published after it, overdue when not published and its day has
 * passed, and not yet due otherwise.
 */
export type ReleaseStatus = 'on_time' | 'late' | 'overdue' | 'pending';

export interface ReleaseRow {
  name: string;
  title: string;
  agency_id: string | null;
  agency_name: string | null;
  planned: string;
  published: string | null;
  status: ReleaseStatus;
  /** Days after the planned day (published or, when overdue, today); 0 when on time. */
  days_late: number;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

/** Publications planned in the period with their actual release day and status. */
export async function releaseRows(db: Kysely<DB>, f: FigureFilter, now: Date): Promise<ReleaseRow[]> {
  const tz = f.timeZone ?? 'Asia/Jakarta';
  const r = await sql<Omit<ReleaseRow, 'status' | 'days_late'> & { today: unknown }>`
    select p.name, p.title, p.agency_id, a.name as agency_name, p.planned_release as planned,
      (select (min(t.opened_at) at time zone ${tz})::date from workflow_task t
        where t.instance_id = p.instance_id and t.step_id = p.publish_step) as published,
      (${now}::timestamptz at time zone ${tz})::date as today
    from publication p left join agency a on a.id = p.agency_id
    where p.planned_release >= (${f.from}::timestamptz at time zone ${tz})::date
      and p.planned_release < (${f.to}::timestamptz at time zone ${tz})::date
      ${f.agencyId ? sql`and p.agency_id = ${f.agencyId}` : sql``}
      ${f.topicId ? sql`and p.topic_id = ${f.topicId}` : sql``}
    order by p.planned_release, p.name`.execute(db);
  const dayMs = 86_400_000;
  const between = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / dayMs);
  return r.rows.map((x) => {
    const planned = iso(x.planned);
    const published = x.published === null ? null : iso(x.published);
    const today = iso(x.today);
    const status: ReleaseStatus = published
      ? published <= planned
        ? 'on_time'
        : 'late'
      : planned < today
        ? 'overdue'
        : 'pending';
    const daysLate =
      status === 'late'
        ? between(planned, published as string)
        : status === 'overdue'
          ? between(planned, today)
          : 0;
    return {
      name: x.name,
      title: x.title,
      agency_id: x.agency_id,
      agency_name: x.agency_name,
      planned,
      published,
      status,
      days_late: daysLate,
    };
  });
}
