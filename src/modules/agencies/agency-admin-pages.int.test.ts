import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency } from '../../../test/factories/index.js';
import { auditActions, get, postForm, signIn, uniq, uploadCsv } from '../../../test/support/admin-browser.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { findAgency } from './agency.repository.js';

for (const kind of DIALECTS) {
  describe(`agency admin pages on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t?.close());

    it('creates an agency through the form and logs agency_create', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const code = `dinkes-${uniq()}`;
      const res = await postForm(t, admin, '/admin/agencies/new', {
        code,
        name: 'Dinas Kesehatan',
        shortName: 'Dinkes',
        kind: 'department',
        regionCode: '',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/agencies?done=saved');
      const agency = await findAgency(t.database.db, { code });
      expect(agency?.short_name).toBe('Dinkes');
      const list = await get(t, admin, '/admin/agencies');
      expect(list.body).toContain(code);
      const audit = await get(t, admin, '/admin/audit');
      expect(audit.statusCode).toBe(200);
      expect(auditActions(audit.body)).toContain('agency_create');
      expect(audit.body).toContain(code);
    });

    it('refuses a duplicate agency code with a form error and creates nothing', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const existing = await buildAgency(t.database);
      const res = await postForm(t, admin, '/admin/agencies/new', {
        code: existing.code,
        name: 'Dinas Kembar',
        shortName: 'Kembar',
        kind: 'department',
      });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('role="alert"');
      expect(res.body).toContain(`Kode ${existing.code} sudah dipakai`);
      expect(res.body).toContain('value="Dinas Kembar"');
      expect((await findAgency(t.database.db, { code: existing.code }))?.name).toBe(existing.name);
    });

    it('edits an agency', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const agency = await buildAgency(t.database);
      const res = await postForm(t, admin, `/admin/agencies/${agency.id}/edit`, {
        code: agency.code,
        name: 'Badan Perencanaan',
        shortName: 'Bappeda',
        kind: 'agency',
        regionCode: '',
      });
      expect(res.statusCode).toBe(303);
      expect((await findAgency(t.database.db, { id: agency.id }))?.kind).toBe('agency');
    });

    it('imports two valid CSV rows', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const [a, b] = [`imp-${uniq()}`, `imp-${uniq()}`];
      const csv = `code,name,short_name,kind,region_code\n${a},Dinas Impor A,DIA,department,\n${b},Badan Impor B,BIB,agency,\n`;
      const res = await uploadCsv(t, admin, csv);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/admin/agencies?done=import&created=2&updated=0');
      expect((await findAgency(t.database.db, { code: a }))?.name).toBe('Dinas Impor A');
      expect((await findAgency(t.database.db, { code: b }))?.kind).toBe('agency');
      const list = await get(t, admin, String(res.headers.location));
      expect(list.body).toContain('Impor selesai: 2 ditambah, 0 diperbarui.');
    });

    it('refuses a CSV with a bad kind on row 3, naming row and column, and imports nothing', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const [a, b] = [`imp-${uniq()}`, `imp-${uniq()}`];
      const csv = `code,name,short_name,kind\n${a},Dinas Baik,DB,department\n${b},Dinas Buruk,DX,nonsense\n`;
      const res = await uploadCsv(t, admin, csv, 'opd-buruk.csv');
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('opd-buruk.csv: baris/row 3, kolom/column kind');
      expect(res.body).toContain('tidak ada yang diubah');
      expect(await findAgency(t.database.db, { code: a })).toBeUndefined();
      expect(await findAgency(t.database.db, { code: b })).toBeUndefined();
    });

    it('refuses an empty or non-UTF-8 upload with a message, not a server error', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const binary = await uploadCsv(t, admin, Buffer.from([0xff, 0xfe, 0x63, 0x00, 0xc3, 0x28]));
      expect(binary.statusCode).toBe(400);
      expect(binary.body).toContain('Berkas bukan teks UTF-8');
      const empty = await uploadCsv(t, admin, '');
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Berkas kosong.');
    });

    it('denies a producer the admin pages and agency creation, and creates nothing', async () => {
      const agency = await buildAgency(t.database);
      const producer = await signIn(t, { roles: ['producer'], agencyId: agency.id });
      for (const url of ['/admin', '/admin/users', '/admin/audit', '/admin/agencies/new'])
        expect((await get(t, producer, url)).statusCode, url).toBe(403);
      const code = `x-${uniq()}`;
      const res = await postForm(t, producer, '/admin/agencies/new', {
        code,
        name: 'Dinas Gelap',
        shortName: 'Gelap',
        kind: 'department',
      });
      expect(res.statusCode).toBe(403);
      expect(await findAgency(t.database.db, { code })).toBeUndefined();
    });
  });
}
