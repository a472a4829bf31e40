import type { Kysely } from 'kysely';
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
