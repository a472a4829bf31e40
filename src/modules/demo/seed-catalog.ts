import { Readable } from 'node:stream';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import { mutate } from '../../kernel/actions/context.js';
import type { Database } from '../../kernel/db/database.js';
import type { FileStore } from '../../kernel/storage/file-store.js';
import { findUser, loadActor } from '../accounts/index.js';
import { findDataset, findTopic, insertTopic, packageCreate } from '../catalog/index.js';
import { resourceCreate } from '../datastore/index.js';
import { buildDemoDatasets } from './catalog/demo-datasets.js';
import { DEMO_TOPICS } from './catalog/demo-topics.js';
import { listDemoDistricts } from './demo.repository.js';

/**
 * The demo catalog: topics, then every demo dataset with its CSV files, created and published
 * by the demo custodian through the same actions the API uses (validated, revisioned, audited).
 * Datasets that already exist are skipped, so a re-run only fills gaps.
 */
export async function seedDemoCatalog(
  database: Database,
  files: FileStore,
  system: ActionContext,
): Promise<number> {
  const db = database.db;
  for (const t of DEMO_TOPICS) {
    if (await findTopic(db, t.name)) continue;
    await mutate(system, async (trx, audit) => {
      const topic = await insertTopic(trx, {
        name: t.name,
        title: t.title,
        title_en: t.titleEn,
        description: t.description,
        description_en: t.descriptionEn,
      });
      await audit({
        action: 'topic_create',
        subjectType: 'topic',
        subjectId: topic.id,
        summary: { name: t.name },
      });
    });
  }
  const custodian = await findUser(db, { username: 'walidata' });
  if (!custodian) throw new Error('seed the demo accounts before the demo catalog');
  const ctx: ActionContext = { ...system, actor: await loadActor(db, custodian.id) };
  const districts = await listDemoDistricts(db);
  let created = 0;
  for (const d of buildDemoDatasets(districts)) {
    if (await findDataset(db, d.name)) continue;
    const dict = await executeAction(ctx, packageCreate, {
      name: d.name,
      title: d.title,
      notes: d.notes,
      owner_org: d.agencyCode,
      private: d.isPrivate,
      state: d.state,
      license_id: d.licenseId,
      maintainer: d.maintainer,
      maintainer_email: d.maintainerEmail,
      tags: d.tags,
      groups: d.topics,
      update_frequency: d.updateFrequency,
      temporal_start: d.temporalStart,
      temporal_end: d.temporalEnd,
      spatial: d.spatialCodes,
    });
    for (const r of d.resources) {
      const stored = await files.save(
        Readable.from([Buffer.from(r.csv, 'utf8')]),
        r.fileName,
        50 * 1024 * 1024,
      );
      await executeAction(ctx, resourceCreate, {
        package_id: dict?.id ?? d.name,
        name: r.name,
        description: r.description,
        format: r.format,
        upload: { ...stored, mimetype: 'text/csv' },
      });
    }
    created++;
  }
  return created;
}
