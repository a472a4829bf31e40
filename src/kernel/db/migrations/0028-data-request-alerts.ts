import { type Kysely, sql } from 'kysely';

/**
 * Reminders and escalations on the legal clocks of the data-request service (issue 14, item 4):
 * one row per alert sent, keyed by the request, the clock (the answer's, or the objection's),
 * the kind and the due time it was judged by, so a sweep that runs again (or on two instances)
 * sends nothing twice, while an extension — a new due time — earns its own reminder.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table data_request_alert (
      request_id uuid not null references data_request(id) on delete cascade,
      clock text not null check (clock in ('answer', 'objection')),
      kind text not null check (kind in ('reminder', 'escalation')),
      due_at timestamptz not null,
      sent_at timestamptz not null,
      recipients integer not null default 0,
      primary key (request_id, clock, kind, due_at)
    );
  `.execute(db);
}
