import { type Kysely, sql } from 'kysely';

/**
 * Workflow runs (issue #5 items 4–6): an instance of a workflow definition per subject, its
 * tasks (one per step reached), dataset submissions with their snapshots, in-app
 * notifications and the mail outbox.
 *
 * An instance keeps the definition row it started with (`definition_id`) and a copy of that
 * definition (`definition`): a new version of the region's SOP never changes a running
 * instance. A task is acted on with a conditional UPDATE … WHERE state = 'open', so of two
 * people acting on the same task at once exactly one succeeds.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table dataset add column if not exists priority boolean not null default false;

    create table workflow_instance (
      id uuid primary key default gen_random_uuid(),
      definition_id uuid,
      definition_key text not null,
      definition_version integer not null,
      definition jsonb not null,
      process_kind text not null,
      subject_type text not null,
      subject_id uuid not null,
      -- What a process without a platform record is about ("Daftar Data 2027", a request's subject).
      subject_title text,
      agency_id uuid references agency(id),
      state text not null default 'running' check (state in ('running','completed','cancelled')),
      started_by uuid references app_user(id),
      started_at timestamptz not null default now(),
      ended_at timestamptz
    );
    create index workflow_instance_subject on workflow_instance (subject_type, subject_id);

    create table workflow_task (
      id uuid primary key default gen_random_uuid(),
      instance_id uuid not null references workflow_instance(id) on delete cascade,
      step_id text not null,
      role text not null,
      agency_id uuid references agency(id),
      state text not null default 'open' check (state in ('open','done','cancelled')),
      opened_at timestamptz not null default now(),
      due_at timestamptz,
      closed_at timestamptz,
      closed_by uuid references app_user(id),
      closed_by_name text,
      outcome text,
      note text,
      attachment_key text,
      attachment_name text,
      working_minutes double precision,
      detail jsonb not null default '{}'::jsonb
    );
    create index workflow_task_open on workflow_task (role, state);
    create index workflow_task_instance on workflow_task (instance_id, opened_at);

    create table dataset_submission (
      id uuid primary key default gen_random_uuid(),
      dataset_id uuid not null references dataset(id) on delete cascade,
      number integer not null check (number >= 1),
      instance_id uuid not null references workflow_instance(id),
      state text not null default 'submitted'
        check (state in ('submitted','returned','verified','reviewed','published','superseded')),
      resources jsonb not null default '[]'::jsonb,
      metadata jsonb not null,
      note text not null default '',
      submitted_by uuid references app_user(id),
      submitted_by_name text not null,
      submitted_at timestamptz not null default now(),
      recommendation_number text,
      recommendation_date date,
      unique (dataset_id, number)
    );

    create table notification (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user(id) on delete cascade,
      task_id uuid references workflow_task(id) on delete set null,
      title text not null,
      title_en text not null,
      link text not null,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notification_user on notification (user_id, read_at);

    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      to_address text not null,
      subject text not null,
      body text not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      attempts integer not null default 0,
      last_error text
    );
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table mail_outbox;
    drop table notification;
    drop table dataset_submission;
    drop table workflow_task;
    drop table workflow_instance;
    alter table dataset drop column priority;
  `.execute(db);
}
