import type { Insertable, Kysely } from 'kysely';
import type { ChartTable, ChartVersionTable } from '../../kernel/db/schema/dissemination.js';
import type { DB } from '../../kernel/db/schema.js';

/** A chart at one version (the newest when `number` is absent). */
export async function findChartVersion(db: Kysely<DB>, name: string, number?: number) {
  let q = db
    .selectFrom('chart')
    .innerJoin('chart_version', 'chart_version.chart_id', 'chart.id')
    .select([
      'chart.id as chartId',
      'chart.name as name',
      'chart.agency_id as agencyId',
      'chart_version.id as versionId',
      'chart_version.number as number',
      'chart_version.resource_id as resourceId',
      'chart_version.resource_version_id as resourceVersionId',
      'chart_version.spec as spec',
      'chart_version.created_at as createdAt',
    ])
    .where('chart.name', '=', name);
  if (number !== undefined) q = q.where('chart_version.number', '=', number);
  return q.orderBy('chart_version.number', 'desc').limit(1).executeTakeFirst();
}

export async function chartVersionCount(db: Kysely<DB>, chartId: string): Promise<number> {
  const r = await db
    .selectFrom('chart_version')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('chart_id', '=', chartId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** A new chart (its name, agency and maker); returns its id and name. */
export async function insertChart(db: Kysely<DB>, values: Insertable<ChartTable>) {
  return db.insertInto('chart').values(values).returning(['id', 'name']).executeTakeFirstOrThrow();
}

/** A new version of a chart: its spec and the data version it shows. */
export async function insertChartVersion(
  db: Kysely<DB>,
  values: Insertable<ChartVersionTable>,
): Promise<void> {
  await db.insertInto('chart_version').values(values).execute();
}
