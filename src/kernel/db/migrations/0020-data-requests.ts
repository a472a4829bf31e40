import { type Kysely, sql } from 'kysely';

/**
 * The public data-request service (issue 14, UU 14/2008 KIP): a request filed without an account
 * (counted once its e-mail is confirmed), its tracking code and status-link secret, the agency it
 * was routed to, the extension, the answer and its outcome, the delivered file or dataset, the
 * objection (keberatan) with its own clock, the satisfaction survey (IKM, 9 elements 1–4), and
 * the messages addressed to the requester. Legal due times of open requests are computed from the
 * working calendar when read, so a calendar change moves them; answered ones keep theirs.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table data_request (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^PD-[0-9A-Z]{4,12}$'),
      status_secret text not null check (length(status_secret) between 20 and 100),
      state text not null default 'unverified'
        check (state in ('unverified', 'open', 'delivered', 'not_available')),
      requester_name text not null check (length(requester_name) <= 200),
      email text not null check (length(email) <= 254),
      phone text check (length(phone) <= 40),
      organisation text check (length(organisation) <= 200),
      asked text not null check (length(asked) <= 4000),
      region text check (length(region) <= 200),
      period text check (length(period) <= 100),
      format text check (length(format) <= 50),
      purpose text not null check (length(purpose) <= 2000),
      delivery text not null check (delivery in ('file', 'link')),
      locale text not null default 'id' check (locale in ('id', 'en')),
      ip_hash text,
      created_at timestamptz not null default now(),
      verified_at timestamptz,
      instance_id uuid references workflow_instance(id) on delete set null,
      agency_id uuid references agency(id) on delete set null,
      extension_days integer not null default 0 check (extension_days in (0, 7)),
      extension_reason text,
      extended_at timestamptz,
      answered_at timestamptz,
      answer_due_at timestamptz,
      outcome text check (outcome in ('delivered_file', 'delivered_dataset', 'not_held', 'exempt', 'not_yet_produced')),
      outcome_reason text,
      legal_ground text,
      proposed_outcome text check (proposed_outcome in ('not_held', 'exempt', 'not_yet_produced')),
      dataset_id uuid references dataset(id) on delete set null,
      file_key text,
      file_name text,
      file_expires_at timestamptz,
      objection_at timestamptz,
      objection_reason text,
      objection_due_at timestamptz,
      objection_answered_at timestamptz,
      objection_decision text check (objection_decision in ('upheld', 'rejected')),
      objection_answer text,
      rating jsonb,
      rating_comment text,
      rated_at timestamptz,
      personal_purged_at timestamptz
    );
    create index data_request_ip_recent on data_request (ip_hash, created_at);
    create index data_request_email_recent on data_request (email, created_at);
    create index data_request_verified on data_request (verified_at) where verified_at is not null;
    create index data_request_agency on data_request (agency_id);
    create table data_request_message (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references data_request(id) on delete cascade,
      created_at timestamptz not null default now(),
      kind text not null,
      body_id text not null,
      body_en text not null
    );
    create index data_request_message_request on data_request_message (request_id, created_at);
  `.execute(db);
}
