import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  createDatastoreTable,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../test/support/datastore-fixtures.js';
import {
  type DisseminationWorld,
  disseminationWorld,
  publishThroughSop,
} from '../../../test/support/dissemination-fixtures.js';
import { csrfFrom, login } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { type Actor, ANONYMOUS } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { ValidationError } from '../../kernel/errors.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';
import { chartCreate } from './actions/chart-actions.js';
import { publicationInfographicGenerate } from './actions/infographic-actions.js';
import { publicationCreate } from './actions/publication-actions.js';
import { publicationFileAdd, publicationFileRemove } from './actions/publication-file-actions.js';
import { publicationShow } from './actions/publication-read-actions.js';
import { svgToPng } from './charts.js';

const PNG = svgToPng(
  '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#08306B"/></svg>',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

for (const kind of DIALECTS) {
  describe(`dissemination: a publication's files, uploaded or generated from its charts (${kind})`, () => {
    let w: DisseminationWorld;
    let chart: string;
    const files = () => fileStoreFor(w.t.config);
    const withFiles = (a: Actor) => ({ ...w.as(a), files: files(), siteUrl: 'http://localhost:3000' });
    const upload = async (bytes: Buffer, fileName: string) => ({
      upload: await files().save(Readable.from([bytes]), fileName, 50_000_000),
    });
    const versionFiles = async (name: string, version: number) =>
      (
        await w.t.database.db
          .selectFrom('publication_file as f')
          .innerJoin('publication as p', 'p.id', 'f.publication_id')
          .select(['f.file_name', 'f.content_type', 'f.origin', 'f.hash'])
          .where('p.name', '=', name)
          .where('f.version', '=', version)
          .orderBy('f.file_name')
          .execute()
      ).map((f) => `${f.file_name} ${f.content_type} ${f.origin}`);

    beforeAll(async () => {
      w = await disseminationWorld(kind);
      chart = (
        await executeAction(w.as(w.staff), chartCreate, {
          resource_id: w.pop.resourceId,
          type: 'bar',
          category: 'nama_wilayah',
          value: 'jumlah_penduduk',
          filters: [{ field: 'tahun', value: '2023' }],
          title: 'Penduduk 2023 per kecamatan',
          source: w.agencyName,
        })
      ).name;
    }, 120_000);

    afterAll(async () => {
      await w?.t.close();
    });

    it('publication_file_add keeps each version’s files and knows a file by its bytes; publication_file_remove leaves earlier versions theirs', async () => {
      const p = await executeAction(w.as(w.staff), publicationCreate, {
        title: 'Poster Penduduk',
        charts: chart,
      });
      const added = await executeAction(withFiles(w.staff), publicationFileAdd, {
        name: p.name,
        ...(await upload(PNG, 'Poster Penduduk.PNG')),
      });
      expect(added).toMatchObject({ version: 2, file: 'poster-penduduk.png' });
      // A text file named .png, and an SVG: refused, naming the file.
      const refused = executeAction(withFiles(w.staff), publicationFileAdd, {
        name: p.name,
        ...(await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'gambar.png')),
      });
      await expect(refused).rejects.toBeInstanceOf(ValidationError);
      await expect(refused).rejects.toMatchObject({
        fields: { upload: [expect.objectContaining({ id: expect.stringContaining('"gambar.png"') })] },
      });
      await expect(
        executeAction(withFiles(w.staff), publicationFileAdd, {
          name: p.name,
          ...(await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'peta.svg')),
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      // Another agency's producer may not add a file.
      await expect(
        executeAction(withFiles(w.producerOther), publicationFileAdd, {
          name: p.name,
          ...(await upload(PNG, 'x.png')),
        }),
      ).rejects.toThrow();
      const pdf = await executeAction(withFiles(w.staff), publicationFileAdd, {
        name: p.name,
        ...(await upload(PDF, 'laporan.pdf')),
      });
      expect(pdf.version).toBe(3);
      expect(await versionFiles(p.name, 2)).toEqual(['poster-penduduk.png image/png upload']);
      expect(await versionFiles(p.name, 3)).toEqual([
        'laporan.pdf application/pdf upload',
        'poster-penduduk.png image/png upload',
      ]);
      const removed = await executeAction(w.as(w.staff), publicationFileRemove, {
        name: p.name,
        file: 'poster-penduduk.png',
      });
      expect(removed.version).toBe(4);
      expect(await versionFiles(p.name, 4)).toEqual(['laporan.pdf application/pdf upload']);
      expect(await versionFiles(p.name, 2)).toEqual(['poster-penduduk.png image/png upload']);
    });

    it('publication_infographic_generate draws the chosen charts on a template as PNG and SVG, the same bytes each time; private data are refused', async () => {
      const p = await executeAction(w.as(w.staff), publicationCreate, {
        title: 'Infografis Penduduk 2023',
        narrative: 'Penduduk Parang paling banyak.',
        charts: chart,
      });
      const first = await executeAction(withFiles(w.staff), publicationInfographicGenerate, { name: p.name });
      expect(await versionFiles(p.name, first.version)).toEqual([
        'infografis.png image/png generated',
        'infografis.svg image/svg+xml generated',
      ]);
      const again = await executeAction(withFiles(w.staff), publicationInfographicGenerate, {
        name: p.name,
        template: 'portrait',
      });
      expect(again.version).toBe(first.version + 1);
      expect(again.hash).toBe(first.hash);
      const cookie = await login(w.t.app, w.staff.username, TEST_PASSWORD);
      const svg = await w.t.app.inject({ url: again.svg, headers: { cookie } });
      expect(svg.headers['content-type']).toContain('image/svg+xml');
      expect(svg.body).toMatch(/^<svg [^>]*role="img" aria-labelledby="ig-title ig-desc">/);
      expect(svg.body).toContain('<title id="ig-title">Infografis Penduduk 2023</title>');
      expect(svg.body).toContain('Parang 45.800');
      const png = await w.t.app.inject({ url: again.png, headers: { cookie } });
      expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
      // A chart of data the public may not read cannot go into an infographic.
      const closed = await createDatastoreTable(w.t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        agencyId: w.agencyId,
        owner: w.custodian,
        private: true,
        title: 'Penduduk tertutup',
      });
      const hidden = await executeAction(w.as(w.staff), chartCreate, {
        resource_id: closed.resourceId,
        type: 'bar',
        category: 'nama_wilayah',
        value: 'jumlah_penduduk',
        title: 'Tertutup',
      });
      await expect(
        executeAction(withFiles(w.staff), publicationInfographicGenerate, {
          name: p.name,
          charts: hidden.name,
        }),
      ).rejects.toBeInstanceOf(ValidationError);
    });

    it('a draft’s files answer 404 to the public and to other agencies’ producers; the approved version’s are served with their type', async () => {
      const p = await executeAction(w.as(w.staff), publicationCreate, {
        title: 'Poster Terbit',
        charts: chart,
      });
      const staffCookie = await login(w.t.app, w.staff.username, TEST_PASSWORD);
      // The drafting staff upload through the page: a file that is no image is refused beside the form.
      const post = async (name: string, bytes: Buffer) => {
        const page = await w.t.app.inject({ url: `/publikasi/${p.name}`, headers: { cookie: staffCookie } });
        const boundary = '----berkas';
        const head = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfFrom(page.body)}\r\n--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`;
        return w.t.app.inject({
          method: 'POST',
          url: `/publikasi/${p.name}/berkas`,
          headers: { cookie: staffCookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
        });
      };
      const bad = await post('palsu.png', Buffer.from('bukan gambar'));
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('bukan gambar PNG, JPEG, WebP atau PDF');
      expect((await post('poster.png', PNG)).statusCode).toBe(303);
      const url = `/publikasi/${p.name}/berkas/2/poster.png`;
      const producerCookie = await login(w.t.app, w.producerOther.username, TEST_PASSWORD);
      const subCookie = await login(w.t.app, w.sub.username, TEST_PASSWORD);
      expect((await w.t.app.inject({ url })).statusCode).toBe(404);
      expect((await w.t.app.inject({ url, headers: { cookie: producerCookie } })).statusCode).toBe(404);
      const own = await w.t.app.inject({ url, headers: { cookie: staffCookie } });
      expect(own.statusCode).toBe(200);
      expect(own.headers['cache-control']).toBe('private, no-store');
      expect((await w.t.app.inject({ url, headers: { cookie: subCookie } })).statusCode).toBe(200);
      const draftPage = await w.t.app.inject({
        url: `/publikasi/${p.name}`,
        headers: { cookie: staffCookie },
      });
      expect(draftPage.body).toContain(`<img src="${url}"`);

      await publishThroughSop(w, p.name);
      const served = await w.t.app.inject({ url });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['cache-control']).toBe('public, max-age=300');
      expect(Buffer.compare(served.rawPayload, PNG)).toBe(0);
      // An earlier version (version 1 had no file; a made-up one) stays unknown to the public.
      expect((await w.t.app.inject({ url: `/publikasi/${p.name}/berkas/1/poster.png` })).statusCode).toBe(
        404,
      );
      const shown = await executeAction(w.as(ANONYMOUS), publicationShow, { name: p.name });
      expect(shown.files).toEqual([
        expect.objectContaining({ name: 'poster.png', type: 'image/png', url: expect.stringContaining(url) }),
      ]);
      const page = await w.t.app.inject({ url: `/publikasi/${p.name}` });
      expect(page.body).toContain(`<img src="${url}" alt="Gambar publikasi`);
      // Published: no more changes to its files.
      await expect(
        executeAction(w.as(w.staff), publicationFileRemove, { name: p.name, file: 'poster.png' }),
      ).rejects.toThrow();
    });
  });
}
