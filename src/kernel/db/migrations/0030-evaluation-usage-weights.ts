import { type Kysely, sql } from 'kysely';

/**
 * Portal use counted per day (issue #16): the public dataset pages and downloads now write it
 * (a batched counter, modules/evaluation/usage-counter.ts), and a day is the finest grain the
 * figures need (months are summed from days). Rows kept so far (one per month, on its first
 * day) stay valid as days.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table portal_usage drop constraint if exists portal_usage_month_check;
    alter table portal_usage rename column month to day;
  `.execute(db);
}
