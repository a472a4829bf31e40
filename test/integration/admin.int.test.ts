import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditEntry } from '../../src/kernel/actions/audit.repository.js';
import { findUser } from '../../src/modules/accounts/user.repository.js';
import { findAgency } from '../../src/modules/agencies/agency.repository.js';
import { buildAgency, buildUser, TEST_PASSWORD } from '../factories/index.js';
import { cookieHeader, createTestApp, csrfFrom, login, type TestApp } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

const FORM = 'application/x-www-form-urlencoded';

/** A signed-in browser: its cookies and a CSRF token from a page it may open. */
type Browser = { cookie: string; csrf: string; userId: string };

async function signIn(t: TestApp, opts: Parameters<typeof buildUser>[1] = {}): Promise<Browser> {
  const { user } = await buildUser(t.database, opts);
  const cookie = await login(t.app, user.username, TEST_PASSWORD);
  const page = await t.app.inject({ url: '/account', headers: { cookie } });
  return { cookie: cookieHeader(page, cookie), csrf: csrfFrom(page.body), userId: user.id };
}

function get(t: TestApp, b: Browser, url: string) {
  return t.app.inject({ url, headers: { cookie: b.cookie } });
}

function postForm(t: TestApp, b: Browser, url: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams({ _csrf: b.csrf });
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: b.cookie, 'content-type': FORM },
    payload: body.toString(),
  });
}

/** Upload `content` as the import form does: multipart, CSRF token in the form's action URL. */
async function uploadCsv(t: TestApp, b: Browser, content: string | Buffer, fileName = 'opd.csv') {
  const page = await get(t, b, '/admin/agencies');
  const action = page.body.match(/action="(\/admin\/agencies\/import\?_csrf=[^"]+)"/)?.[1];
  if (!action) throw new Error('no import form on the agencies page');
  const boundary = `----sd${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: text/csv\r\n\r\n',
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: action,
    headers: { cookie: b.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** The action names in the audit table (`<td><code>agency_create</code></td>`). */
function auditActions(html: string): string[] {
  return [...html.matchAll(/<td><code>([a-z0-9_]+)<\/code><\/td>/g)].map((m) => m[1] ?? '');
}

const uniq = () => randomBytes(3).toString('hex');

for (const kind of DIALECTS) {
  describe(`admin pages on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t?.close());

    it('sends an anonymous visitor of /admin to the login page', async () => {
      const res = await t.app.inject({ url: '/admin' });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/login?next=%2Fadmin');
    });

    it('shows the administrator every section and a custodian only the audit log', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const page = await get(t, admin, '/admin');
      expect(page.statusCode).toBe(200);
      for (const href of [
        '/admin/agencies',
        '/admin/users',
        '/admin/audit',
        '/admin/code-lists',
        '/admin/workflows',
        '/admin/calendar',
        '/admin/outbox',
      ])
        expect(page.body).toContain(`href="${href}"`);
      const custodian = await signIn(t, { roles: ['custodian'] });
      const own = await get(t, custodian, '/admin');
      expect(own.statusCode).toBe(200);
      expect(own.body).toContain('href="/admin/audit"');
      expect(own.body).toContain('href="/admin/code-lists"');
      expect(own.body).not.toContain('href="/admin/users"');
      expect(own.body).not.toContain('href="/admin/workflows"');
    });

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

    it('creates a producer bound to an agency', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const agency = await buildAgency(t.database);
      const username = `prod-${uniq()}`;
      const res = await postForm(t, admin, '/admin/users/new', {
        username,
        fullName: 'Produsen Baru',
        email: '',
        password: 'Sandi-Kuat-2026',
        agencyId: agency.id,
        roles: 'producer',
      });
      expect(res.statusCode).toBe(303);
      const user = await findUser(t.database.db, { username });
      expect(user?.agency_id).toBe(agency.id);
      expect(user?.roles).toEqual(['producer']);
    });

    it('refuses a producer without an agency and creates no account', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const username = `prod-${uniq()}`;
      const res = await postForm(t, admin, '/admin/users/new', {
        username,
        fullName: 'Produsen Lepas',
        password: 'Sandi-Kuat-2026',
        agencyId: '',
        roles: ['producer'],
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Produsen data harus terikat pada satu perangkat daerah');
      expect(await findUser(t.database.db, { username })).toBeUndefined();
    });

    it("edits a user's roles", async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const { user } = await buildUser(t.database, { roles: ['custodian'] });
      const form = await get(t, admin, `/admin/users/${user.id}/edit`);
      expect(form.statusCode).toBe(200);
      expect(form.body).toMatch(/id="role-custodian" name="roles" value="custodian" checked/);
      const res = await postForm(t, admin, `/admin/users/${user.id}/edit`, {
        fullName: 'Pengguna Uji',
        email: '',
        agencyId: '',
        roles: ['supervisor', 'leader'],
        state: 'active',
      });
      expect(res.statusCode).toBe(303);
      expect((await findUser(t.database.db, { id: user.id }))?.roles).toEqual(['leader', 'supervisor']);
      const list = await get(t, admin, '/admin/users');
      expect(list.body).toContain('Pembina Data (BPS)');
    });

    it('refuses to let administrators disable themselves, as a form error', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const res = await postForm(t, admin, `/admin/users/${admin.userId}/edit`, {
        fullName: 'Pengguna Uji',
        roles: ['administrator'],
        state: 'disabled',
      });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('Anda tidak dapat menonaktifkan');
      expect((await findUser(t.database.db, { id: admin.userId }))?.state).toBe('active');
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

    it('filters the audit log by action', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      await postForm(t, admin, '/admin/agencies/new', {
        code: `flt-${uniq()}`,
        name: 'Dinas Saring',
        shortName: 'Saring',
        kind: 'office',
      });
      const all = await get(t, admin, '/admin/audit');
      expect(new Set(auditActions(all.body)).size).toBeGreaterThan(1);
      const res = await get(t, admin, '/admin/audit?action=agency_create');
      expect(res.statusCode).toBe(200);
      const actions = auditActions(res.body);
      expect(actions.length).toBeGreaterThan(0);
      expect(new Set(actions)).toEqual(new Set(['agency_create']));
    });

    it('pages the audit log 50 at a time, keeping the filter on the older page', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const action = `paging_${uniq()}`;
      const entry = { actor_name: 'uji', action, subject_type: 'test' };
      for (let i = 0; i < 53; i++)
        await insertAuditEntry(t.database.db, { ...entry, subject_id: String(i), summary: { i } });
      const first = await get(t, admin, `/admin/audit?action=${action}`);
      expect(auditActions(first.body)).toHaveLength(50);
      const older = first.body.match(/href="(\/admin\/audit\?[^"]*before=\d+)">Entri lebih lama/)?.[1];
      expect(older).toBeDefined();
      const second = await get(t, admin, (older ?? '').replaceAll('&amp;', '&'));
      expect(auditActions(second.body)).toEqual([action, action, action]);
      expect(second.body).toContain('{&#34;i&#34;:0}');
      expect(second.body).not.toContain('Entri lebih lama');
    });

    it('refuses a malformed audit date with a form error', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const res = await get(t, admin, '/admin/audit?from=kemarin');
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('TTTT-BB-HH');
    });
  });
}
