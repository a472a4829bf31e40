import { type Kysely, sql } from 'kysely';

/**
 * A first upload whose resource declared no Table Schema waits for its producer (issue #17): the
 * schema inferred from the file is proposed (state `proposed`, the proposal in `table_schema`,
 * the rows that do not fit it in `report`), and nothing loads until the producer confirms it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table resource_version drop constraint resource_version_state_check;
    alter table resource_version add constraint resource_version_state_check
      check (state in ('pending','running','proposed','complete','error'));
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    update resource_version set state = 'error' where state = 'proposed';
    alter table resource_version drop constraint resource_version_state_check;
    alter table resource_version add constraint resource_version_state_check
      check (state in ('pending','running','complete','error'));
  `.execute(db);
}
