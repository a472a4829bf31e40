import { type Kysely, sql } from 'kysely';

/**
 * The yearly report goes through the leader's approval as a workflow step (issue #16 item 4):
 * the leader approves it or returns it with a reason, and the secretariat generates a new
 * version. A returned version keeps who returned it, when and why; `run_id` names the year's
 * evaluation run whose step the version answered (null where the region's SOP has none).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table evaluation_report drop constraint if exists evaluation_report_state_check;
    alter table evaluation_report add constraint evaluation_report_state_check
      check (state in ('draft', 'approved', 'returned'));
    alter table evaluation_report
      add column returned_by uuid,
      add column returned_by_name text,
      add column returned_at timestamptz,
      add column return_reason text check (length(return_reason) <= 5000),
      add column run_id uuid references workflow_instance(id) on delete set null;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    update evaluation_report set state = 'draft' where state = 'returned';
    alter table evaluation_report drop constraint evaluation_report_state_check;
    alter table evaluation_report add constraint evaluation_report_state_check
      check (state in ('draft', 'approved'));
    alter table evaluation_report drop column returned_by, drop column returned_by_name,
      drop column returned_at, drop column return_reason, drop column run_id;
  `.execute(db);
}
