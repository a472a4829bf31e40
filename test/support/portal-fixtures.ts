import { executeAction } from '../../src/kernel/actions/action.js';
import type { ActionContext } from '../../src/kernel/actions/context.js';
import type { DriverKind } from '../../src/kernel/db/database.js';
import type { Agency, Topic } from '../../src/kernel/db/schema.js';
import { packageCreate } from '../../src/modules/catalog/actions/package-create.js';
import { flushDatasetViews } from '../../src/modules/catalog/index.js';
import { insertTopic } from '../../src/modules/catalog/topic.repository.js';
import { buildAgency, buildUser } from '../factories/index.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The catalog the portal page tests browse: BULK public datasets of agency A in topic A, one
 * richly described public dataset of agency B in topic B, and a private and a draft one of A.
 */

/** How many public datasets of the first agency the list pages page through. */
export const BULK = 23;
export const PUBLIC_NAME = 'jumlah-penduduk-kecamatan-uji';
export const PRIVATE_NAME = 'rahasia-privat-penduduk';
export const DRAFT_NAME = 'draf-tersembunyi-penduduk';

/** Data rows of a result list: one `dataset-card` per dataset shown. */
export const cards = (html: string) => html.match(/class="dataset-card"/g)?.length ?? 0;

export interface PortalCatalog {
  t: TestApp;
  agencyA: Agency;
  agencyB: Agency;
  topicA: Topic;
  topicB: Topic;
  custodian: Awaited<ReturnType<typeof buildUser>>;
  publicId: string;
}

/** A fresh app of `kind` holding the catalog above, made by a custodian through package_create. */
export async function setUpPortalCatalog(kind: DriverKind): Promise<PortalCatalog> {
  const t = await createTestApp(kind);
  const agencyA = await buildAgency(t.database, { name: 'Dinas Uji Statistik' });
  const agencyB = await buildAgency(t.database, { name: 'Dinas Kependudukan Uji' });
  const topicA = await insertTopic(t.database.db, {
    name: 'topik-uji',
    title: 'Topik Uji',
    title_en: 'Test Topic',
  });
  const topicB = await insertTopic(t.database.db, {
    name: 'kependudukan-uji',
    title: 'Kependudukan Uji',
    title_en: 'Population Test',
  });
  const custodian = await buildUser(t.database, { roles: ['custodian'] });
  const ctx: ActionContext = { db: t.database.db, actor: custodian.actor, requestId: null, ip: null };
  const create = (input: Record<string, unknown>) => executeAction(ctx, packageCreate, input);
  for (let i = 1; i <= BULK; i++)
    await create({
      name: `data-uji-${String(i).padStart(2, '0')}`,
      title: `Data Uji Nomor ${i}`,
      notes: 'Data untuk menguji halaman katalog.',
      owner_org: agencyA.code,
      private: false,
      groups: [topicA.name],
      tags: ['uji'],
      resources: [{ name: 'Tabel', format: 'CSV', url: `https://data.example.org/uji-${i}.csv` }],
    });
  const created = await create({
    name: PUBLIC_NAME,
    title: 'Jumlah Penduduk Kecamatan Uji',
    notes: 'Baris pertama.\nBaris kedua <script>alert(1)</script>\n\nParagraf berikutnya.',
    owner_org: agencyB.code,
    private: false,
    license_id: 'CC-BY-4.0',
    groups: [topicB.name],
    tags: ['penduduk', 'kecamatan'],
    update_frequency: 'annual',
    temporal_start: '2024-01-01',
    temporal_end: '2024-12-31',
    spatial: ['35.20', '35.20.06'],
    maintainer: 'Bidang Data Kependudukan',
    maintainer_email: 'data@magetan.go.id',
    version: '2.1',
    resources: [
      { name: 'Penduduk per kecamatan', format: 'CSV', url: 'https://data.example.org/penduduk.csv' },
    ],
  });
  const publicId = created?.id ?? '';
  await create({
    name: PRIVATE_NAME,
    title: 'Rahasia Privat Penduduk',
    owner_org: agencyA.code,
    private: true,
    groups: [topicA.name],
    tags: ['penduduk'],
  });
  await create({
    name: DRAFT_NAME,
    title: 'Draf Tersembunyi Penduduk',
    owner_org: agencyA.code,
    private: false,
    state: 'draft',
    groups: [topicA.name],
    tags: ['penduduk'],
  });
  return { t, agencyA, agencyB, topicA, topicB, custodian, publicId };
}

/** GET a page, optionally with a cookie header. */
export const getPage = (t: TestApp, url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });

/** A dataset's stored view count. */
export async function viewCountOf(t: TestApp, name: string): Promise<number> {
  // Views gather in memory for a moment before they are written (catalog/view-counter.ts).
  await flushDatasetViews(t.database.db);
  return Number(
    (
      await t.database.db
        .selectFrom('dataset')
        .select('view_count')
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).view_count,
  );
}
