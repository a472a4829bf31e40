import { type Kysely, sql } from 'kysely';

/**
 * Job leases (issue 11, finding 8): a running job holds its claim until `lease_until`, which its
 * runner renews while it works. A job whose lease ran out belongs to a runner that is gone (or
 * cut off from the database), and any runner recovers it, periodically rather than only at start.
 * Jobs running during the upgrade keep two minutes from their last heartbeat, as before.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table job add column lease_until timestamptz;
    update job set lease_until = coalesce(locked_at, now()) + interval '2 minutes' where state = 'running';
    create index job_running_lease on job (lease_until) where state = 'running';
  `.execute(db);
}
