import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createAgency, ctxFor } from '../../../test/support/catalog-fixtures.js';
import {
  addDatastoreVersion,
  type Cell,
  createDatastoreTable,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../test/support/datastore-fixtures.js';
import { createTestApp, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { type Actor, ANONYMOUS } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { NotAuthorizedError, NotFoundError } from '../../kernel/errors.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { taskComplete } from '../workflows/actions/task-complete.js';
import { chartCreate, chartShow, chartUpdate } from './actions/chart-actions.js';
import {
  dataBookGenerate,
  publicationCreate,
  publicationList,
  publicationShow,
  publicationSubmit,
  publicationUpdate,
} from './actions/publication-actions.js';
import { renderBookPdf } from './book/book-pdf.js';
import type { BookContent } from './book/book-spec.js';

const LONG_SCHEMA: TableSchema = {
  fields: [
    { name: 'kode_desa', type: 'string', title: 'Kode desa' },
    { name: 'nama_desa', type: 'string', title: 'Nama desa' },
    {
      name: 'luas',
      type: 'number',
      title: 'Luas wilayah',
      unit: 'km2',
      description: 'Luas daratan menurut BIG',
    },
  ],
};
/** 150 villages: more rows than an A4 page holds, so the table runs over pages. */
const LONG_ROWS: Cell[][] = Array.from({ length: 150 }, (_, i) => [
  `35200${String(i).padStart(3, '0')}`,
  `Desa Uji ${i + 1}`,
  10 + i / 4,
]);

const pdfText = (file: string, page?: number) =>
  execFileSync(
    'pdftotext',
    [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'],
    {
      encoding: 'utf8',
    },
  );

for (const kind of DIALECTS) {
  describe(`dissemination: charts, publications through the SOP, the data book (${kind})`, () => {
    let t: TestApp;
    let custodian: Actor;
    let staff: Actor;
    let staffTwo: Actor;
    let sub: Actor;
    let head: Actor;
    let producerOther: Actor;
    let agencyId: string;
    let agencyName: string;
    let pop: Awaited<ReturnType<typeof createDatastoreTable>>;
    let long: Awaited<ReturnType<typeof createDatastoreTable>>;
    let tmp: string;
    const as = (a: Actor) => ctxFor(t.database, a);

    async function positioned(role: 'custodian' | 'leader', position: string) {
      const { user, actor } = await buildUser(t.database, { roles: [role] });
      await t.database.db.insertInto('user_position').values({ user_id: user.id, role, position }).execute();
      return { user, actor };
    }

    beforeAll(async () => {
      t = await createTestApp(kind);
      tmp = mkdtempSync(path.join(os.tmpdir(), 'dissemination-'));
      const agency = await createAgency(t.database, { name: 'Dinas Kependudukan Uji' });
      agencyId = agency.id;
      agencyName = agency.name;
      custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
      staff = (await positioned('custodian', 'staff')).actor;
      staffTwo = (await positioned('custodian', 'staff')).actor;
      sub = (await positioned('custodian', 'sub_coordinator')).actor;
      head = (await positioned('leader', 'division_head')).actor;
      producerOther = (
        await buildUser(t.database, { roles: ['producer'], agencyId: (await createAgency(t.database)).id })
      ).actor;
      pop = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        agencyId,
        owner: custodian,
        title: 'Jumlah Penduduk per Kecamatan',
      });
      long = await createDatastoreTable(t.database, LONG_SCHEMA, LONG_ROWS, {
        agencyId,
        owner: custodian,
        title: 'Luas Wilayah per Desa',
      });
    }, 120_000);

    afterAll(async () => {
      rmSync(tmp, { recursive: true, force: true });
      await t?.close();
    });

    it('a saved chart has a text alternative in its SVG, a PNG, and keeps showing its data version after new data', async () => {
      await expect(
        executeAction(as(producerOther), chartCreate, {
          resource_id: pop.resourceId,
          type: 'bar',
          category: 'nama_wilayah',
          value: 'jumlah_penduduk',
          title: 'Bukan datanya',
        }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      const created = await executeAction(as(staff), chartCreate, {
        resource_id: pop.resourceId,
        type: 'bar',
        category: 'nama_wilayah',
        value: 'jumlah_penduduk',
        filters: [{ field: 'tahun', value: '2023' }],
        title: 'Penduduk 2023 menurut kecamatan',
        source: agencyName,
      });
      const shown = await executeAction(as(ANONYMOUS), chartShow, { name: created.name });
      const ids = `${created.name}-1`;
      expect(shown.svg).toMatch(
        new RegExp(`^<svg[^>]* role="img" aria-labelledby="title-${ids} desc-${ids}">`),
      );
      expect(shown.svg).toContain(`<title id="title-${ids}">Penduduk 2023 menurut kecamatan</title>`);
      const desc = /<desc id="desc-[^"]+">([^<]*)<\/desc>/.exec(shown.svg)?.[1] ?? '';
      expect(desc).toContain('Grafik batang');
      expect(desc).toContain('Parang 45.800');
      expect(desc).toContain('Tertinggi Parang');
      const png = await t.app.inject({ method: 'GET', url: `/grafik/${created.name}.png` });
      expect(png.statusCode).toBe(200);
      expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
      const page = await t.app.inject({ method: 'GET', url: `/grafik/${created.name}` });
      expect(page.body).toContain('class="chart-text"');
      expect(page.body).toContain('&lt;iframe src=');

      // New data: a new chart version; the old URL keeps showing the old number.
      const rows = POPULATION_ROWS.map((r) =>
        r[1] === 'Parang' && r[2] === 2023 ? [...r.slice(0, 3), 99999, ...r.slice(4)] : r,
      );
      await addDatastoreVersion(t.database, pop.resourceId, POPULATION_SCHEMA, rows);
      const updated = await executeAction(as(staff), chartUpdate, { name: created.name });
      expect(updated).toMatchObject({ version: 2, data_version: 2 });
      const v1 = await t.app.inject({ method: 'GET', url: `/grafik/${created.name}/v/1.svg` });
      expect(v1.body).toContain('Parang 45.800');
      const v2 = await executeAction(as(ANONYMOUS), chartShow, { name: created.name });
      expect(v2.description).toContain('Parang 99.999');
      // Put the original data back for the book tests.
      await addDatastoreVersion(t.database, pop.resourceId, POPULATION_SCHEMA, POPULATION_ROWS);
    });

    it('an infographic goes concept → draft → correction → initials → approval → upload; nothing is public before', async () => {
      const chart = await executeAction(as(staff), chartCreate, {
        resource_id: pop.resourceId,
        type: 'line',
        category: 'tahun',
        value: 'jumlah_penduduk',
        title: 'Penduduk per tahun',
      });
      const pub = await executeAction(as(staff), publicationCreate, {
        kind: 'infographic',
        title: 'Infografis Penduduk Uji',
        narrative: 'Penduduk naik.',
        charts: chart.name,
        planned_release: '2099-12-31',
      });
      const calendarRow = async () =>
        /<tr data-publication="([^"]+)" data-punctuality="([a-z_]+)">/.exec(
          (await t.app.inject({ method: 'GET', url: '/jadwal-rilis' })).body,
        )?.[2];
      expect(await calendarRow()).toBe('pending');
      const invisible = async () => {
        await expect(
          executeAction(as(ANONYMOUS), publicationShow, { name: pub.name }),
        ).rejects.toBeInstanceOf(NotFoundError);
        expect((await executeAction(as(ANONYMOUS), publicationList, {})).map((p) => p.name)).not.toContain(
          pub.name,
        );
        expect((await t.app.inject({ method: 'GET', url: `/publikasi/${pub.name}` })).statusCode).toBe(404);
      };
      await invisible();
      const submitted = await executeAction(as(staff), publicationSubmit, { name: pub.name, note: 'siap' });
      expect(submitted.waiting_at).toBe('subcoordinator_check');
      await invisible();
      const openTask = async (step: string) => {
        const r = await t.database.db
          .selectFrom('workflow_task')
          .innerJoin('publication', 'publication.instance_id', 'workflow_task.instance_id')
          .select('workflow_task.id')
          .where('publication.name', '=', pub.name)
          .where('workflow_task.step_id', '=', step)
          .where('workflow_task.state', '=', 'open')
          .executeTakeFirstOrThrow();
        return r.id;
      };
      // While it is being checked the staff cannot change it.
      await expect(
        executeAction(as(staff), publicationUpdate, { name: pub.name, narrative: 'x' }),
      ).rejects.toThrow();
      // The sub-coordinator returns it once; the staff corrects and resubmits.
      await executeAction(as(sub), taskComplete, {
        id: await openTask('subcoordinator_check'),
        outcome: 'return',
        note: 'Perbaiki narasi',
      });
      await invisible();
      // Another staff member is not the one disposed to.
      await expect(executeAction(as(staffTwo), publicationSubmit, { name: pub.name })).rejects.toThrow();
      await executeAction(as(staff), publicationUpdate, { name: pub.name, narrative: 'Penduduk naik 2%.' });
      await executeAction(as(staff), publicationSubmit, { name: pub.name, note: 'sudah diperbaiki' });
      // Four eyes: the staff who made it cannot initial it.
      await expect(
        executeAction(as(staff), taskComplete, {
          id: await openTask('subcoordinator_check'),
          outcome: 'approve',
        }),
      ).rejects.toThrow();
      await executeAction(as(sub), taskComplete, {
        id: await openTask('subcoordinator_check'),
        outcome: 'approve',
        note: 'paraf',
      });
      await invisible();
      await executeAction(as(head), taskComplete, {
        id: await openTask('division_head_approval'),
        outcome: 'approve',
        note: 'setuju',
      });
      // The run is at the upload step: published.
      const shown = await executeAction(as(ANONYMOUS), publicationShow, { name: pub.name });
      expect(shown).toMatchObject({ state: 'published', narrative: 'Penduduk naik 2%.', version: 2 });
      expect((await executeAction(as(ANONYMOUS), publicationList, {})).map((p) => p.name)).toContain(
        pub.name,
      );
      const gallery = await t.app.inject({ method: 'GET', url: '/publikasi' });
      expect(gallery.body).toContain(`data-publication="${pub.name}"`);
      // The release calendar keeps planned and actual dates; the iCalendar feed has the event.
      expect(await calendarRow()).toBe('on_time');
      const ics = await t.app.inject({ method: 'GET', url: '/jadwal-rilis.ics' });
      expect(ics.headers['content-type']).toContain('text/calendar');
      expect(ics.body).toContain('BEGIN:VEVENT\r\n');
      expect(ics.body).toContain('DTSTART;VALUE=DATE:20991231');
      expect(ics.body).toContain('SUMMARY:Infografis Penduduk Uji');
      const home = await t.app.inject({ method: 'GET', url: '/' });
      expect(home.body).toContain(`href="/publikasi/${pub.name}"`);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['publication_create', 'publication_submit', 'publication_update'])
        .execute();
      expect(audit.length).toBeGreaterThanOrEqual(4);
    });

    it('a data book is deterministic, prints each table’s code, title and source, repeats a long table’s header, and its verification page names changed data', async () => {
      const book = {
        region: 'Kabupaten Uji',
        publisher: 'Dinas Komunikasi dan Informatika Kabupaten Uji',
        chapters: [
          {
            title: 'Kependudukan',
            title_en: 'Population',
            tables: [
              {
                code: '1.1.1',
                title: 'Jumlah Penduduk menurut Kecamatan',
                title_en: 'Population by District',
                resource_id: pop.resourceId,
                columns: ['kode_wilayah', 'nama_wilayah', 'tahun', 'jumlah_penduduk'],
              },
            ],
          },
          {
            title: 'Geografi',
            title_en: 'Geography',
            tables: [
              {
                code: '2.1.1',
                title: 'Luas Wilayah menurut Desa',
                title_en: 'Area by Village',
                resource_id: long.resourceId,
              },
            ],
          },
        ],
      };
      await expect(executeAction(as(staff), dataBookGenerate, { name: 'x', year: 2026 })).rejects.toThrow();
      const p = await executeAction(as(custodian), publicationCreate, {
        kind: 'book',
        title: 'Kabupaten Uji Dalam Angka',
        book,
      });
      const first = await executeAction(as(custodian), dataBookGenerate, { name: p.name, year: 2026 });
      const again = await executeAction(as(custodian), dataBookGenerate, { name: p.name, year: 2026 });
      expect(again).toMatchObject({ hash: first.hash, new_edition: false });

      const cookie = await login(t.app, custodian.username, TEST_PASSWORD);
      const fetchPdf = async () => {
        const r = await t.app.inject({ method: 'GET', url: `/publikasi/${p.name}.pdf`, headers: { cookie } });
        expect(r.statusCode).toBe(200);
        return r.rawPayload;
      };
      const a = await fetchPdf();
      const b = await fetchPdf();
      expect(Buffer.compare(a, b)).toBe(0);
      // Not yet approved: the public gets nothing.
      expect((await t.app.inject({ method: 'GET', url: `/publikasi/${p.name}.pdf` })).statusCode).toBe(404);

      const file = path.join(tmp, 'book.pdf');
      writeFileSync(file, a);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBeGreaterThan(6);
      execFileSync('pdftoppm', ['-r', '30', '-png', file, path.join(tmp, 'page')]);
      expect(readdirSync(tmp).filter((f) => f.startsWith('page') && f.endsWith('.png'))).toHaveLength(pages);
      const text = pdfText(file).replace(/\s+/g, ' ');
      for (const [code, title, titleEn, source] of [
        [
          '1.1.1',
          'Jumlah Penduduk menurut Kecamatan',
          'Population by District',
          `${agencyName}, Jumlah Penduduk per Kecamatan`,
        ],
        ['2.1.1', 'Luas Wilayah menurut Desa', 'Area by Village', `${agencyName}, Luas Wilayah per Desa`],
      ]) {
        expect(text).toContain(`Tabel ${code} ${title}`);
        expect(text).toContain(`Table ${code} ${titleEn}`);
        expect(text).toContain(`Sumber / Source: ${source}`);
        // The list of tables names it too (before the first chapter).
        expect(
          text.slice(
            text.indexOf('Daftar Tabel / List of Tables'),
            text.indexOf('Bab 1 Kependudukan Chapter'),
          ),
        ).toContain(`Tabel ${code}`);
      }
      expect(text).toContain('Catatan / Note: Luas wilayah: Luas daratan menurut BIG');
      expect(text).toContain(first.hash);
      expect(text).toContain('Daftar Isi / Contents');
      // The long table continues on later pages, each starting with its header row again.
      let continued = 0;
      for (let n = 1; n <= pages; n++) {
        const pageText = pdfText(file, n);
        if (!pageText.includes('Tabel 2.1.1 (lanjutan / continued)')) continue;
        continued++;
        const lines = pageText
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        const at = lines.findIndex((l) => l.includes('(lanjutan / continued)'));
        expect(lines[at + 1]).toMatch(/Kode desa\s+Nama desa\s+Luas wilayah \(km2\)/);
        expect(lines[at + 2]).toMatch(/^35200\d{3}\s+Desa Uji \d+/);
      }
      expect(continued).toBeGreaterThanOrEqual(2);

      // The same edition rendered again from its content gives the same bytes.
      const edition = await t.database.db
        .selectFrom('data_book_edition')
        .selectAll()
        .where('hash', '=', first.hash)
        .executeTakeFirstOrThrow();
      const input = {
        content: edition.content as BookContent,
        hash: edition.hash,
        verifyUrl: 'http://localhost:3000/x',
      };
      expect(Buffer.compare(await renderBookPdf(input), await renderBookPdf(input))).toBe(0);

      // One source value changes: a new hash, and the verification page says which table changed.
      const rows = POPULATION_ROWS.map((r) =>
        r[1] === 'Poncol' && r[2] === 2023 ? [...r.slice(0, 3), 31501, ...r.slice(4)] : r,
      );
      await addDatastoreVersion(t.database, pop.resourceId, POPULATION_SCHEMA, rows);
      const second = await executeAction(as(custodian), dataBookGenerate, { name: p.name, year: 2026 });
      expect(second.hash).not.toBe(first.hash);
      expect(second.new_edition).toBe(true);
      const verify = await t.app.inject({
        method: 'GET',
        url: `/publikasi/verifikasi/${second.hash}`,
        headers: { cookie },
      });
      expect(verify.statusCode).toBe(200);
      expect(verify.body).toContain(`data-code="1.1.1" data-change="changed"`);
      expect(verify.body).not.toContain('data-code="2.1.1" data-change=');
      expect(verify.body).toContain(first.hash);
      const firstPage = await t.app.inject({
        method: 'GET',
        url: `/publikasi/verifikasi/${first.hash}`,
        headers: { cookie },
      });
      expect(firstPage.body).toMatch(/<tr data-code="1\.1\.1">[\s\S]*?<td>\d+<\/td>/);
    });
  });
}
