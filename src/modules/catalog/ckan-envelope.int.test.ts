import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf, uniq, userWithToken } from '../../../test/support/catalog-fixtures.js';
import { type ReadCatalog, setUpReadCatalog } from '../../../test/support/ckan-read-fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

for (const kind of DIALECTS) {
  describe(`CKAN read actions: envelope and errors on ${kind}`, () => {
    let t: TestApp;
    let first: ReadCatalog['first'];

    beforeAll(async () => {
      ({ t, first } = await setUpReadCatalog(kind));
    });
    afterAll(() => t?.close());

    describe('envelope and errors', () => {
      it('wraps every result in {help, success, result} on /api/3/action and /api/action', async () => {
        for (const prefix of ['/api/3/action', '/api/action']) {
          const res = await callAction(t.app, 'package_list', { prefix });
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/^application\/json/);
          const body = res.json();
          expect(Object.keys(body).sort()).toEqual(['help', 'result', 'success']);
          expect(body.success).toBe(true);
          expect(body.help).toBe(`${t.config.siteUrl}/api/3/action/help_show?name=package_list`);
        }
      });

      it('answers POST with a JSON body the same as GET with query parameters', async () => {
        const get = await resultOf(callAction(t.app, 'package_show', { query: { id: first.name } }));
        const post = await resultOf(callAction(t.app, 'package_show', { body: { id: first.name } }));
        expect(post).toEqual(get);
      });

      it('404 Not Found Error for an unknown dataset, resource, organization and group', async () => {
        for (const name of ['package_show', 'resource_show', 'organization_show', 'group_show']) {
          const res = await callAction(t.app, name, { query: { id: 'tidak-ada-sama-sekali' } });
          expect(res.statusCode, name).toBe(404);
          const body = res.json();
          expect(body.success).toBe(false);
          expect(body.help).toContain(`help_show?name=${name}`);
          expect(body.error.__type).toBe('Not Found Error');
          expect(body.error.message).toMatch(/^Not found: /);
          expect(body).not.toHaveProperty('result');
        }
      });

      it('403 Authorization Error for a write without a token', async () => {
        const res = await callAction(t.app, 'package_create', {
          body: { name: `anon-${uniq()}`, title: 'Anonim', owner_org: 'dinkes' },
        });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({
          success: false,
          error: { __type: 'Authorization Error', message: expect.stringMatching(/^Access denied: /) },
        });
      });

      it('409 Validation Error with the field keys beside __type and no message', async () => {
        const { token } = await userWithToken(t.database, 'custodian');
        const res = await callAction(t.app, 'package_create', {
          token,
          body: { name: 'X Tidak Sah', title: '', owner_org: 'dinkes', license_id: 'tidak-ada' },
        });
        expect(res.statusCode).toBe(409);
        const { error, success } = res.json();
        expect(success).toBe(false);
        expect(error.__type).toBe('Validation Error');
        expect(error).not.toHaveProperty('message');
        for (const field of ['name', 'title', 'license_id']) {
          expect(Array.isArray(error[field]), field).toBe(true);
          expect(typeof error[field][0], field).toBe('string');
        }
      });

      // ckan/logic/__init__.py (2.11.5) L89-96: `ValidationError(errors, error_summary)`; a message
      // given instead of a dict is kept as `error_dict['message']`, and views/api.py L304-307 sends
      // the error dict whole. A refusal that gives its summary keeps it as `message` (issue #19 item 6).
      it('409 Validation Error keeps the summary the refusal gave as `message`, beside the field keys', async () => {
        const { token } = await userWithToken(t.database, 'custodian');
        const made = await resultOf<{ id: string }>(
          callAction(t.app, 'package_create', {
            token,
            body: { name: `tertutup-${uniq()}`, title: 'Tertutup', owner_org: 'dinkes', private: true },
          }),
        );
        await t.database.db
          .updateTable('dataset')
          .set({ classification: 'closed' })
          .where('id', '=', made.id)
          .execute();
        const res = await callAction(t.app, 'package_patch', {
          token,
          query: { lang: 'en' },
          body: { id: made.id, private: false },
        });
        expect(res.statusCode).toBe(409);
        const { error } = res.json();
        expect(error.__type).toBe('Validation Error');
        expect(error.message).toMatch(/^A closed dataset cannot be published: only open data may be public/);
        expect(error.private).toEqual([error.message]);
      });

      it('400 Search Query Error for an fq or a sort the parser refuses', async () => {
        const queries: Record<string, string>[] = [
          { fq: 'organization:"tidak ditutup' },
          { fq: 'metadata_modified:[kemarin TO *]' },
          { fq: 'bidang_tak_dikenal:x' },
          { sort: 'metadata_modified' },
          { sort: 'bukan_kolom desc' },
        ];
        for (const query of queries) {
          const res = await callAction(t.app, 'package_search', { query });
          expect(res.statusCode, JSON.stringify(query)).toBe(400);
          const body = res.json();
          expect(body.success).toBe(false);
          expect(body.error.__type, JSON.stringify(query)).toBe('Search Query Error');
          expect(body.error.message).toMatch(/^Search Query is invalid/);
        }
      });

      it('400 with a bare JSON string for an unknown action, as CKAN does', async () => {
        for (const method of ['GET', 'POST'] as const) {
          const res = await callAction(t.app, 'tidak_ada_aksi', {
            method,
            body: method === 'POST' ? {} : undefined,
          });
          expect(res.statusCode).toBe(400);
          expect(res.json()).toBe('Bad request - Action name not known: tidak_ada_aksi');
        }
      });

      it('400 with a bare JSON string for a body that is not JSON', async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/3/action/package_show',
          headers: { 'content-type': 'application/json' },
          payload: '{"id": ',
        });
        expect(res.statusCode).toBe(400);
        expect(typeof res.json()).toBe('string');
        expect(res.json()).toMatch(/^Bad request - JSON Error: /);
      });

      it('refuses POST-only actions over GET, and runs nothing', async () => {
        const { token } = await userWithToken(t.database, 'custodian');
        const before = await t.database.db
          .selectFrom('dataset')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        for (const name of [
          'package_create',
          'package_update',
          'package_patch',
          'package_delete',
          'resource_create',
          'resource_update',
          'resource_delete',
        ]) {
          const res = await callAction(t.app, name, {
            token,
            method: 'GET',
            query: { id: first.id, name: `via-get-${uniq()}`, title: 'GET', owner_org: 'dinkes' },
          });
          expect(res.statusCode, name).toBe(400);
          expect(typeof res.json(), name).toBe('string');
        }
        const after = await t.database.db
          .selectFrom('dataset')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(after.n)).toBe(Number(before.n));
        expect(
          (await resultOf<{ state: string }>(callAction(t.app, 'package_show', { query: { id: first.id } })))
            .state,
        ).toBe('active');
      });
    });
  });
}
