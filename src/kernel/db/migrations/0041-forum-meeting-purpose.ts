import { type Kysely, sql } from 'kysely';

/**
 * The yearly evaluation's coordination meeting (Jember step 21, issue #16 item 3) is recorded
 * like a Forum Satu Data meeting (agenda, invitees, minutes, attendance) in `forum_meeting`;
 * `purpose` tells it from the data-list forum, whose minutes close the data-list run's forum step.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table forum_meeting add column purpose text not null default 'data_list'
      check (purpose in ('data_list', 'evaluation'));
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table forum_meeting drop column purpose;`.execute(db);
}
