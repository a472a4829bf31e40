import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { ACTION_REGISTRY } from '../../kernel/actions/registry.js';

for (const kind of DIALECTS) {
  describe(`help_show and the OpenAPI description on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, { SITE_URL: 'https://data.magetan.go.id' });
    });
    afterAll(() => t?.close());

    // ckan/logic/action/get.py (2.11.5) `help_show` L3086: `get_or_bust(data_dict, 'name')`,
    // unknown → `raise NotFound('Action function not found')` L3106, else `return function.__doc__` L3108.
    it('help_show answers the documentation of every action the help links name (get.py help_show)', async () => {
      const first = await t.app.inject({ url: '/api/3/action/package_search' });
      const help = new URL(first.json().help as string);
      expect(help.pathname).toBe('/api/3/action/help_show');
      const res = await t.app.inject({ url: `${help.pathname}${help.search}` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.success).toBe(true);
      expect(typeof body.result).toBe('string');
      expect(body.result).toContain(':param q:');
      expect(body.result).toContain(':param rows:');
      for (const name of Object.keys(ACTION_REGISTRY)) {
        const r = await t.app.inject({ url: `/api/3/action/help_show?name=${name}` });
        expect(r.statusCode, name).toBe(200);
        expect(typeof r.json().result, name).toBe('string');
      }
    });

    it('help_show of an unknown action is 404 Not Found Error; without name a 409 (get_or_bust)', async () => {
      const res = await t.app.inject({ url: '/api/3/action/help_show?name=no_such_action&lang=en' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toEqual({
        __type: 'Not Found Error',
        message: 'Not found: Action function not found',
      });
      const bare = await t.app.inject({ url: '/api/3/action/help_show?lang=en' });
      expect(bare.statusCode).toBe(409);
      expect(bare.json().error).toHaveProperty('name');
    });

    // ckan/views/api.py (2.11.5) `get_api` L347-351: GET /api/3 → {"version": 3}. The /api page
    // links the document.
    it('GET /api/3 answers the API version; /api links the OpenAPI document', async () => {
      const v = await t.app.inject({ url: '/api/3' });
      expect(v.statusCode).toBe(200);
      expect(v.json()).toEqual({ version: 3 });
      const page = await t.app.inject({ url: '/api' });
      expect(page.body).toContain('href="/api/openapi.json"');
    });

    it('serves an OpenAPI 3.1 document that validates and lists every action', async () => {
      const res = await t.app.inject({ url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const doc = res.json();
      const validator = new Validator();
      const outcome = await validator.validate(doc);
      expect(outcome.errors ?? []).toEqual([]);
      expect(outcome.valid).toBe(true);
      expect(doc.servers).toEqual([{ url: 'https://data.magetan.go.id' }]);
      const paths = Object.keys(doc.paths);
      for (const name of Object.keys(ACTION_REGISTRY)) {
        expect(paths, name).toContain(`/api/3/action/${name}`);
        expect(doc.components.schemas, name).toHaveProperty(name);
      }
      expect(paths).toHaveLength(Object.keys(ACTION_REGISTRY).length);
      // Reads take GET with query parameters; writes only POST, with the API token.
      expect(
        doc.paths['/api/3/action/package_search'].get.parameters.map((p: { name: string }) => p.name),
      ).toContain('rows');
      expect(doc.paths['/api/3/action/package_create'].get).toBeUndefined();
      expect(doc.paths['/api/3/action/package_create'].post.security).toEqual([{ ApiToken: [] }]);
    });
  });
}
