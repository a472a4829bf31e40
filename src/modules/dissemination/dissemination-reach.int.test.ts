import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createAgency, ctxFor } from '../../../test/support/catalog-fixtures.js';
import {
  createDatastoreTable,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../test/support/datastore-fixtures.js';
import {
  DCAT,
  DCT,
  objects,
  parseTurtle,
  subjectsOfType,
} from '../../../test/support/linked-data-fixtures.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { taskComplete } from '../workflows/actions/task-complete.js';
import { chartCreate } from './actions/chart-actions.js';
import { publicationCreate, publicationSubmit } from './actions/publication-actions.js';

for (const kind of DIALECTS) {
  describe(`dissemination reaching out: DCAT, the publication form, the data list in the release calendar (${kind})`, () => {
    let t: TestApp;
    let _admin: Actor;
    let _adminUser: { username: string };
    let staff: Actor;
    let sub: Actor;
    let head: Actor;
    let agencyId: string;
    let pop: Awaited<ReturnType<typeof createDatastoreTable>>;
    const as = (a: Actor) => ctxFor(t.database, a);

    async function positioned(role: 'custodian' | 'leader', position: string) {
      const { user, actor } = await buildUser(t.database, { roles: [role] });
      await t.database.db.insertInto('user_position').values({ user_id: user.id, role, position }).execute();
      return actor;
    }

    /** Through the dissemination SOP: submitted, initialled, approved (published at the upload step). */
    async function publish(name: string) {
      await executeAction(as(staff), publicationSubmit, { name, note: 'siap' });
      for (const [who, step] of [
        [sub, 'subcoordinator_check'],
        [head, 'division_head_approval'],
      ] as const) {
        const task = await t.database.db
          .selectFrom('workflow_task')
          .innerJoin('publication', 'publication.instance_id', 'workflow_task.instance_id')
          .select('workflow_task.id')
          .where('publication.name', '=', name)
          .where('workflow_task.step_id', '=', step)
          .where('workflow_task.state', '=', 'open')
          .executeTakeFirstOrThrow();
        await executeAction(as(who), taskComplete, { id: task.id, outcome: 'approve', note: 'ok' });
      }
    }

    beforeAll(async () => {
      t = await createTestApp(kind);
      agencyId = (await createAgency(t.database, { name: 'Dinas Kependudukan Peta' })).id;
      const a = await buildUser(t.database, { roles: ['administrator'] });
      _admin = a.actor;
      _adminUser = a.user;
      staff = await positioned('custodian', 'staff');
      sub = await positioned('custodian', 'sub_coordinator');
      head = await positioned('leader', 'division_head');
      pop = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        agencyId,
        title: 'Penduduk per Kecamatan (peta)',
      });
    }, 120_000);

    afterAll(() => t?.close());

    it('DCAT lists published publications with their distributions and data, never drafts or those in review', async () => {
      const chart = await executeAction(as(staff), chartCreate, {
        resource_id: pop.resourceId,
        type: 'bar',
        category: 'nama_wilayah',
        value: 'jumlah_penduduk',
        title: 'Penduduk menurut kecamatan',
      });
      const make = (title: string) =>
        executeAction(as(staff), publicationCreate, {
          kind: 'infographic',
          title,
          title_en: `${title} (en)`,
          narrative: `Narasi ${title}.`,
          charts: chart.name,
        });
      const published = await make('Infografis Terbit DCAT');
      const draft = await make('Infografis Draf DCAT');
      const inReview = await make('Infografis Diperiksa DCAT');
      await publish(published.name);
      await executeAction(as(staff), publicationSubmit, { name: inReview.name });

      const site = t.config.siteUrl;
      const uri = `${site}/publikasi/${published.name}#publikasi`;
      const res = await t.app.inject({ url: '/catalog.ttl' });
      expect(res.statusCode).toBe(200);
      const q = parseTurtle(res.body);
      expect(subjectsOfType(q, `${DCAT}Dataset`)).toContain(uri);
      expect(objects(q, site, `${DCAT}dataset`)).toContain(uri);
      expect(objects(q, uri, `${DCT}type`)).toEqual(['http://purl.org/dc/dcmitype/Image']);
      expect(objects(q, uri, `${DCT}title`).sort()).toEqual([
        'Infografis Terbit DCAT',
        'Infografis Terbit DCAT (en)',
      ]);
      expect(objects(q, uri, `${DCAT}landingPage`)).toEqual([`${site}/publikasi/${published.name}`]);
      expect(objects(q, uri, 'http://www.w3.org/ns/prov#wasDerivedFrom')).toEqual([
        `${site}/dataset/${pop.datasetId}`,
      ]);
      const downloads = objects(q, uri, `${DCAT}distribution`).flatMap((d) =>
        objects(q, d, `${DCAT}downloadURL`),
      );
      expect(downloads.sort()).toEqual([
        `${site}/grafik/${chart.name}.png`,
        `${site}/grafik/${chart.name}.svg`,
      ]);
      for (const hidden of [draft, inReview]) {
        expect(res.body).not.toContain(hidden.name);
        expect(res.body).not.toContain('Draf DCAT');
        expect(res.body).not.toContain('Diperiksa DCAT');
      }
      // A search by words is about datasets: publications are not mixed in.
      expect((await t.app.inject({ url: '/catalog.ttl?q=penduduk' })).body).not.toContain('#publikasi');
    });

    it('the publication form offers the data book kind with a template of public tables; a bad definition is refused beside the form', async () => {
      const cookie = await login(
        t.app,
        (await buildUser(t.database, { roles: ['custodian'] })).user.username,
        TEST_PASSWORD,
      );
      const form = await t.app.inject({ url: '/publikasi/baru?kind=book', headers: { cookie } });
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('<option value="book" selected');
      const template = /<textarea id="book"[^>]*>([^<]*)<\/textarea>/.exec(form.body)?.[1] ?? '';
      const unescapeHtml = (h: string) =>
        h.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      const spec = JSON.parse(unescapeHtml(template));
      expect(JSON.stringify(spec)).toContain(pop.resourceId);
      const post = (fields: Record<string, string>) =>
        t.app.inject({
          method: 'POST',
          url: '/publikasi/baru',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: csrfFrom(form.body), ...fields }).toString(),
        });
      const bad = await post({ kind: 'book', title: 'Buku Rusak', book: '{ bukan json' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toMatch(/<li data-field="book"/);
      expect(bad.body).toContain('{ bukan json');
      const ok = await post({ kind: 'book', title: 'Magetan Dalam Angka Uji', book: JSON.stringify(spec) });
      expect(ok.statusCode).toBe(303);
      const name = String(ok.headers.location).split('/').pop() as string;
      const row = await t.database.db
        .selectFrom('publication')
        .select(['kind', 'book'])
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      expect(row.kind).toBe('book');
      expect(JSON.stringify(row.book)).toContain(pop.resourceId);
      // Another kind ignores the template the form always carries.
      const info = await post({ kind: 'infographic', title: 'Infografis Tanpa Buku', book: '{ bukan json' });
      expect(info.statusCode).toBe(303);
    });

    it('the release calendar lists the enacted data list’s open deliveries (registered by planning), not drafts or closed rows', async () => {
      const year = new Date().getUTCFullYear() + 1;
      const list = async (status: 'enacted' | 'draft', y: number) =>
        (
          await t.database.db
            .insertInto('data_list')
            .values({ year: y, status })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const item = async (listId: string, name: string, risk: 'terbuka' | 'tertutup', due: string) => {
        const i = await t.database.db
          .insertInto('data_list_item')
          .values({
            list_id: listId,
            id_ddd: `DDD-${name.slice(0, 8)}`,
            data_name: name,
            kind: 'statistik',
            agency_id: agencyId,
            risk_class: risk,
            status: 'agreed',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await t.database.db
          .insertInto('data_list_obligation')
          .values({ item_id: i.id, agency_id: agencyId, period: `${year}-Q1`, due_on: due })
          .execute();
      };
      const enacted = await list('enacted', year);
      await item(enacted, 'Jumlah Penduduk Triwulanan', 'terbuka', `${year}-03-31`);
      await item(enacted, 'Data Rahasia Tertutup', 'tertutup', `${year}-03-31`);
      await item(await list('draft', year + 1), 'Rencana Belum Ditetapkan', 'terbuka', `${year + 1}-03-31`);

      const page = await t.app.inject({ url: '/jadwal-rilis' });
      expect(page.statusCode).toBe(200);
      const rows =
        /<table class="table" id="release-calendar-data">[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
      expect(rows).toContain('Jumlah Penduduk Triwulanan');
      expect(rows).toContain(`${year}-03-31`);
      expect(rows).toContain(`href="/daftar-data/${year}"`);
      expect(page.body).not.toContain('Data Rahasia Tertutup');
      expect(page.body).not.toContain('Rencana Belum Ditetapkan');
      const ics = (await t.app.inject({ url: '/jadwal-rilis.ics' })).body;
      expect(ics).toContain(`SUMMARY:Jumlah Penduduk Triwulanan (${year}-Q1)\r\n`);
      expect(ics).toContain(`DTSTART;VALUE=DATE:${year}0331\r\n`);
      expect(ics).not.toContain('Rahasia');
    });
  });
}
