import type { Kysely } from 'kysely';

/** Tables of the workflow-runs area (filled by the issue that builds it). */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(_db: Kysely<any>): Promise<void> {}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(_db: Kysely<any>): Promise<void> {}
