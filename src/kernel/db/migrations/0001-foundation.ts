import { type Kysely, sql } from 'kysely';

/**
 * Accounts, sessions, tokens, agencies, site settings and the append-only audit log.
 * Written in plain PostgreSQL so the same statements run on PGlite and on a server.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table region (
      code text primary key,
      parent_code text references region(code),
      level text not null check (level in ('province','regency','district','village')),
      name text not null
    );
    create index region_parent_idx on region(parent_code);

    create table site_setting (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );

    create table agency (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[A-Za-z0-9._-]{1,40}$'),
      name text not null check (length(name) between 2 and 300),
      short_name text not null check (length(short_name) between 1 and 60),
      kind text not null check (kind in ('secretariat','department','agency','office','inspectorate',
        'hospital','district_office','local_government','other')),
      region_code text references region(code),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table app_user (
      id uuid primary key default gen_random_uuid(),
      username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
      full_name text not null,
      email text,
      password_hash text not null,
      agency_id uuid references agency(id),
      locale text not null default 'id' check (locale in ('id','en')),
      state text not null default 'active' check (state in ('active','disabled')),
      is_demo boolean not null default false,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table user_role (
      user_id uuid not null references app_user(id) on delete cascade,
      role text not null check (role in ('producer','custodian','supervisor','secretariat','leader','administrator')),
      primary key (user_id, role)
    );

    create table session (
      id_hash text primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      ip text,
      user_agent text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index session_user_idx on session(user_id);

    create table api_token (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      prefix text not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index api_token_user_idx on api_token(user_id);

    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_id uuid,
      actor_name text not null,
      action text not null,
      subject_type text not null,
      subject_id text,
      summary jsonb not null default '{}'::jsonb,
      request_id text,
      ip text
    );
    create index audit_log_at_idx on audit_log(at desc);
    create index audit_log_subject_idx on audit_log(subject_type, subject_id);
    create index audit_log_actor_idx on audit_log(actor_id);

    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = '42501';
    end $$;
    create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table audit_log; drop function audit_log_append_only();
    drop table api_token; drop table session; drop table user_role; drop table app_user;
    drop table agency; drop table site_setting; drop table region;
  `.execute(db);
}
