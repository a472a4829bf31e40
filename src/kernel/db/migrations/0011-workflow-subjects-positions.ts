import { type Kysely, sql } from 'kysely';

/**
 * SOP workflows, second generation (issue #12):
 * - user_position: the position a region gives a user within a role (staff, Kasi,
 *   sub-coordinator, Kabid, Kadis), kept apart from user_role so that re-saving roles keeps it;
 * - workflow_subject: what a hand-started run is about when no other module stores it yet
 *   (a data-list cycle of a year, a data request, a publication, a yearly evaluation);
 * - workflow_instance.routing: what earlier steps chose (an agency, a set, a person);
 * - workflow_task.assignee_id / position: a task for one named person or one position;
 *   workflow_task.files: the several files a step may take.
 * Stored definitions need no conversion: every new step field is optional.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table user_position (
      user_id uuid not null references app_user(id) on delete cascade,
      role text not null,
      position text not null,
      primary key (user_id, role)
    );

    create table workflow_subject (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      title text not null,
      year integer,
      agency_id uuid references agency(id),
      created_by uuid references app_user(id),
      created_at timestamptz not null default now()
    );

    alter table workflow_instance add column routing jsonb not null default '{}';
    alter table workflow_task add column assignee_id uuid references app_user(id);
    alter table workflow_task add column position text;
    alter table workflow_task add column files jsonb not null default '[]';
    create index workflow_task_open_by_role on workflow_task (state, role) where state = 'open';
  `.execute(db);
}
