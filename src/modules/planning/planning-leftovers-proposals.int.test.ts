/**
 * Issue #13 leftovers on both engines, the proposals side: unmet public data requests become next
 * year's proposals, and a reference indicator list is imported as needs. Set-up: planning-leftovers.fixture.ts.
 */
import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../../test/support/catalog-fixtures.js';
import { cookieHeader, csrfFrom } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import { dataProposalFromRequests, dataProposalModerate } from './actions/proposals.js';
import { leftoversWorld } from './planning-leftovers.fixture.js';

for (const kind of DIALECTS) {
  describe(`planning leftovers on ${kind}`, () => {
    const w = leftoversWorld(kind);

    it('unmet public data requests become proposals for the next year, once each', async () => {
      const { t, agencies, custodian, custodianCookie, as, request, formPost } = w;
      await request({
        state: 'not_available',
        outcome: 'not_yet_produced',
        answered: '2040-06-01T03:00:00Z',
        asked: 'Jumlah bank sampah per desa',
        agencyId: agencies[0]?.id,
      });
      await request({
        state: 'not_available',
        outcome: 'not_held',
        answered: '2040-03-01T03:00:00Z',
        asked: 'Jumlah pelaku UMKM digital',
      });
      // Not a need for a list row: withheld by law, delivered, still open, or answered in the list's own year.
      await request({
        state: 'not_available',
        outcome: 'exempt',
        answered: '2040-05-01T03:00:00Z',
        asked: 'Data pribadi pasien',
      });
      await request({
        state: 'delivered',
        outcome: 'delivered_file',
        answered: '2040-05-01T03:00:00Z',
        asked: 'Data terkirim',
      });
      await request({ state: 'open', outcome: null, answered: null, asked: 'Masih diproses' });
      await request({
        state: 'not_available',
        outcome: 'not_yet_produced',
        answered: '2041-02-01T03:00:00Z',
        asked: 'Dijawab tahun berjalan',
      });

      // The custodian is offered them on the year's page and takes them with one button.
      const page = await t.app.inject({
        url: '/workspace/daftar-data/2041',
        headers: { cookie: custodianCookie },
      });
      expect(page.body).toContain('id="unmet-requests"');
      expect(page.body).toMatch(/2 permintaan data publik/);
      const res = await formPost(
        '/workspace/daftar-data/2041/requests-to-proposals',
        {},
        '/workspace/daftar-data/2041',
      );
      expect(res.statusCode).toBe(303);
      const rows = await t.database.db
        .selectFrom('data_proposal')
        .selectAll()
        .where('year', '=', 2041)
        .orderBy('data_name')
        .execute();
      expect(rows.map((r) => [r.source, r.data_name, r.agency_id])).toEqual([
        ['data_request', 'Jumlah bank sampah per desa', agencies[0]?.id],
        ['data_request', 'Jumlah pelaku UMKM digital', null],
      ]);
      // The requester's personal data stays with the request.
      expect(JSON.stringify(rows)).not.toMatch(/Pemohon Rahasia|pemohon\.rahasia/);
      expect(rows[0]?.planning_document).toMatch(/^Permintaan data PD-SISA/);
      // Taking them again adds nothing, and the page no longer offers them.
      expect(await executeAction(as(custodian), dataProposalFromRequests, { year: 2041 })).toMatchObject({
        proposals: 0,
      });
      const again = await t.app.inject({
        url: '/workspace/daftar-data/2041',
        headers: { cookie: custodianCookie },
      });
      expect(again.body).not.toContain('id="unmet-requests"');
      // A proposal from a request is moderated like any other into a planned row.
      const moderated = await executeAction(as(custodian), dataProposalModerate, {
        id: rows[0]?.id,
        decision: 'accept',
        id_ddd: '41.01',
      });
      expect(moderated.state).toBe('accepted');
    });

    it('imports a reference indicator list as needs, refusing a bad file whole with its rows and columns', async () => {
      const { t, agencies, custodianCookie } = w;
      const url = '/workspace/daftar-data/2053';
      const upload = async (csv: string) => {
        const page = await t.app.inject({ url, headers: { cookie: custodianCookie } });
        const body = multipartBody(
          { _csrf: csrfFrom(page.body) },
          { field: 'file', name: 'indikator.csv', type: 'text/csv', content: Buffer.from(csv) },
        );
        return t.app.inject({
          method: 'POST',
          url: `${url}/needs-import`,
          headers: { ...body.headers, cookie: cookieHeader(page, custodianCookie) },
          payload: body.payload,
        });
      };
      const bad = await upload(
        [
          'Kode Indikator,Nama Indikator,Sumber Referensi,Produsen Data',
          '1.1,Angka Harapan Hidup,RPJMD 2025-2029,Dinas Kesehatan Sisa',
          ',Tanpa kode,SDGs,',
          '1.1,Duplikat,RPJMD 2025-2029,',
          '3.2,Rasio guru murid,SPM,Dinas Tidak Ada',
        ].join('\n'),
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('id="import-problems"');
      const report = bad.body.slice(bad.body.indexOf('id="import-problems"'));
      for (const [row, column] of [
        ['3', 'Kode Indikator'],
        ['4', 'Kode Indikator'],
        ['5', 'Produsen Data'],
      ])
        expect(report).toMatch(new RegExp(`<td>${row}</td><td>${column}</td>`));
      const none = await t.database.db
        .selectFrom('data_proposal')
        .select('id')
        .where('year', '=', 2053)
        .execute();
      expect(none).toEqual([]);
      const good = [
        'Sumber Referensi;Kode Indikator;Nama Indikator;Produsen Data;Keterangan',
        'RPJMD 2025-2029;1.1;Angka Harapan Hidup;Dinas Kesehatan Sisa;IKU bidang kesehatan',
        'SDGs;4.1.1;Proporsi anak yang mencapai kemahiran membaca;;',
      ].join('\n');
      expect((await upload(good)).statusCode).toBe(303);
      const rows = await t.database.db
        .selectFrom('data_proposal')
        .select(['source', 'data_name', 'planning_document', 'agency_id', 'description'])
        .where('year', '=', 2053)
        .orderBy('data_name')
        .execute();
      expect(rows).toEqual([
        {
          source: 'need',
          data_name: 'Angka Harapan Hidup',
          planning_document: 'RPJMD 2025-2029',
          agency_id: agencies[0]?.id,
          description: 'Kode indikator: 1.1\nIKU bidang kesehatan',
        },
        {
          source: 'need',
          data_name: 'Proporsi anak yang mencapai kemahiran membaca',
          planning_document: 'SDGs',
          agency_id: null,
          description: 'Kode indikator: 4.1.1',
        },
      ]);
      // The same list again adds nothing.
      expect((await upload(good)).statusCode).toBe(303);
      expect(
        await t.database.db.selectFrom('data_proposal').select('id').where('year', '=', 2053).execute(),
      ).toHaveLength(2);
    });
  });
}
