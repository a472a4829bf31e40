import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import { get, postForm, signIn, uniq } from '../../../test/support/admin-browser.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { findUser } from './user.repository.js';

for (const kind of DIALECTS) {
  describe(`user admin pages on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t?.close());

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
  });
}
