import { type Kysely, sql } from 'kysely';

/**
 * Planning leftovers of issue 13: a proposal remembers the public data request it came from
 * (an unmet request becomes one proposal for the next year's list, once), and Romantik keeps
 * the date the FS3 recommendation form was submitted to BPS and the recommendation letter's
 * file (kept in the file store, its key and name here) on the statistical activity.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table data_proposal
      add column data_request_id uuid references data_request(id) on delete set null;
    create unique index data_proposal_data_request_idx on data_proposal (data_request_id)
      where data_request_id is not null;
    alter table statistical_activity
      add column fs3_submitted_on date,
      add column recommendation_letter_key text,
      add column recommendation_letter_name text check (length(recommendation_letter_name) <= 200);
  `.execute(db);
}
