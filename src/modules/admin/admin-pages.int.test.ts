import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActions, get, postForm, signIn, uniq } from '../../../test/support/admin-browser.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { insertAuditEntry } from '../../kernel/actions/audit.repository.js';

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
        '/admin/batas-wilayah',
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

    it('says what each row did and to what in words, with no UUID in the text a person reads (issue #17 item 9)', async () => {
      const admin = await signIn(t, { roles: ['administrator'] });
      const code = `kata-${uniq()}`;
      await postForm(t, admin, '/admin/agencies/new', {
        code,
        name: 'Dinas Kata Kata',
        shortName: 'Kata',
        kind: 'office',
      });
      for (const [lang, did, what] of [
        ['id', 'Buat instansi', 'instansi: Dinas Kata Kata'],
        ['en', 'Create agency', 'agency: Dinas Kata Kata'],
      ] as const) {
        const res = await get(t, admin, `/admin/audit?action=agency_create&lang=${lang}`);
        expect(res.body).toContain(`<span title="agency_create">${did}</span>`);
        expect(res.body).toContain(what);
        expect(res.body).toMatch(/href="\/admin\/audit\?subjectType=agency&subjectId=[0-9a-f-]{36}"/);
        const text = res.body.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ');
        expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      }
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
      expect(second.body).toContain('<code>i: 0</code>');
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
