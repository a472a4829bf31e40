import type { Actor } from '../../src/kernel/access/policy.js';
import type { DriverKind } from '../../src/kernel/db/database.js';
import { buildUser } from '../factories/index.js';
import {
  callAction,
  createAgency,
  createDataset,
  createTopic,
  resultOf,
  userWithToken,
} from './catalog-fixtures.js';
import { createTestApp, type TestApp } from './test-app.js';

/** The catalog the package_search tests query, and the shape of a search result. */

export interface SearchResult {
  count: number;
  sort: string;
  results: { id: string; name: string; title: string; metadata_modified: string; resources: unknown[] }[];
  facets: Record<string, Record<string, number>>;
  search_facets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  >;
}

export const link = (format: string) => ({
  url: `https://data.example.go.id/berkas.${format.toLowerCase()}`,
  format,
  name: format,
});

/**
 * Seven public datasets over three agencies and three topics, with known tags, formats,
 * licenses and modification times; plus one private and one draft that a plain search must
 * never count.
 */
export const DATASETS = [
  {
    name: 'angka-kematian-bayi',
    title: 'Angka Kematian Bayi',
    owner_org: 'dinkes',
    groups: ['kesehatan'],
    tags: ['kesehatan', 'bayi'],
    license_id: 'CC-BY-4.0',
    resources: [link('CSV')],
    modified: '2023-06-01T08:00:00Z',
  },
  {
    name: 'cakupan-imunisasi',
    title: 'Cakupan Imunisasi Dasar',
    owner_org: 'dinkes',
    groups: ['kesehatan'],
    tags: ['kesehatan', 'imunisasi'],
    license_id: 'CC-BY-4.0',
    resources: [link('CSV'), link('XLSX')],
    modified: '2024-02-01T00:00:00Z',
  },
  {
    name: 'jumlah-sekolah',
    title: 'Jumlah Sekolah Dasar',
    owner_org: 'disdik',
    groups: ['pendidikan'],
    tags: ['pendidikan'],
    license_id: 'CC-BY-4.0',
    resources: [],
    modified: '2023-12-31T23:59:59Z',
  },
  {
    name: 'akses-air-bersih',
    title: 'Akses Air Bersih Rumah Tangga',
    owner_org: 'dinkes',
    groups: ['kesehatan', 'pertanian'],
    tags: ['air bersih', 'kesehatan', 'sanitasi'],
    license_id: 'odc-by',
    resources: [link('PDF')],
    modified: '2024-05-01T00:00:00Z',
  },
  {
    name: 'produksi-padi',
    title: 'Produksi Padi',
    owner_org: 'dispertan',
    groups: ['pertanian'],
    tags: ['pertanian', 'padi'],
    license_id: 'CC0-1.0',
    resources: [link('JSON')],
    modified: '2024-07-01T00:00:00Z',
  },
  {
    name: 'luas-panen-jagung',
    title: 'Luas Panen Jagung',
    owner_org: 'dispertan',
    groups: ['pertanian'],
    tags: ['pertanian'],
    license_id: 'CC-BY-4.0',
    resources: [{ ...link('CSV'), format: 'csv' }],
    modified: '2022-01-01T00:00:00Z',
  },
  {
    name: 'guru-honorer',
    title: 'Jumlah Guru Honorer',
    owner_org: 'disdik',
    groups: ['pendidikan'],
    tags: ['pendidikan', 'guru'],
    license_id: 'CC-BY-4.0',
    notes: 'Termasuk guru PAUD dan pengasuh bayi di taman penitipan anak.',
    resources: [],
    modified: '2024-03-15T00:00:00Z',
  },
] as const;
export const ALL = DATASETS.map((d) => d.name).sort();
export const names = (r: SearchResult) => r.results.map((d) => d.name).sort();

export interface SearchCatalog {
  t: TestApp;
  custodian: Actor;
  custodianToken: string;
  dinkesProducerToken: string;
  dispertanProducerToken: string;
}

/** A fresh app of `kind` with DATASETS (their modification times set), a private and a draft one. */
export async function setUpSearchCatalog(kind: DriverKind): Promise<SearchCatalog> {
  const t = await createTestApp(kind);
  const custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
  const dinkes = await createAgency(t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
  await createAgency(t.database, { code: 'disdik', name: 'Dinas Pendidikan' });
  const dispertan = await createAgency(t.database, { code: 'dispertan', name: 'Dinas Pertanian' });
  await createTopic(t.database, { name: 'kesehatan', title: 'Kesehatan' });
  await createTopic(t.database, { name: 'pendidikan', title: 'Pendidikan' });
  await createTopic(t.database, { name: 'pertanian', title: 'Pertanian' });
  for (const { modified: _m, ...d } of DATASETS)
    await createDataset(t.database, custodian, {
      ...d,
      groups: [...d.groups],
      tags: [...d.tags],
      resources: [...d.resources],
    });
  await createDataset(t.database, custodian, {
    name: 'kematian-bayi-rinci',
    title: 'Kematian Bayi per Desa (rahasia)',
    owner_org: 'dinkes',
    private: true,
    tags: ['kesehatan', 'bayi'],
    groups: ['kesehatan'],
  });
  await createDataset(t.database, custodian, {
    name: 'draf-sekolah',
    title: 'Draf Sekolah Swasta',
    owner_org: 'disdik',
    state: 'draft',
    tags: ['pendidikan'],
  });
  for (const d of DATASETS)
    await t.database.db
      .updateTable('dataset')
      .set({ metadata_modified: new Date(d.modified) })
      .where('name', '=', d.name)
      .execute();
  return {
    t,
    custodian,
    custodianToken: (await userWithToken(t.database, 'custodian')).token,
    dinkesProducerToken: (await userWithToken(t.database, 'producer', dinkes.id)).token,
    dispertanProducerToken: (await userWithToken(t.database, 'producer', dispertan.id)).token,
  };
}

/** package_search over HTTP with query parameters, as `token` (anonymous without one). */
export function searchOn(
  t: TestApp,
  query: Record<string, string | number | boolean | string[]>,
  token?: string,
) {
  return resultOf<SearchResult>(callAction(t.app, 'package_search', { query, ...(token ? { token } : {}) }));
}
