import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DriverKind } from '../../src/kernel/db/database.js';
import type { Agency } from '../../src/kernel/db/schema.js';
import { callAction, createAgency, createTopic, resultOf, uniq, userWithToken } from './catalog-fixtures.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The setting of the CKAN write-action tests (catalog package_* and datastore resource_*): an
 * app with a 1 MB upload limit, agencies dinkes and disdik, topics kesehatan and sosial, and
 * API tokens of a dinkes producer, a disdik producer and the custodian.
 */

export interface Pkg {
  id: string;
  name: string;
  title: string;
  notes: string;
  private: boolean;
  state: string;
  owner_org: string;
  license_id: string;
  metadata_modified: string;
  num_resources: number;
  tags: { name: string }[];
  groups: { name: string }[];
  extras: { key: string; value: string }[];
  resources: Res[];
}
export interface Res {
  id: string;
  package_id: string;
  name: string;
  url: string;
  url_type: string | null;
  format: string;
  size: number | null;
  hash: string;
  mimetype: string | null;
}

export const CSV = Buffer.from('kecamatan,jumlah\nMagetan,120\nMaospati,98\n', 'utf8');
export const CSV2 = Buffer.from('kecamatan,jumlah\nMagetan,121\nMaospati,99\nPlaosan,45\n', 'utf8');
export const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface WriteApi {
  t: TestApp;
  dinkes: Agency;
  producer: string;
  producerId: string;
  otherProducer: string;
  custodian: string;
}

/** A fresh app of `kind` with the agencies, topics and tokens above. */
export async function setUpWriteApi(kind: DriverKind, env: Record<string, string> = {}): Promise<WriteApi> {
  const t = await createTestApp(kind, { UPLOAD_MAX_MB: '1', ...env });
  const dinkes = await createAgency(t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
  const disdik = await createAgency(t.database, { code: 'disdik', name: 'Dinas Pendidikan' });
  await createTopic(t.database, { name: 'kesehatan', title: 'Kesehatan' });
  await createTopic(t.database, { name: 'sosial', title: 'Sosial' });
  const p = await userWithToken(t.database, 'producer', dinkes.id);
  return {
    t,
    dinkes,
    producer: p.token,
    producerId: p.actor.userId ?? '',
    otherProducer: (await userWithToken(t.database, 'producer', disdik.id)).token,
    custodian: (await userWithToken(t.database, 'custodian')).token,
  };
}

export const postAction = (t: TestApp, name: string, body: Record<string, unknown>, token?: string) =>
  callAction(t.app, name, { body, ...(token ? { token } : {}) });

export const showPackage = (t: TestApp, id: string, token?: string) =>
  callAction(t.app, 'package_show', { query: { id }, ...(token ? { token } : {}) });

/** Audit and revision rows a write left for its subject. */
export async function writeTrail(t: TestApp, subjectId: string, datasetId: string) {
  const audit = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_name', 'request_id'])
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
  const revisions = await t.database.db
    .selectFrom('dataset_revision')
    .select(['action', 'actor_name', 'changes'])
    .where('dataset_id', '=', datasetId)
    .orderBy('id')
    .execute();
  return { audit, revisions };
}

/** Stored upload folders (one per file) under DATA_DIR/files/resources. */
export async function storedFiles(t: TestApp): Promise<number> {
  const dir = path.join(t.config.dataDir, 'files', 'resources');
  return (await readdir(dir).catch(() => [])).length;
}

/** A dataset of dinkes made by the producer (private, as producers' datasets are). */
export async function producerDatasetOf(
  t: TestApp,
  producer: string,
  extra: Record<string, unknown> = {},
): Promise<Pkg> {
  return resultOf<Pkg>(
    postAction(
      t,
      'package_create',
      { name: `ds-${uniq()}`, title: 'Data Uji', owner_org: 'dinkes', ...extra },
      producer,
    ),
  );
}
