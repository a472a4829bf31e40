import { type Kysely, sql } from 'kysely';
import type {
  DatasetSubmission,
  SubmissionState,
  SubmittedResource,
} from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';

/** SQL of dataset submissions (the area's repository). */

export async function insertSubmission(
  db: Kysely<DB>,
  row: {
    datasetId: string;
    number: number;
    instanceId: string;
    resources: SubmittedResource[];
    metadata: Record<string, unknown>;
    note: string;
    submittedBy: string | null;
    submittedByName: string;
    at: Date;
  },
): Promise<DatasetSubmission> {
  return db
    .insertInto('dataset_submission')
    .values({
      dataset_id: row.datasetId,
      number: row.number,
      instance_id: row.instanceId,
      resources: JSON.stringify(row.resources),
      metadata: JSON.stringify(row.metadata),
      note: row.note,
      submitted_by: row.submittedBy,
      submitted_by_name: row.submittedByName,
      submitted_at: row.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function nextSubmissionNumber(db: Kysely<DB>, datasetId: string): Promise<number> {
  const row = await db
    .selectFrom('dataset_submission')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

/** One submission; `forUpdate` locks its row for a deciding transaction. */
export async function findSubmission(
  db: Kysely<DB>,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<DatasetSubmission | undefined> {
  const q = db.selectFrom('dataset_submission').selectAll().where('id', '=', id);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function submissionsOf(db: Kysely<DB>, datasetId: string): Promise<DatasetSubmission[]> {
  return db
    .selectFrom('dataset_submission')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('number')
    .execute();
}

export async function findSubmissionByNumber(db: Kysely<DB>, datasetId: string, number: number) {
  return db
    .selectFrom('dataset_submission')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Move a submission from one of `from` to `to`; false when it was no longer in `from`. */
export async function setSubmissionState(
  db: Kysely<DB>,
  id: string,
  from: SubmissionState[],
  to: SubmissionState,
  extra: { recommendation_number?: string; recommendation_date?: string } = {},
): Promise<boolean> {
  const res = await db
    .updateTable('dataset_submission')
    .set({ state: to, ...extra })
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Submissions waiting in a state, newest first, with their dataset's title and agency. */
export async function submissionsInState(db: Kysely<DB>, state: SubmissionState) {
  return db
    .selectFrom('dataset_submission as s')
    .innerJoin('dataset as d', 'd.id', 's.dataset_id')
    .innerJoin('agency as a', 'a.id', 'd.agency_id')
    .select([
      's.id',
      's.number',
      's.submitted_at',
      's.submitted_by_name',
      'd.id as dataset_id',
      'd.name as dataset_name',
      'd.title as dataset_title',
      'd.priority',
      'a.short_name as agency',
    ])
    .where('s.state', '=', state)
    .orderBy('s.submitted_at')
    .execute();
}

/** Active resources of a dataset with the datastore version readers see (when tabular). */
export async function currentResources(db: Kysely<DB>, datasetId: string): Promise<SubmittedResource[]> {
  const rows = await db
    .selectFrom('resource as r')
    .leftJoin('resource_version as v', 'v.id', 'r.datastore_version_id')
    .select([
      'r.id',
      'r.name',
      'r.format',
      'r.url',
      'r.size',
      'r.hash',
      'v.id as version_id',
      'v.number as version_number',
      'v.table_name',
      'v.row_count',
      'v.sha256',
      'v.size_bytes',
    ])
    .where('r.dataset_id', '=', datasetId)
    .where('r.state', '=', 'active')
    .orderBy('r.position')
    .orderBy('r.created')
    .execute();
  return rows.map((r) => ({
    resource_id: r.id,
    name: r.name,
    format: r.format,
    url: r.url,
    size: r.size ?? (r.size_bytes === null ? null : Number(r.size_bytes)),
    hash: r.hash ?? r.sha256,
    version_id: r.version_id,
    version_number: r.version_number,
    table_name: r.table_name,
    row_count: r.row_count === null ? null : Number(r.row_count),
  }));
}

/** Each version's loaded Table Schema and its resource's current one (for the closed-column rule). */
export async function versionSchemas(db: Kysely<DB>, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .selectFrom('resource_version as v')
    .innerJoin('resource as r', 'r.id', 'v.resource_id')
    .select(['v.id', 'v.table_schema as loaded', 'r.table_schema as current'])
    .where('v.id', 'in', versionIds)
    .execute();
}

/** Up to `limit` rows of a datastore version table, by row number. */
export async function versionRows(
  db: Kysely<DB>,
  tableName: string,
  limit: number,
): Promise<Record<string, unknown>[]> {
  if (!/^(datastore\.)?v_[0-9a-f]{32}$/.test(tableName)) throw new Error(`Not a version table: ${tableName}`);
  const qualified = tableName.includes('.') ? tableName : `datastore.${tableName}`;
  const res = await sql<
    Record<string, unknown>
  >`select * from ${sql.table(qualified)} order by _id limit ${limit}`.execute(db);
  return res.rows;
}

/** Datasets of an agency (or all, agencyId null) with their latest submission's number and state. */
export async function datasetsWithLatestSubmission(db: Kysely<DB>, agencyId: string | null) {
  let q = db
    .selectFrom('dataset as d')
    .innerJoin('agency as a', 'a.id', 'd.agency_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('dataset_submission')
          .distinctOn('dataset_id')
          .select(['dataset_id', 'id', 'number', 'state'])
          .orderBy('dataset_id')
          .orderBy('number', 'desc')
          .as('s'),
      (join) => join.onRef('s.dataset_id', '=', 'd.id'),
    )
    .select([
      'd.id',
      'd.name',
      'd.title',
      'd.priority',
      'd.private',
      'a.short_name as agency',
      's.id as submission_id',
      's.number',
      's.state',
    ])
    .where('d.state', '!=', 'deleted');
  if (agencyId) q = q.where('d.agency_id', '=', agencyId);
  return q.orderBy('d.title').limit(500).execute();
}

/** The validation reports of the datastore versions a submission froze (none for an empty list). */
export async function versionReports(db: Kysely<DB>, versionIds: readonly string[]) {
  if (versionIds.length === 0) return [];
  return db
    .selectFrom('resource_version')
    .select(['id', 'resource_id', 'report'])
    .where('id', 'in', versionIds)
    .execute();
}

/** The head of a verification report: the dataset and its agency's name. */
export async function findReportDataset(db: Kysely<DB>, datasetId: string) {
  return db
    .selectFrom('dataset as d')
    .innerJoin('agency as a', 'a.id', 'd.agency_id')
    .select(['d.id', 'd.name', 'd.title', 'd.priority', 'a.name as agency'])
    .where('d.id', '=', datasetId)
    .executeTakeFirstOrThrow();
}

/** Mark a dataset as priority data, or not (its submissions then always get the supervisor's review). */
export async function setDatasetPriority(db: Kysely<DB>, id: string, priority: boolean): Promise<void> {
  await db.updateTable('dataset').set({ priority }).where('id', '=', id).execute();
}
