import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf, uniq } from '../../../test/support/catalog-fixtures.js';
import {
  type Pkg,
  postAction,
  setUpWriteApi,
  type WriteApi,
} from '../../../test/support/ckan-write-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';

type Dict = Record<string, unknown> & { id: string };

for (const kind of DIALECTS) {
  describe(`package_search results equal package_show on ${kind}`, () => {
    let w: WriteApi;
    const tag = `setara${uniq()}`;

    beforeAll(async () => {
      w = await setUpWriteApi(kind);
      for (const [i, resources] of [
        [],
        [{ name: 'Tabel', url: 'https://data.example.go.id/a.csv', format: 'CSV' }],
      ].entries())
        await resultOf<Pkg>(
          postAction(
            w.t,
            'package_create',
            {
              name: `setara-${i}-${uniq()}`,
              title: `Setara ${i}`,
              owner_org: 'dinkes',
              private: false,
              tags: [tag],
              resources,
            },
            w.custodian,
          ),
        );
    });
    afterAll(() => w?.t.close());

    // ckan/logic/action/get.py (2.11.5) `package_search` L1699 (L1874-1876, L1927-1939): the
    // results are the validated package_show
    // dicts CKAN indexed (`data_dict` from the index), so each equals package_show's — here
    // including what the metadata module adds (`sdi_conformity_score`), computed per page.
    it('each dict of a page deep-equals package_show, sdi_conformity_score included', async () => {
      const page = await resultOf<{ results: Dict[] }>(
        callAction(w.t.app, 'package_search', { query: { fq: `tags:${tag}`, rows: 10 } }),
      );
      expect(page.results).toHaveLength(2);
      for (const r of page.results) {
        const shown = await resultOf<Dict>(callAction(w.t.app, 'package_show', { query: { id: r.id } }));
        expect(typeof shown.sdi_conformity_score).toBe('number');
        expect(r).toEqual(shown);
      }
      const current = await resultOf<Dict[]>(
        callAction(w.t.app, 'current_package_list_with_resources', { query: { limit: 1000 } }),
      );
      for (const r of page.results) expect(current.find((c) => c.id === r.id)).toEqual(r);
    });
  });
}
