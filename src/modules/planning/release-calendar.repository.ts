import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/**
 * The release calendar's data rows (issue #15 item 4): each delivery the enacted yearly data
 * lists owe, as the public sees those lists (open rows the forum agreed or changed), from
 * `from` on. Dissemination shows them on /jadwal-rilis through the source planning registers.
 */
export async function enactedReleases(db: Kysely<DB>, from: string, limit = 1000) {
  const rows = await db
    .selectFrom('data_list_obligation as o')
    .innerJoin('data_list_item as i', 'i.id', 'o.item_id')
    .innerJoin('data_list as l', 'l.id', 'i.list_id')
    .innerJoin('agency as a', 'a.id', 'o.agency_id')
    .select([
      'o.id',
      'o.period',
      sql<string>`o.due_on::text`.as('due_on'),
      'i.data_name',
      'a.name as agency',
      'l.year',
    ])
    .where('l.status', '=', 'enacted')
    .where('i.risk_class', '=', 'terbuka')
    .where('i.status', 'in', ['agreed', 'changed'])
    .where('o.due_on', '>=', from)
    .orderBy('o.due_on')
    .orderBy('i.data_name')
    .orderBy('o.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    key: r.id,
    title: r.data_name,
    agency: r.agency,
    period: r.period,
    plannedOn: String(r.due_on).slice(0, 10),
    path: `/daftar-data/${r.year}`,
  }));
}
