import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-region-codes.js';
import * as m0003 from './migrations/0003-catalog.js';
import * as m0004 from './migrations/0004-reference-codes.js';
import * as m0005 from './migrations/0005-datastore.js';
import * as m0006 from './migrations/0006-workflow.js';
import * as m0007 from './migrations/0007-metadata.js';
import * as m0008 from './migrations/0008-workflow-runs.js';
import * as m0009 from './migrations/0009-sdi.js';
import * as m0010 from './migrations/0010-job-lease.js';
import * as m0011 from './migrations/0011-workflow-subjects-positions.js';
import * as m0012 from './migrations/0012-calendar-zones-reminders.js';
import * as m0015 from './migrations/0015-schema-proposal.js';
import * as m0016 from './migrations/0016-portal.js';
import * as m0017 from './migrations/0017-datastore-alias.js';
import * as m0018 from './migrations/0018-standard-table-schema.js';
import * as m0019 from './migrations/0019-planning.js';
import * as m0020 from './migrations/0020-data-requests.js';
import * as m0021 from './migrations/0021-dissemination.js';
import * as m0022 from './migrations/0022-evaluation.js';
import * as m0024 from './migrations/0024-package-dict.js';
import * as m0025 from './migrations/0025-region-code-edition.js';
import * as m0026 from './migrations/0026-portal-curation.js';
import * as m0027 from './migrations/0027-planning-requests-romantik.js';
import * as m0028 from './migrations/0028-data-request-alerts.js';
import * as m0030 from './migrations/0030-evaluation-usage-weights.js';
import * as m0032 from './migrations/0032-portal-logos-related.js';
import * as m0033 from './migrations/0033-page-stamp.js';
import * as m0034 from './migrations/0034-publication-files.js';
import * as m0035 from './migrations/0035-evaluation-report-return.js';
import * as m0036 from './migrations/0036-region-own-sop-defaults.js';
import * as m0041 from './migrations/0041-forum-meeting-purpose.js';
import * as m0043 from './migrations/0043-stored-dict-live-views.js';
import * as m0044 from './migrations/0044-public-catalog-indexes.js';
import type { DB } from './schema.js';

/** Every migration, in order. Listed by hand so the bundle needs no folder scan. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-region-codes': m0002,
  '0003-catalog': m0003,
  '0004-reference-codes': m0004,
  '0005-datastore': m0005,
  '0006-workflow': m0006,
  '0007-metadata': m0007,
  '0008-workflow-runs': m0008,
  '0009-sdi': m0009,
  '0010-job-lease': m0010,
  '0011-workflow-subjects-positions': m0011,
  '0012-calendar-zones-reminders': m0012,
  '0015-schema-proposal': m0015,
  '0016-portal': m0016,
  '0017-datastore-alias': m0017,
  '0018-standard-table-schema': m0018,
  '0019-planning': m0019,
  '0020-data-requests': m0020,
  '0021-dissemination': m0021,
  '0022-evaluation': m0022,
  '0024-package-dict': m0024,
  '0025-region-code-edition': m0025,
  '0026-portal-curation': m0026,
  '0027-planning-requests-romantik': m0027,
  '0028-data-request-alerts': m0028,
  '0030-evaluation-usage-weights': m0030,
  '0032-portal-logos-related': m0032,
  '0033-page-stamp': m0033,
  '0034-publication-files': m0034,
  '0035-evaluation-report-return': m0035,
  '0036-region-own-sop-defaults': m0036,
  '0041-forum-meeting-purpose': m0041,
  '0043-stored-dict-live-views': m0043,
  '0044-public-catalog-indexes': m0044,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Names of the migrations this build knows, oldest first. */
export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

/**
 * Bring the schema to the latest version; throws with the failing migration's name. Several
 * instances may start at once on one PostgreSQL: Kysely's Migrator takes a transaction-scoped
 * advisory lock (`pg_advisory_xact_lock`) around the run, so the second waits, then finds
 * nothing left to do (migrate.int.test.ts proves it).
 */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const what = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Migrasi gagal / Migration failed${what}: ${String((error as Error).message ?? error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
