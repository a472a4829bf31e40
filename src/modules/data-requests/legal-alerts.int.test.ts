/**
 * Issue #14, item 4 and retention (item 1) on both engines, on a fixed clock: before the legal
 * due date the assigned staff member is reminded (once), once it has passed the request escalates
 * to the sub-coordinator and the superior of the information officer (once), an extension's new
 * due date is reminded again, an objection's clock too; and the retention sweep erases the
 * personal fields of requests answered longer ago than the region's setting while the statistics
 * stay — all through the periodic job `data_request_sweep`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import '../../../test/support/install-modules.js';
import { ctxOf } from '../../../test/support/flow-fixtures.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { type Actor, ANONYMOUS } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { JobRunner } from '../../kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';
import { dataRequestCreate, dataRequestVerify } from './actions/request-create.js';
import { dataRequestAssign, dataRequestExtend, dataRequestRoute } from './actions/request-handle.js';
import { dataRequestList } from './actions/request-read.js';
import { dataRequestObject } from './actions/request-requester.js';
import { setServiceClock } from './clock.js';
import { requestServiceFigures } from './figures.js';
import { sendLegalAlerts } from './legal-alerts.js';
import { alertsOf } from './legal-alerts.repository.js';
import { purgeExpiredPersonal } from './retention.js';
import { loadRequestSettings, saveRequestSettings } from './settings.js';
import { loadStaffDetail } from './staff-view.js';
import { DATA_REQUEST_SWEEP_JOB, scheduleDataRequestSweep } from './sweep-job.js';

const wib = (local: string) => new Date(`${local}+07:00`);
const SITE = 'https://data.banyuwangi.test';

for (const kind of DIALECTS) {
  describe(`legal-clock alerts and retention on ${kind}`, () => {
    let t: TestDatabase;
    const u: Record<string, { id: string; actor: Actor }> = {};
    let n = 0;
    let agencyA = '';
    const db = () => t.database.db;
    const as = (actor: Actor) => ({ ...ctxOf(t.database, actor), ip: `10.9.0.${++n}` });

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      for (const [name, roles] of [
        ['sub', ['custodian']],
        ['staff', ['custodian']],
        ['other', ['custodian']],
        ['kadis', ['leader']],
      ] as const) {
        const b = await buildUser(t.database, { roles: [...roles] });
        u[name] = { id: b.user.id, actor: b.actor };
        await db()
          .updateTable('app_user')
          .set({ email: `${name}@banyuwangi.test` })
          .where('id', '=', b.user.id)
          .execute();
      }
      agencyA = (await buildAgency(t.database)).id;
      const agencyB = (await buildAgency(t.database)).id;
      for (const [name, agencyId] of [
        ['pA', agencyA],
        ['pB', agencyB],
      ] as const) {
        const b = await buildUser(t.database, { roles: ['producer'], agencyId });
        u[name] = { id: b.user.id, actor: b.actor };
      }
      // The SOP's sub-coordinator holds the position; the other two are plain staff.
      await db()
        .insertInto('user_position')
        .values({ user_id: u.sub?.id as string, role: 'custodian', position: 'sub_coordinator' })
        .execute();
    });
    afterAll(() => t?.drop());
    afterEach(() => setServiceClock(null));

    /** File and confirm a request at `at`; returns its id, code and secret. */
    async function fileAt(at: Date, asked = 'Jumlah sekolah dasar per kecamatan tahun 2025') {
      setServiceClock(at);
      const out = await executeAction(as(ANONYMOUS), dataRequestCreate, {
        name: 'Dewi Pemohon',
        email: `dewi${++n}@contoh.test`,
        phone: '081234500000',
        organisation: 'Lembaga Kajian',
        asked,
        purpose: 'Penelitian',
        delivery: 'file',
      });
      const mail = await db()
        .selectFrom('mail_outbox')
        .select('body')
        .where('subject', 'like', `%${out.code}%`)
        .executeTakeFirstOrThrow();
      const secret = /\?s=([\w-]+)/.exec(mail.body)?.[1] ?? '';
      await executeAction(as(ANONYMOUS), dataRequestVerify, { code: out.code, secret });
      const list = (await executeAction(as(u.sub?.actor as Actor), dataRequestList, {})) as unknown as {
        id: string;
        code: string;
      }[];
      return { id: list.find((x) => x.code === out.code)?.id as string, code: out.code, secret };
    }
    /** The legal-clock notices about `code` (workflow step notices link to /tugas instead). */
    const noticesOf = async (who: string, code: string) =>
      (
        await db()
          .selectFrom('notification')
          .select(['title', 'link'])
          .where('user_id', '=', u[who]?.id as string)
          .execute()
      ).filter((x) => x.title.includes(code) && x.link.startsWith('/kerja/permintaan-data/'));
    const mailsTo = async (who: string, code: string) =>
      (
        await db()
          .selectFrom('mail_outbox')
          .select(['subject', 'body'])
          .where('to_address', '=', `${who}@banyuwangi.test`)
          .execute()
      ).filter((m) => m.subject.includes(code) && m.body.includes('/kerja/permintaan-data/'));

    it('reminds the assigned staff member once before the due date, then escalates once when overdue', async () => {
      // Filed Monday 5 Oct 2026, 09:00 WIB: due at the close of the 10th working day, Mon 19 Oct 15:00.
      const r = await fileAt(wib('2026-10-05T09:00:00'));
      await executeAction(as(u.sub?.actor as Actor), dataRequestAssign, {
        id: r.id,
        assignee_id: u.staff?.id,
        note: '',
      });

      expect(await sendLegalAlerts(db(), wib('2026-10-12T10:00:00'), SITE)).toEqual({
        reminders: 0,
        escalations: 0,
      });

      // Two working days left (Fri 16 Oct): the assigned staff member, and only she, is reminded.
      expect(await sendLegalAlerts(db(), wib('2026-10-16T10:00:00'), SITE)).toEqual({
        reminders: 1,
        escalations: 0,
      });
      const reminded = await noticesOf('staff', r.code);
      expect(reminded).toHaveLength(1);
      expect(reminded[0]?.title).toContain('Pengingat');
      expect(reminded[0]?.link).toBe(`/kerja/permintaan-data/${r.id}`);
      const mail = await mailsTo('staff', r.code);
      expect(mail).toHaveLength(1);
      expect(mail[0]?.body).toContain('19 Okt 2026');
      expect(mail[0]?.body).toContain(`${SITE}/kerja/permintaan-data/${r.id}`);
      for (const who of ['other', 'sub', 'kadis']) expect(await noticesOf(who, r.code)).toHaveLength(0);

      // Idempotent: the same moment, or later before the due time, sends nothing more.
      expect(await sendLegalAlerts(db(), wib('2026-10-16T10:00:00'), SITE)).toEqual({
        reminders: 0,
        escalations: 0,
      });
      expect(await sendLegalAlerts(db(), wib('2026-10-19T14:00:00'), SITE)).toEqual({
        reminders: 0,
        escalations: 0,
      });
      expect(await noticesOf('staff', r.code)).toHaveLength(1);

      // At the due instant it is still on time; after it, it escalates to the sub-coordinator and the leader.
      expect(await sendLegalAlerts(db(), wib('2026-10-19T15:00:00'), SITE)).toEqual({
        reminders: 0,
        escalations: 0,
      });
      expect(await sendLegalAlerts(db(), wib('2026-10-20T09:00:00'), SITE)).toEqual({
        reminders: 0,
        escalations: 1,
      });
      expect(await sendLegalAlerts(db(), wib('2026-10-21T09:00:00'), SITE)).toEqual({
        reminders: 0,
        escalations: 0,
      });
      for (const who of ['sub', 'kadis']) {
        const escalated = await noticesOf(who, r.code);
        expect(escalated).toHaveLength(1);
        expect(escalated[0]?.title).toContain('Terlambat');
        expect(await mailsTo(who, r.code)).toHaveLength(1);
      }
      expect(await noticesOf('staff', r.code)).toHaveLength(1);
      expect(await noticesOf('other', r.code)).toHaveLength(0);
      const alerts = await alertsOf(db(), r.id);
      expect(alerts.map((a) => [a.clock, a.kind, a.recipients])).toEqual([
        ['answer', 'reminder', 1],
        ['answer', 'escalation', 2],
      ]);
      // The staff page lists what was sent.
      const { detail } = await loadStaffDetail(db(), u.sub?.actor as Actor, r.id);
      expect(detail.alerts.map((a) => `${a.clock}/${a.kind}/${a.recipients}`)).toEqual([
        'answer/reminder/1',
        'answer/escalation/2',
      ]);
      const audited = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', r.id)
        .where('action', 'in', ['data_request_reminder', 'data_request_escalation'])
        .execute();
      expect(audited.map((a) => a.action).sort()).toEqual([
        'data_request_escalation',
        'data_request_reminder',
      ]);
    });

    it('while the agency holds the request, its producers are reminded with the assigned staff member, not another agency’s', async () => {
      // Filed Mon 2 Nov 2026, due Mon 16 Nov 15:00; routed to agency A.
      const r = await fileAt(wib('2026-11-02T09:00:00'), 'Data jumlah koperasi aktif per kecamatan');
      await executeAction(as(u.sub?.actor as Actor), dataRequestAssign, {
        id: r.id,
        assignee_id: u.staff?.id,
        note: '',
      });
      await executeAction(as(u.staff?.actor as Actor), dataRequestRoute, {
        id: r.id,
        agency_id: agencyA,
        note: '',
      });
      await sendLegalAlerts(db(), wib('2026-11-13T10:00:00'), SITE);
      expect((await alertsOf(db(), r.id)).map((a) => [a.kind, a.recipients])).toEqual([['reminder', 2]]);
      for (const who of ['staff', 'pA']) expect(await noticesOf(who, r.code)).toHaveLength(1);
      for (const who of ['pB', 'sub', 'other', 'kadis']) expect(await noticesOf(who, r.code)).toHaveLength(0);
    });

    it('before anyone is assigned the handlers are reminded; an extension earns a new reminder, not an escalation', async () => {
      const r = await fileAt(wib('2026-10-05T09:30:00'), 'Data panjang jalan kabupaten menurut kondisi');
      expect(await sendLegalAlerts(db(), wib('2026-10-16T10:00:00'), SITE)).toMatchObject({ reminders: 1 });
      for (const who of ['sub', 'staff', 'other']) expect(await noticesOf(who, r.code)).toHaveLength(1);
      expect(await noticesOf('kadis', r.code)).toHaveLength(0);

      setServiceClock(wib('2026-10-16T11:00:00'));
      await executeAction(as(u.sub?.actor as Actor), dataRequestExtend, {
        id: r.id,
        reason: 'Data ada di dua perangkat daerah',
      });
      // Extended to Wed 28 Oct 15:00: nothing is overdue on 20 Oct; two working days before, a new reminder.
      expect(await sendLegalAlerts(db(), wib('2026-10-20T10:00:00'), SITE)).toMatchObject({
        reminders: 0,
        escalations: 0,
      });
      expect(await sendLegalAlerts(db(), wib('2026-10-27T10:00:00'), SITE)).toMatchObject({ reminders: 1 });
      expect(await noticesOf('staff', r.code)).toHaveLength(2);
      expect((await mailsTo('staff', r.code)).at(-1)?.body).toContain('diperpanjang 7 hari kerja');
    });

    it('an objection is reminded to the superior before its 30-working-day due time, and escalated after', async () => {
      // Filed Tue 6 Oct, due Tue 20 Oct 15:00, unanswered: the requester objects on Wed 21 Oct.
      const r = await fileAt(wib('2026-10-06T09:00:00'), 'Data jumlah penerima bantuan sosial per desa');
      setServiceClock(wib('2026-10-21T09:00:00'));
      await executeAction(as(ANONYMOUS), dataRequestObject, {
        code: r.code,
        secret: r.secret,
        reason: 'Tidak ada jawaban sampai batas waktu.',
      });
      const objectionAlerts = async () =>
        (await alertsOf(db(), r.id)).filter((a) => a.clock === 'objection').map((a) => a.kind);
      const superiorNotices = async () =>
        (await noticesOf('kadis', r.code)).filter((x) => x.title.includes('keberatan'));
      // 30 working days from Wed 21 Oct end on Wed 2 Dec; the reminder comes 5 working days before.
      await sendLegalAlerts(db(), wib('2026-11-20T10:00:00'), SITE);
      expect(await objectionAlerts()).toEqual([]);
      await sendLegalAlerts(db(), wib('2026-11-26T10:00:00'), SITE);
      await sendLegalAlerts(db(), wib('2026-11-27T10:00:00'), SITE);
      expect(await objectionAlerts()).toEqual(['reminder']);
      expect(await superiorNotices()).toHaveLength(1);
      await sendLegalAlerts(db(), wib('2026-12-03T10:00:00'), SITE);
      await sendLegalAlerts(db(), wib('2026-12-04T10:00:00'), SITE);
      expect(await objectionAlerts()).toEqual(['reminder', 'escalation']);
      expect(await superiorNotices()).toHaveLength(2);
      expect((await noticesOf('sub', r.code)).filter((x) => x.title.includes('keberatan'))).toHaveLength(1);
    });

    it('retention: personal fields of requests answered longer ago than the setting are erased, statistics stay', async () => {
      expect((await loadRequestSettings(db())).retentionDays).toBe(730);
      await saveRequestSettings(db(), { retentionDays: 30, publicList: false });
      const old = await fileAt(wib('2026-10-05T10:00:00'), 'Data produksi kopi per kecamatan 2025');
      const recent = await fileAt(wib('2026-10-05T10:30:00'), 'Data produksi kakao per kecamatan 2025');
      const objected = await fileAt(wib('2026-10-05T11:00:00'), 'Data produksi cengkeh per kecamatan 2025');
      // Answers recorded as the handling actions leave them (state, outcome, answered_at).
      const answer = (id: string, at: Date) =>
        db()
          .updateTable('data_request')
          .set({ state: 'not_available', outcome: 'not_held', answered_at: at, answer_due_at: at })
          .where('id', '=', id)
          .execute();
      await answer(old.id, wib('2026-10-07T10:00:00'));
      await answer(recent.id, wib('2026-11-20T10:00:00'));
      await answer(objected.id, wib('2026-10-07T10:00:00'));
      setServiceClock(wib('2026-10-08T10:00:00'));
      await executeAction(as(ANONYMOUS), dataRequestObject, {
        code: objected.code,
        secret: objected.secret,
        reason: 'Data itu pasti ada.',
      });
      // Never confirmed: never counted, erased once the period has passed since filing.
      setServiceClock(wib('2026-10-05T12:00:00'));
      const unconfirmed = await executeAction(as(ANONYMOUS), dataRequestCreate, {
        name: 'Tanpa Konfirmasi',
        email: 'tanpa.konfirmasi@contoh.test',
        asked: 'Data jumlah pasar tradisional per kecamatan',
        purpose: 'Tugas kuliah',
      });
      setServiceClock(null);

      const range = {
        from: wib('2026-10-01T00:00:00'),
        to: wib('2026-11-01T00:00:00'),
        asOf: wib('2026-12-01T10:00:00'),
      };
      const before = await requestServiceFigures(db(), range);
      expect(await purgeExpiredPersonal(db(), wib('2026-12-01T10:00:00'))).toBe(2);
      const rows = await db()
        .selectFrom('data_request')
        .select([
          'code',
          'requester_name',
          'email',
          'phone',
          'organisation',
          'ip_hash',
          'personal_purged_at',
          'asked',
        ])
        .where('code', 'in', [old.code, recent.code, objected.code, unconfirmed.code])
        .execute();
      const byCode = new Map(rows.map((x) => [x.code, x]));
      for (const code of [old.code, unconfirmed.code])
        expect(byCode.get(code)).toMatchObject({
          requester_name: '—',
          email: '—',
          phone: null,
          organisation: null,
          ip_hash: null,
          personal_purged_at: wib('2026-12-01T10:00:00'),
        });
      expect(byCode.get(old.code)?.asked).toBe('Data produksi kopi per kecamatan 2025');
      for (const code of [recent.code, objected.code])
        expect(byCode.get(code)).toMatchObject({ requester_name: 'Dewi Pemohon', personal_purged_at: null });
      // The statistics read nothing personal: the same figures after the purge.
      expect(await requestServiceFigures(db(), range)).toEqual(before);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['summary', 'actor_name'])
        .where('action', '=', 'data_request_purge_personal')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.summary).toMatchObject({ purged: 2, retention_days: 30 });
      // Run again: nothing left to erase, nothing audited.
      expect(await purgeExpiredPersonal(db(), wib('2026-12-01T11:00:00'))).toBe(0);
      expect(
        await db()
          .selectFrom('audit_log')
          .select('id')
          .where('action', '=', 'data_request_purge_personal')
          .execute(),
      ).toHaveLength(1);
    });

    it('the periodic job is queued once and runs the sweep, queueing its successor', async () => {
      await scheduleDataRequestSweep(db(), SITE);
      await scheduleDataRequestSweep(db(), SITE); // idempotent: still one
      const queued = await db()
        .selectFrom('job')
        .select(['id', 'kind'])
        .where('state', '=', 'queued')
        .where('kind', '=', DATA_REQUEST_SWEEP_JOB.kind)
        .execute();
      expect(queued).toHaveLength(1);
      const r = await fileAt(wib('2026-12-07T09:00:00'), 'Data jumlah puskesmas per kecamatan 2026');
      await executeAction(as(u.sub?.actor as Actor), dataRequestAssign, {
        id: r.id,
        assignee_id: u.other?.id,
        note: '',
      });
      // The sweep runs on the service's clock: two working days before the due date.
      setServiceClock(wib('2026-12-18T10:00:00'));
      const runner = new JobRunner({ db: db(), driver: kind, files: fileStoreFor({ dataDir: t.dataDir }) });
      expect(await runner.runUntilIdle()).toBe(1);
      const jobs = await db()
        .selectFrom('job')
        .select(['state', 'progress', 'run_after'])
        .where('kind', '=', DATA_REQUEST_SWEEP_JOB.kind)
        .orderBy('id')
        .execute();
      expect(jobs.map((j) => j.state)).toEqual(['done', 'queued']);
      expect(jobs[0]?.progress).toMatchObject({ purged: 0 });
      expect((await alertsOf(db(), r.id)).map((a) => a.kind)).toEqual(['reminder']);
      expect(await noticesOf('other', r.code)).toHaveLength(1);
    });
  });
}
