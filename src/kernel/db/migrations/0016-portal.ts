import { type Kysely, sql } from 'kysely';

/**
 * The public portal (issue 18): e-mail follows without an account (confirmed by a link, one-click
 * unsubscribe) and the key indicators the custodian picks from published tables.
 * The confirm token is stored hashed (a leak must not confirm strangers' addresses); the
 * unsubscribe token is kept as is, since every mail carries it and a leak can only unsubscribe.
 * `notified_through` is the finish time of the last version a follower was told about, so the
 * sweep that mails new versions is idempotent and survives restarts.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table follow_subscription (
      id uuid primary key default gen_random_uuid(),
      email text not null check (length(email) <= 254),
      target_kind text not null check (target_kind in ('dataset', 'organization', 'group')),
      target_id uuid not null,
      locale text not null default 'id' check (locale in ('id', 'en')),
      token_hash text not null unique,
      unsubscribe_token text not null unique,
      confirmed_at timestamptz,
      notified_through timestamptz not null default now(),
      created_at timestamptz not null default now(),
      unique (email, target_kind, target_id)
    );
    create index follow_subscription_target on follow_subscription (target_kind, target_id)
      where confirmed_at is not null;
    create table key_indicator (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (name ~ '^[a-z0-9-]{1,100}$'),
      title text not null,
      title_en text not null,
      resource_id uuid not null references resource(id) on delete cascade,
      period_field text not null,
      value_field text not null,
      unit text not null default '',
      definition text not null default '',
      position integer not null default 0,
      featured boolean not null default true,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}
