import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  addDatastoreVersion,
  createDatastoreTable,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../test/support/datastore-fixtures.js';
import {
  type DisseminationWorld,
  disseminationWorld,
  LONG_ROWS,
  LONG_SCHEMA,
  pdfText,
} from '../../../test/support/dissemination-fixtures.js';
import { login } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import { dataBookGenerate } from './actions/data-book-actions.js';
import { publicationCreate } from './actions/publication-actions.js';
import { renderBookPdf } from './book/book-pdf.js';
import type { BookContent } from './book/book-spec.js';

for (const kind of DIALECTS) {
  describe(`dissemination: the generated data book (${kind})`, () => {
    let w: DisseminationWorld;
    let long: Awaited<ReturnType<typeof createDatastoreTable>>;
    let tmp: string;
    beforeAll(async () => {
      w = await disseminationWorld(kind);
      tmp = mkdtempSync(path.join(os.tmpdir(), 'dissemination-'));
      long = await createDatastoreTable(w.t.database, LONG_SCHEMA, LONG_ROWS, {
        agencyId: w.agencyId,
        owner: w.custodian,
        title: 'Luas Wilayah per Desa',
      });
    }, 120_000);

    afterAll(async () => {
      rmSync(tmp, { recursive: true, force: true });
      await w?.t.close();
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
                resource_id: w.pop.resourceId,
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
      await expect(
        executeAction(w.as(w.staff), dataBookGenerate, { name: 'x', year: 2026 }),
      ).rejects.toThrow();
      const p = await executeAction(w.as(w.custodian), publicationCreate, {
        kind: 'book',
        title: 'Kabupaten Uji Dalam Angka',
        book,
      });
      const first = await executeAction(w.as(w.custodian), dataBookGenerate, { name: p.name, year: 2026 });
      const again = await executeAction(w.as(w.custodian), dataBookGenerate, { name: p.name, year: 2026 });
      expect(again).toMatchObject({ hash: first.hash, new_edition: false });

      const cookie = await login(w.t.app, w.custodian.username, TEST_PASSWORD);
      const fetchPdf = async () => {
        const r = await w.t.app.inject({
          method: 'GET',
          url: `/publikasi/${p.name}.pdf`,
          headers: { cookie },
        });
        expect(r.statusCode).toBe(200);
        return r.rawPayload;
      };
      const a = await fetchPdf();
      const b = await fetchPdf();
      expect(Buffer.compare(a, b)).toBe(0);
      // Not yet approved: the public gets nothing.
      expect((await w.t.app.inject({ method: 'GET', url: `/publikasi/${p.name}.pdf` })).statusCode).toBe(404);

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
          `${w.agencyName}, Jumlah Penduduk per Kecamatan`,
        ],
        ['2.1.1', 'Luas Wilayah menurut Desa', 'Area by Village', `${w.agencyName}, Luas Wilayah per Desa`],
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
      const edition = await w.t.database.db
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
      await addDatastoreVersion(w.t.database, w.pop.resourceId, POPULATION_SCHEMA, rows);
      const second = await executeAction(w.as(w.custodian), dataBookGenerate, { name: p.name, year: 2026 });
      expect(second.hash).not.toBe(first.hash);
      expect(second.new_edition).toBe(true);
      const verify = await w.t.app.inject({
        method: 'GET',
        url: `/publikasi/verifikasi/${second.hash}`,
        headers: { cookie },
      });
      expect(verify.statusCode).toBe(200);
      expect(verify.body).toContain(`data-code="1.1.1" data-change="changed"`);
      expect(verify.body).not.toContain('data-code="2.1.1" data-change=');
      expect(verify.body).toContain(first.hash);
      const firstPage = await w.t.app.inject({
        method: 'GET',
        url: `/publikasi/verifikasi/${first.hash}`,
        headers: { cookie },
      });
      expect(firstPage.body).toMatch(/<tr data-code="1\.1\.1">[\s\S]*?<td>\d+<\/td>/);
    });
  });
}
