/**
 * Issue #13 leftovers on both engines: unmet public data requests become next year's proposals,
 * Romantik's FS3 date, letter and 30-working-day overdue, linking a row to its data standard and
 * statistical activity from the page, and the workspace home's way to the planning pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { multipartBody } from '../../../test/support/catalog-fixtures.js';
import { ctxOf } from '../../../test/support/flow-fixtures.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { mutate } from '../../kernel/actions/context.js';
import { defaultWorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { Agency } from '../../kernel/db/schema.js';
import { taskComplete } from '../workflows/actions/task-complete.js';
import {
  regionWorkflowSet,
  workflowDefinitionShow,
} from '../workflows/actions/workflow-definition-actions.js';
import { JAWA_TENGAH_FORUM_DATA, MAGETAN_STATISTIK_SEKTORAL } from '../workflows/domain/presets/index.js';
import { insertSubject, startInstance } from '../workflows/index.js';
import { forumDecisionRecord, forumMeetingCreate } from './actions/forum.js';
import { dataListItemCreate } from './actions/items.js';
import { dataProposalFromRequests, dataProposalModerate } from './actions/proposals.js';
import { dataListEnact, planningRecordGenerate } from './actions/records.js';

let seq = 0;

for (const kind of DIALECTS) {
  describe(`planning leftovers on ${kind}`, () => {
    let t: TestApp;
    let agencies: Agency[];
    let idle: Agency;
    let custodian: Actor;
    let custodianCookie = '';
    let producerCookie = '';
    let otherProducerCookie = '';
    let supervisorCookie = '';
    const as = (a: Actor) => ctxOf(t.database, a);

    beforeAll(async () => {
      t = await createTestApp(kind);
      agencies = [
        await buildAgency(t.database, { name: 'Dinas Kesehatan Sisa' }),
        await buildAgency(t.database, { name: 'Dinas Pendidikan Sisa' }),
        await buildAgency(t.database, { name: 'Dinas Pertanian Sisa' }),
      ];
      // An agency with no row in any list: no collection task may reach it.
      idle = await buildAgency(t.database, { name: 'Dinas Tanpa Baris' });
      const c = await buildUser(t.database, { roles: ['custodian'] });
      custodian = c.actor;
      custodianCookie = await login(t.app, c.user.username, TEST_PASSWORD);
      const p = await buildUser(t.database, { roles: ['producer'], agencyId: agencies[0]?.id });
      producerCookie = await login(t.app, p.user.username, TEST_PASSWORD);
      const o = await buildUser(t.database, { roles: ['producer'], agencyId: agencies[1]?.id });
      otherProducerCookie = await login(t.app, o.user.username, TEST_PASSWORD);
      const s = await buildUser(t.database, { roles: ['supervisor'] });
      supervisorCookie = await login(t.app, s.user.username, TEST_PASSWORD);
    });
    afterAll(() => t?.close());

    async function request(over: {
      state: 'open' | 'delivered' | 'not_available';
      outcome: 'not_held' | 'exempt' | 'not_yet_produced' | 'delivered_file' | null;
      answered: string | null;
      asked: string;
      agencyId?: string;
    }) {
      seq++;
      return t.database.db
        .insertInto('data_request')
        .values({
          code: `PD-SISA${String(seq).padStart(2, '0')}${kind === 'pglite' ? 'L' : 'P'}`,
          status_secret: `secret-secret-secret-${seq}`,
          requester_name: 'Pemohon Rahasia',
          email: 'pemohon.rahasia@contoh.test',
          asked: over.asked,
          purpose: 'Penelitian',
          period: '2030',
          delivery: 'file',
          state: over.state,
          outcome: over.outcome,
          answered_at: over.answered ? new Date(over.answered) : null,
          agency_id: over.agencyId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    }

    async function formPost(
      url: string,
      form: Record<string, string>,
      from: string,
      cookie = custodianCookie,
    ) {
      const page = await t.app.inject({ url: from, headers: { cookie } });
      const jar = cookieHeader(page, cookie);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...form }).toString(),
      });
    }

    it('unmet public data requests become proposals for the next year, once each', async () => {
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

    it('Romantik: the agency records its FS3, BPS answers with its letter, 30 working days make it overdue', async () => {
      const activity = async (title: string, agencyId: string, fs3: string | null) =>
        t.database.db
          .insertInto('statistical_activity')
          .values({
            title,
            agency_id: agencyId,
            ms_keg: '{}',
            fs3_submitted_on: fs3,
            recommendation_status: fs3 ? 'submitted' : 'none',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      const survey = await activity('Survei Kepuasan Layanan Puskesmas', agencies[0]?.id as string, null);
      // Submitted long ago (2020) and never answered: far past 30 working days.
      await activity('Survei Gizi Balita', agencies[0]?.id as string, '2020-01-06');
      await activity('Kompilasi Data Sekolah', agencies[1]?.id as string, null);

      // A producer sees its own agency's activities and records the FS3 of one.
      const page = await t.app.inject({ url: '/workspace/romantik', headers: { cookie: producerCookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Survei Kepuasan Layanan Puskesmas');
      expect(page.body).not.toContain('Kompilasi Data Sekolah');
      expect(page.body).toMatch(/data-activity="Survei Gizi Balita" data-state="overdue"/);
      expect(page.body).toContain('Terlambat: BPS belum menjawab dalam 30 hari kerja');
      const today = new Date().toISOString().slice(0, 10);
      const fs3 = await formPost(
        `/workspace/romantik/${survey.id}/fs3`,
        { submitted_on: today },
        '/workspace/romantik',
        producerCookie,
      );
      expect(fs3.statusCode).toBe(303);
      const after = await t.app.inject({ url: '/workspace/romantik', headers: { cookie: producerCookie } });
      expect(after.body).toMatch(/data-activity="Survei Kepuasan Layanan Puskesmas" data-state="waiting"/);
      // Another agency's producer may not record it.
      const refused = await formPost(
        `/workspace/romantik/${survey.id}/fs3`,
        { submitted_on: today },
        '/workspace/romantik',
        otherProducerCookie,
      );
      expect(refused.statusCode).toBe(403);

      // BPS answers with the signed letter; a recommendation without number and date is refused.
      const form = await t.app.inject({ url: '/workspace/romantik', headers: { cookie: supervisorCookie } });
      const jar = cookieHeader(form, supervisorCookie);
      const letter = Buffer.from('%PDF-1.4 surat rekomendasi uji');
      const send = (fields: Record<string, string>) => {
        const body = multipartBody(
          { _csrf: csrfFrom(form.body), id: survey.id, ...fields },
          { field: 'upload', name: 'rekomendasi-bps.pdf', type: 'application/pdf', content: letter },
        );
        return t.app.inject({
          method: 'POST',
          url: '/workspace/romantik/rekomendasi',
          headers: { ...body.headers, cookie: jar },
          payload: body.payload,
        });
      };
      const incomplete = await send({ status: 'recommended', number: '', date: '' });
      expect(incomplete.statusCode).toBe(400);
      expect(incomplete.body).toContain('Nomor dan tanggal surat rekomendasi wajib diisi');
      const ok = await send({
        status: 'recommended',
        number: 'B-123/BPS/2026',
        date: today,
        activity_code: 'KEG-3520-01',
      });
      expect(ok.statusCode).toBe(303);
      const saved = await t.database.db
        .selectFrom('statistical_activity')
        .select(['recommendation_status', 'recommendation_letter_name', 'activity_code'])
        .where('id', '=', survey.id)
        .executeTakeFirstOrThrow();
      expect(saved).toEqual({
        recommendation_status: 'recommended',
        recommendation_letter_name: 'rekomendasi-bps.pdf',
        activity_code: 'KEG-3520-01',
      });
      // The agency downloads the letter BPS kept; another agency may not.
      const download = await t.app.inject({
        url: `/workspace/romantik/${survey.id}/surat`,
        headers: { cookie: producerCookie },
      });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(letter)).toBe(true);
      const foreign = await t.app.inject({
        url: `/workspace/romantik/${survey.id}/surat`,
        headers: { cookie: otherProducerCookie },
      });
      expect(foreign.statusCode).toBe(404);
    });

    /** A list of `year` over the three agencies, agreed by the forum, recorded and enacted by `who`. */
    async function enactOverThree(year: number, who: Actor) {
      const ids: string[] = [];
      for (const [n, a] of agencies.entries())
        ids.push(
          (
            await executeAction(as(who), dataListItemCreate, {
              year,
              id_ddd: `${year}.${n}`,
              data_name: `Data ${n}`,
              kind: 'statistik',
              agency_id: a.id,
              risk_class: 'terbuka',
              update_schedule: 'tahunan',
            })
          ).id,
        );
      const m = await executeAction(as(who), forumMeetingCreate, {
        year,
        title: `Forum ${year}`,
        held_on: `${year - 1}-11-01`,
      });
      for (const id of ids)
        await executeAction(as(who), forumDecisionRecord, {
          meeting_id: m.id,
          item_id: id,
          decision: 'agreed',
        });
      await executeAction(as(who), planningRecordGenerate, { year, kind: 'berita_acara', meeting_id: m.id });
      return executeAction(as(who), dataListEnact, { year, decree_number: `SK/${year}` });
    }

    const openTasks = (instanceId: string) =>
      t.database.db
        .selectFrom('workflow_task')
        .select(['id', 'step_id', 'agency_id'])
        .where('instance_id', '=', instanceId)
        .where('state', '=', 'open')
        .execute();

    it('Central Java step 6 fans out: one collection task per agency of the enacted list', async () => {
      const admin = (await buildUser(t.database, { roles: ['administrator'] })).actor;
      const stored = (await executeAction(as(admin), workflowDefinitionShow, {
        key: JAWA_TENGAH_FORUM_DATA.key,
      })) as { id: string };
      await executeAction(as(admin), regionWorkflowSet, {
        process_kind: 'data_list_cycle',
        definition_id: stored.id,
      });
      const enacted = await enactOverThree(2050, custodian);
      const open = await openTasks(enacted.instance_id as string);
      expect(open.map((x) => x.step_id)).toEqual([
        'collect_process_analyse',
        'collect_process_analyse',
        'collect_process_analyse',
      ]);
      expect(open.map((x) => x.agency_id).sort()).toEqual(agencies.map((a) => a.id).sort());
      // One agency's data in does not open the forum: it waits for the other two.
      await executeAction(as(custodian), taskComplete, {
        id: open[0]?.id,
        outcome: 'done',
        note: 'Data masuk',
      });
      const after = await openTasks(enacted.instance_id as string);
      expect(after.map((x) => x.step_id)).toEqual(['collect_process_analyse', 'collect_process_analyse']);
      expect(after.map((x) => x.agency_id)).not.toContain(idle.id);
    });

    it('Magetan step 2b fans out only to the agencies with rows in the agreed list', async () => {
      const secretariat = (await buildUser(t.database, { roles: ['secretariat'] })).actor;
      const supervisor = (await buildUser(t.database, { roles: ['supervisor'] })).actor;
      const year = 2051;
      // The year's cycle run of Magetan's SOP waits at step 1b (agreeing the list).
      const run = await mutate(as(secretariat), async (trx, audit) => {
        const subject = await insertSubject(trx, {
          kind: 'data_list_cycle',
          title: `Daftar Data ${year}`,
          year,
          agency_id: null,
          created_by: secretariat.userId,
        });
        return startInstance(
          {
            trx,
            audit,
            actor: secretariat,
            calendar: defaultWorkingCalendar(),
            now: new Date(),
            siteUrl: '',
          },
          {
            definitionId: null,
            definition: MAGETAN_STATISTIK_SEKTORAL,
            subjectType: 'data_list_cycle',
            subjectId: subject.id,
            subjectTitle: `Daftar Data ${year}`,
            agencyId: null,
            atStep: 'agree_data_list',
          },
        );
      });
      await enactOverThree(year, secretariat);
      const [recommend] = await openTasks(run.instance.id);
      expect(recommend?.step_id).toBe('recommend_collection');
      await executeAction(as(supervisor), taskComplete, {
        id: recommend?.id,
        outcome: 'done',
        note: 'Rekomendasi',
      });
      const collect = await openTasks(run.instance.id);
      expect(collect.map((x) => x.step_id)).toEqual(['collect_data', 'collect_data', 'collect_data']);
      expect(collect.map((x) => x.agency_id).sort()).toEqual(agencies.map((a) => a.id).sort());
    });

    it("links a row to its data standard and its agency's statistical activity from the year page", async () => {
      const year = 2052;
      const row = await executeAction(as(custodian), dataListItemCreate, {
        year,
        id_ddd: '52.01',
        data_name: 'Jumlah Posyandu',
        kind: 'statistik',
        agency_id: agencies[0]?.id,
        risk_class: 'terbuka',
        update_schedule: 'tahunan',
      });
      const standard = await t.database.db
        .insertInto('data_standard')
        .values({
          name: `posyandu-${kind}`,
          title: 'Standar Posyandu',
          concept: 'Posyandu',
          definition: 'Pos pelayanan terpadu',
          source_kind: 'regional',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const own = await t.database.db
        .insertInto('statistical_activity')
        .values({ title: 'Pendataan Posyandu', agency_id: agencies[0]?.id as string, ms_keg: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const foreign = await t.database.db
        .insertInto('statistical_activity')
        .values({ title: 'Pendataan Sekolah', agency_id: agencies[1]?.id as string, ms_keg: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const url = `/workspace/daftar-data/${year}`;
      const page = await t.app.inject({ url, headers: { cookie: custodianCookie } });
      // The row's form offers the standards and only its own agency's activities.
      expect(page.body).toContain(`action="${url}/items/${row.id}/links"`);
      expect(page.body).toContain('Pendataan Posyandu');
      expect(page.body).not.toContain('Pendataan Sekolah');
      const refused = await formPost(
        `${url}/items/${row.id}/links`,
        { data_standard_id: standard.id, statistical_activity_id: foreign.id },
        url,
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Kegiatan statistik harus milik perangkat daerah produsen baris ini');
      const ok = await formPost(
        `${url}/items/${row.id}/links`,
        { data_standard_id: standard.id, statistical_activity_id: own.id },
        url,
      );
      expect(ok.statusCode).toBe(303);
      const saved = await t.database.db
        .selectFrom('data_list_item')
        .select(['data_standard_id', 'statistical_activity_id'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      expect(saved).toEqual({ data_standard_id: standard.id, statistical_activity_id: own.id });
      const shown = await t.app.inject({ url, headers: { cookie: custodianCookie } });
      expect(shown.body).toMatch(/Standar Posyandu; Pendataan Posyandu/);
      // Choosing "(none)" unlinks.
      await formPost(
        `${url}/items/${row.id}/links`,
        { data_standard_id: '', statistical_activity_id: '' },
        url,
      );
      expect(
        await t.database.db
          .selectFrom('data_list_item')
          .select(['data_standard_id', 'statistical_activity_id'])
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ data_standard_id: null, statistical_activity_id: null });
    });

    it('the workspace home leads a producer, the custodian and BPS to the planning pages', async () => {
      for (const cookie of [producerCookie, custodianCookie, supervisorCookie]) {
        const home = await t.app.inject({ url: '/workspace', headers: { cookie } });
        expect(home.statusCode).toBe(200);
        expect(home.body).toContain('href="/workspace/daftar-data"');
        expect(home.body).toContain('href="/workspace/romantik"');
        for (const to of ['/workspace/daftar-data', '/workspace/romantik']) {
          const res = await t.app.inject({ url: to, headers: { cookie } });
          expect([200, 302]).toContain(res.statusCode);
        }
      }
    });

    it('imports a reference indicator list as needs, refusing a bad file whole with its rows and columns', async () => {
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
