import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/kernel/access/policy.js';
import { mutate } from '../../src/kernel/actions/context.js';
import type { Database } from '../../src/kernel/db/database.js';
import { refreshDatasetSearch } from '../../src/modules/catalog/dataset.repository.js';
import { ctxFor } from './catalog-fixtures.js';

/** Many datasets at once for search and load tests, and the row counts a refused write must leave unchanged. */

/**
 * Many datasets at once, straight through the repositories' tables in one transaction (for
 * paging tests that need hundreds): dataset rows, tags, topics, one link resource each, a
 * revision and an audit row per dataset, then every search vector refreshed in one UPDATE.
 */
export async function insertDatasetsFast(
  database: Database,
  actor: Actor,
  rows: {
    name: string;
    title: string;
    agencyId: string;
    topicIds?: string[];
    tags?: string[];
    private?: boolean;
    state?: 'draft' | 'active';
    metadataModified?: Date;
    format?: string;
  }[],
): Promise<string[]> {
  const ids = rows.map(() => randomUUID());
  await mutate(ctxFor(database, actor), async (trx, audit) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const chunkIds = ids.slice(i, i + 500);
      await trx
        .insertInto('dataset')
        .values(
          chunk.map((r, j) => ({
            id: chunkIds[j] as string,
            name: r.name,
            title: r.title,
            notes: `Catatan ${r.title}`,
            agency_id: r.agencyId,
            private: r.private ?? false,
            state: r.state ?? 'active',
            ...(r.metadataModified
              ? { metadata_modified: r.metadataModified, metadata_created: r.metadataModified }
              : {}),
          })),
        )
        .execute();
      const tags = chunk.flatMap((r, j) =>
        (r.tags ?? []).map((tag) => ({ dataset_id: chunkIds[j] as string, tag })),
      );
      if (tags.length) await trx.insertInto('dataset_tag').values(tags).execute();
      const topics = chunk.flatMap((r, j) =>
        (r.topicIds ?? []).map((topic_id) => ({ dataset_id: chunkIds[j] as string, topic_id })),
      );
      if (topics.length) await trx.insertInto('dataset_topic').values(topics).execute();
      await trx
        .insertInto('resource')
        .values(
          chunk.map((r, j) => ({
            dataset_id: chunkIds[j] as string,
            name: `Tabel ${r.name}`,
            format: r.format ?? 'CSV',
            url: `https://data.example.go.id/${r.name}.csv`,
          })),
        )
        .execute();
      await trx
        .insertInto('dataset_revision')
        .values(
          chunk.map((r, j) => ({
            dataset_id: chunkIds[j] as string,
            actor_id: actor.userId,
            actor_name: actor.username,
            action: 'package_create',
            changes: JSON.stringify({ name: r.name }),
          })),
        )
        .execute();
    }
    await refreshAllSearchVectors(trx);
    await audit({
      action: 'package_create',
      subjectType: 'dataset',
      subjectId: null,
      summary: { bulk: rows.length },
    });
  });
  return ids;
}

/** Recompute every dataset's search vector in one statement (the repository's weights). */
export async function refreshAllSearchVectors(db: Database['db']): Promise<void> {
  await refreshDatasetSearch(db);
}

/** Row counts of every table a catalog write touches: equal before and after a refused write. */
export async function catalogRowCounts(database: Database): Promise<Record<string, number>> {
  const tables = [
    'dataset',
    'dataset_tag',
    'dataset_topic',
    'resource',
    'dataset_revision',
    'audit_log',
  ] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await database.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  const modified = await database.db
    .selectFrom('dataset')
    .select((eb) => eb.fn.max('metadata_modified').as('m'))
    .executeTakeFirstOrThrow();
  out.last_modified = modified.m ? new Date(modified.m).getTime() : 0;
  return out;
}
