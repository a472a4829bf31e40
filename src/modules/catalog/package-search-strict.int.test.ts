import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction } from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

for (const kind of DIALECTS) {
  describe(`package_search parameters a strict CKAN client notices on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t?.close());

    // CKAN 2.11.5 ckan/lib/search/query.py `run` L381-383: parameters outside VALID_SOLR_PARAMETERS
    // (L30) raise SearchQueryError("Invalid search parameters: %s" % invalid_params) → views/api.py
    // L312-316: 400 Search Query Error, message `'Search Query is invalid: %r' % e.args`.
    it('an unknown parameter is a 400 Search Query Error; Solr, ext_* and lang are accepted', async () => {
      const res = await t.app.inject({ url: '/api/3/action/package_search?q=x&bogus=1' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({
        __type: 'Search Query Error',
        message: `Search Query is invalid: "Invalid search parameters: ['bogus']"`,
      });
      for (const q of ['defType=edismax', 'ext_bbox=1,2,3,4', 'lang=en', 'fl=id,name', 'qf=title'])
        expect((await t.app.inject({ url: `/api/3/action/package_search?${q}` })).statusCode, q).toBe(200);
    });

    // ckan/logic/schema.py (2.11.5) default_package_search_schema L672, L691: 'facet.field': [convert_to_json_if_string,
    // list_of_strings] → a value that is not a JSON list is a 409 Validation Error.
    it('a facet.field that is not a JSON list is a 409 Validation Error', async () => {
      const res = await t.app.inject({ url: '/api/3/action/package_search?facet.field=tags' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.__type).toBe('Validation Error');
      expect(res.json().error).toHaveProperty(['facet.field']);
      const ok = await callAction(t.app, 'package_search', { query: { 'facet.field': ['tags'] } });
      expect(ok.statusCode).toBe(200);
    });
  });
}
