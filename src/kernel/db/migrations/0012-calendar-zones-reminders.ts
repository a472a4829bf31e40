import { type Kysely, sql } from 'kysely';
import { HOLIDAY_DECREES } from '../../calendar/national-holidays.js';

/**
 * Time in SOP workflows (issue #12, item 5):
 * - `work_calendar.time_zone` null means "the zone of the region's code" (82 Maluku Utara → WIT);
 *   a calendar nobody has edited yet follows its region instead of the WIB every region got.
 * - `holiday.decree`: the decree a cuti bersama rests on; `holiday_year`: the years already
 *   seeded into the editable list (2026–2027 from their decrees), so a year is seeded once and a
 *   holiday the region deleted stays deleted.
 * - `task_alert`: the reminder and the escalation of a task, each sent once.
 * - `workflow_cycle`: the run started for each period of a recurring process, started once.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table work_calendar alter column time_zone drop not null;
    alter table work_calendar alter column time_zone drop default;
    update work_calendar set time_zone = null where updated_by is null;

    alter table holiday add column decree text check (length(decree) <= 500);

    create table holiday_year (
      year integer primary key check (year between 1900 and 2200),
      source text not null check (source in ('decree','library','region')),
      seeded_at timestamptz not null default now()
    );

    create table task_alert (
      task_id uuid not null references workflow_task(id) on delete cascade,
      kind text not null check (kind in ('reminder','escalation')),
      sent_at timestamptz not null,
      recipients integer not null default 0,
      primary key (task_id, kind)
    );

    create table workflow_cycle (
      process_kind text not null,
      period text not null,
      instance_id uuid references workflow_instance(id) on delete set null,
      started_at timestamptz not null,
      primary key (process_kind, period)
    );
  `.execute(db);
  for (const [year, decree] of Object.entries(HOLIDAY_DECREES)) {
    await db
      .updateTable('holiday')
      .set({ decree })
      .where('kind', 'in', ['national', 'collective_leave'])
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .execute();
    await db
      .insertInto('holiday_year')
      .values({ year: Number(year), source: 'decree' })
      .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table workflow_cycle; drop table task_alert; drop table holiday_year;
    alter table holiday drop column decree;
    update work_calendar set time_zone = 'Asia/Jakarta' where time_zone is null;
    alter table work_calendar alter column time_zone set default 'Asia/Jakarta';
    alter table work_calendar alter column time_zone set not null;
  `.execute(db);
}
