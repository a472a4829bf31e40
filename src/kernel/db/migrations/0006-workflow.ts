import { type Kysely, sql } from 'kysely';
import { HOLIDAYS_2026_2027 } from '../../calendar/holidays-2026-2027.js';
import { MAGETAN_STANDARD_WEEK } from '../../calendar/working-calendar.js';

/**
 * Workflow definitions (issue #5 items 1–3): versioned definitions, the region's choice per
 * process kind, and the region's working-time calendar: one `work_calendar` row (time zone
 * and service hours per weekday with breaks) and the editable `holiday` list, seeded with the
 * national holidays and cuti bersama of 2026 and 2027. The shipped presets are stored as
 * version 1 on first use (src/workflow/definitions.ts), not here, so a preset fixed in code
 * reaches a deployment that has not used it yet.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table workflow_definition (
      id uuid primary key default gen_random_uuid(),
      key text not null check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      version integer not null check (version >= 1),
      process_kind text not null
        check (process_kind in ('data_list_cycle','dataset_collection','infographic_dissemination','data_request')),
      definition jsonb not null,
      based_on uuid references workflow_definition(id),
      preset boolean not null default false,
      created_at timestamptz not null default now(),
      created_by uuid references app_user(id),
      unique (key, version)
    );

    create table region_workflow (
      process_kind text primary key
        check (process_kind in ('data_list_cycle','dataset_collection','infographic_dissemination','data_request')),
      definition_id uuid not null references workflow_definition(id),
      updated_at timestamptz not null default now(),
      updated_by uuid references app_user(id)
    );

    create table work_calendar (
      id boolean primary key default true check (id),
      time_zone text not null default 'Asia/Jakarta'
        check (time_zone in ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura')),
      week jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by uuid references app_user(id)
    );

    create table holiday (
      id uuid primary key default gen_random_uuid(),
      date date not null unique,
      name text not null check (length(name) between 1 and 300),
      name_en text,
      kind text not null check (kind in ('national','collective_leave','regional')),
      tentative boolean not null default false
    );
  `.execute(db);
  await db
    .insertInto('work_calendar')
    .values({ id: true, time_zone: 'Asia/Jakarta', week: JSON.stringify(MAGETAN_STANDARD_WEEK) })
    .execute();
  await db
    .insertInto('holiday')
    .values(
      HOLIDAYS_2026_2027.map((h) => ({
        date: h.date,
        name: h.name,
        kind: h.kind,
        tentative: h.tentative ?? false,
      })),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table holiday; drop table work_calendar; drop table region_workflow; drop table workflow_definition;`.execute(
    db,
  );
}
