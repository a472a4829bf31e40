/**
 * Shared set-up of the portal curation tests (portal-curation-*.int.test.ts): an app on one engine
 * with a public dataset (with a datastore table), a related public one of another agency and a
 * private one holding a secret word, the custodian signed in, and form-posting helpers.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  createAgency,
  createDataset,
  createLinkResource,
  createTopic,
} from '../../../test/support/catalog-fixtures.js';
import {
  addDatastoreVersion,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../test/support/datastore-fixtures.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import type { DIALECTS } from '../../../test/support/test-database.js';

/** A word only the private dataset's title holds: it must never come back as a suggestion. */
export const SECRET_WORD = 'rahasiaqwerty';
export const PRIVATE_TITLE = `Anggaran ${SECRET_WORD} Tertutup`;
export const PUBLIC_TITLE = 'Jumlah Penduduk Kecamatan';

/** Width and height of a PNG from its IHDR chunk. */
export function pngSize(buf: Buffer) {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

export interface CurationWorld {
  t: TestApp;
  custodian: Awaited<ReturnType<typeof buildUser>>;
  custodianCookie: string;
  publicName: string;
  relatedName: string;
  privateName: string;
  resourceId: string;
  topicName: string;
  get: (url: string, cookie?: string) => Promise<LightMyRequestResponse>;
  /** Post a form as a signed-in browser: the page's CSRF token, the session cookie. */
  postAs: (
    cookie: string,
    pageUrl: string,
    url: string,
    fields: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
}

/** Registers the set-up and tear-down hooks; the returned world is filled in before the first test. */
export function curationWorld(kind: (typeof DIALECTS)[number]): CurationWorld {
  const w = {} as CurationWorld;
  w.get = (url: string, cookie?: string) =>
    w.t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
  w.postAs = async (cookie, pageUrl, url, fields) => {
    const page = await w.get(pageUrl, cookie);
    return w.t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookieHeader(page, cookie), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields }).toString(),
    });
  };

  beforeAll(async () => {
    const t = await createTestApp(kind);
    w.t = t;
    const agency = await createAgency(t.database);
    const otherAgency = await createAgency(t.database);
    const topic = await createTopic(t.database);
    w.topicName = topic.name;
    w.custodian = await buildUser(t.database, { roles: ['custodian'] });
    w.custodianCookie = await login(t.app, w.custodian.user.username, TEST_PASSWORD);
    const pub = await createDataset(t.database, w.custodian.actor, {
      owner_org: agency.id,
      title: PUBLIC_TITLE,
      notes: 'Jumlah penduduk per kecamatan & tahun <b>resmi</b>.',
      tags: ['kependudukan'],
      groups: [topic.name],
    });
    w.publicName = pub.name;
    const r = (await createLinkResource(t.database, w.custodian.actor, pub.id, {
      name: 'Tabel penduduk',
    })) as {
      id: string;
    };
    w.resourceId = r.id;
    await addDatastoreVersion(t.database, r.id, POPULATION_SCHEMA, POPULATION_ROWS.slice(0, 4));
    const rel = await createDataset(t.database, w.custodian.actor, {
      owner_org: otherAgency.id,
      title: 'Kepadatan Penduduk Desa',
      tags: ['kependudukan'],
    });
    w.relatedName = rel.name;
    const priv = await createDataset(t.database, w.custodian.actor, {
      owner_org: agency.id,
      title: PRIVATE_TITLE,
      private: true,
      tags: ['kependudukan', SECRET_WORD],
      groups: [topic.name],
    });
    w.privateName = priv.name;
  });
  afterAll(() => w.t?.close());

  return w;
}
