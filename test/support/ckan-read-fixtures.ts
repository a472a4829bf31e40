import type { Actor } from '../../src/kernel/access/policy.js';
import type { DriverKind } from '../../src/kernel/db/database.js';
import type { Agency, Topic } from '../../src/kernel/db/schema.js';
import { buildUser } from '../factories/index.js';
import { createAgency, createDataset, createLinkResource, createTopic, uniq } from './catalog-fixtures.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The catalog the CKAN read-action tests read: agencies dinkes and disdik, topics kesehatan and
 * pendidikan, 12 public datasets of dinkes (organization_show caps at 10), one of disdik, and a
 * private one; plus the keys CKAN 2.10/2.11 always returns, to compare dicts against.
 */

/** CKAN's `YYYY-MM-DDTHH:MM:SS[.ffffff]`: UTC without a zone designator. */
export const CKAN_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/** Keys `package_show` always returns in CKAN 2.10/2.11 (package_dictize + default schema). */
export const PACKAGE_KEYS = [
  'author',
  'author_email',
  'creator_user_id',
  'extras',
  'groups',
  'id',
  'isopen',
  'license_id',
  'license_title',
  'maintainer',
  'maintainer_email',
  'metadata_created',
  'metadata_modified',
  'name',
  'notes',
  'num_resources',
  'num_tags',
  'organization',
  'owner_org',
  'private',
  'relationships_as_object',
  'relationships_as_subject',
  'resources',
  'state',
  'tags',
  'title',
  'type',
  'url',
  'version',
];
export const RESOURCE_KEYS = [
  'cache_last_updated',
  'cache_url',
  'created',
  'datastore_active',
  'description',
  'format',
  'hash',
  'id',
  'last_modified',
  'metadata_modified',
  'mimetype',
  'mimetype_inner',
  'name',
  'package_id',
  'position',
  'resource_type',
  'size',
  'state',
  'url',
  'url_type',
];
export const ORGANIZATION_KEYS = [
  'approval_status',
  'created',
  'description',
  'id',
  'image_url',
  'is_organization',
  'name',
  'state',
  'title',
  'type',
];
/** A tag inside a package dict (tag_list_dictize): CKAN includes the tag's id. */
export const TAG_KEYS = ['display_name', 'id', 'name', 'state', 'vocabulary_id'];
export const PACKAGE_GROUP_KEYS = ['description', 'display_name', 'id', 'image_display_url', 'name', 'title'];
export const LICENSE_KEYS = [
  'domain_content',
  'domain_data',
  'domain_software',
  'family',
  'id',
  'is_generic',
  'maintainer',
  'od_conformance',
  'osd_conformance',
  'status',
  'title',
  'url',
];

export interface ReadCatalog {
  t: TestApp;
  custodian: Actor;
  agencyA: Agency;
  topicOne: Topic;
  topicTwo: Topic;
  /** Public datasets of every agency, by name, sorted. */
  publicNames: string[];
  first: Awaited<ReturnType<typeof createDataset>>;
  privateName: string;
}

/** A fresh app of `kind` holding the catalog above. */
export async function setUpReadCatalog(kind: DriverKind): Promise<ReadCatalog> {
  const publicNames: string[] = [];
  let first: Awaited<ReturnType<typeof createDataset>> | undefined;
  const t = await createTestApp(kind);
  const custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
  const agencyA = await createAgency(t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
  await createAgency(t.database, { code: 'disdik', name: 'Dinas Pendidikan' });
  const topicOne = await createTopic(t.database, { name: 'kesehatan', title: 'Kesehatan' });
  const topicTwo = await createTopic(t.database, { name: 'pendidikan', title: 'Pendidikan' });
  // 12 public datasets of A, so organization_show's 10-dataset cap shows.
  for (let i = 0; i < 12; i++) {
    const name = `kes-${String(i).padStart(2, '0')}-${uniq()}`;
    const d = await createDataset(t.database, custodian, {
      owner_org: 'dinkes',
      name,
      title: `Data Kesehatan ${i}`,
      notes: 'Jumlah fasilitas kesehatan per kecamatan',
      tags: i % 2 ? ['kesehatan', 'puskesmas'] : ['kesehatan'],
      groups: ['kesehatan'],
      extras: [{ key: 'sumber', value: 'Dinkes' }],
    });
    if (i === 0) first = d;
    publicNames.push(name);
  }
  if (!first) throw new Error('no first dataset');
  await createLinkResource(t.database, custodian, first.id, { name: 'Tabel 2024', format: 'CSV' });
  await createDataset(t.database, custodian, {
    owner_org: 'disdik',
    name: 'sekolah-dasar',
    title: 'Sekolah Dasar',
    tags: ['pendidikan'],
    groups: ['pendidikan'],
  });
  publicNames.push('sekolah-dasar');
  const privateName = `rahasia-${uniq()}`;
  await createDataset(t.database, custodian, {
    owner_org: 'disdik',
    name: privateName,
    private: true,
    tags: ['khusus-internal'],
    groups: ['pendidikan'],
  });
  publicNames.sort();
  return { t, custodian, agencyA, topicOne, topicTwo, publicNames, first, privateName };
}
