/**
 * Issue #14 on both engines: both branches of the Banyuwangi SOP through the service's actions,
 * routing to one agency (only its producers see and answer), the legal clocks on a fixed clock
 * (Friday afternoon before a holiday, extension, objection, a calendar change), and abuse
 * (burst, honeypot, unverified requests unseen by staff).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import '../../../test/support/install-modules.js';
import { ctxOf } from '../../../test/support/flow-fixtures.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { type Actor, ANONYMOUS } from '../../kernel/access/policy.js';
import type { GrantableRole } from '../../kernel/access/roles.js';
import { executeAction } from '../../kernel/actions/action.js';
import { ACTION_REGISTRY } from '../../kernel/actions/registry.js';
import {
  ConflictError,
  NotAuthorizedError,
  NotFoundError,
  TooManyRequestsError,
  ValidationError,
} from '../../kernel/errors.js';
import { dataRequestClose, dataRequestDeliver } from './actions/request-answer.js';
import { dataRequestCreate, dataRequestVerify, LIMIT_PER_ADDRESS } from './actions/request-create.js';
import { dataRequestAssign, dataRequestExtend, dataRequestRoute } from './actions/request-handle.js';
import { dataRequestList, dataRequestShow } from './actions/request-read.js';
import {
  dataRequestObject,
  dataRequestObjectionAnswer,
  dataRequestRate,
} from './actions/request-requester.js';
import { dataRequestRespond } from './actions/request-respond.js';
import { setServiceClock } from './clock.js';
import { requestServiceFigures } from './figures.js';

const wib = (local: string) => new Date(`${local}+07:00`);
const FAKE_FILE = {
  key: 'resources/00000000-0000-4000-8000-000000000001/data-penduduk.csv',
  size: 10,
  hash: `sha256:${'a'.repeat(64)}`,
  fileName: 'data-penduduk.csv',
};

for (const kind of DIALECTS) {
  describe(`data requests on ${kind}`, () => {
    let t: TestDatabase;
    let agencyA = '';
    let agencyB = '';
    const u: Record<string, Actor> = {};
    let ipCounter = 0;
    const as = (actor: Actor, ip: string | null = null) => ({ ...ctxOf(t.database, actor), ip });
    const run = (actor: Actor, action: Parameters<typeof executeAction>[1], input: Record<string, unknown>) =>
      executeAction(as(actor), action, input) as Promise<Record<string, unknown>>;

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      agencyA = (await buildAgency(t.database)).id;
      agencyB = (await buildAgency(t.database)).id;
      const mk = async (name: string, roles: GrantableRole[], agencyId?: string) => {
        u[name] = (await buildUser(t.database, { roles, agencyId: agencyId ?? null })).actor;
      };
      await mk('pA', ['producer'], agencyA);
      await mk('pB', ['producer'], agencyB);
      await mk('sub', ['custodian']);
      await mk('staff', ['custodian']);
      await mk('kadis', ['leader']);
      await mk('bps', ['supervisor']);
    });
    afterAll(() => t?.drop());
    afterEach(() => setServiceClock(null));

    /** File a request from a fresh address; returns its code and the secret from the mail's link. */
    async function file(extra: Record<string, unknown> = {}, ip = `10.0.0.${++ipCounter}`) {
      const out = await executeAction(as(ANONYMOUS, ip), dataRequestCreate, {
        name: 'Siti Pemohon Rahasia',
        email: `siti${ipCounter}@contoh.test`,
        phone: '081234567890',
        asked: 'Jumlah penduduk per kecamatan menurut jenis kelamin',
        purpose: 'Penelitian skripsi',
        delivery: 'file',
        ...extra,
      });
      const mail = await t.database.db
        .selectFrom('mail_outbox')
        .select(['body', 'to_address'])
        .where('subject', 'like', `%${out.code}%`)
        .executeTakeFirstOrThrow();
      const secret = /\?s=([\w-]+)/.exec(mail.body)?.[1] ?? '';
      return { code: out.code, secret };
    }
    async function fileVerified(extra: Record<string, unknown> = {}) {
      const r = await file(extra);
      await executeAction(as(ANONYMOUS), dataRequestVerify, r);
      const list = (await run(u.sub as Actor, dataRequestList, {})) as unknown as {
        id: string;
        code: string;
      }[];
      const id = list.find((x) => x.code === r.code)?.id ?? '';
      return { ...r, id };
    }
    const show = (r: { code: string; secret: string }) =>
      executeAction(as(ANONYMOUS), dataRequestShow, { code: r.code, secret: r.secret }) as Promise<
        Record<string, unknown>
      >;
    const inboxSteps = async (actor: Actor) =>
      (await run(actor, ACTION_REGISTRY.task_list as never, {})) as unknown as {
        step: string;
        subject_title: string;
      }[];

    it('an unverified request never reaches staff: no list entry, no task, no clock', async () => {
      const r = await file({ asked: 'Data luas panen padi per desa tahun 2025' });
      const list = (await run(u.sub as Actor, dataRequestList, {})) as unknown as { code: string }[];
      expect(list.map((x) => x.code)).not.toContain(r.code);
      expect((await inboxSteps(u.sub as Actor)).some((e) => e.subject_title.includes(r.code))).toBe(false);
      const view = await show(r);
      expect(view).toMatchObject({ state: 'unverified', due: null, filed_at: null });
      await executeAction(as(ANONYMOUS), dataRequestVerify, r);
      const after = (await run(u.sub as Actor, dataRequestList, {})) as unknown as { code: string }[];
      expect(after.map((x) => x.code)).toContain(r.code);
      expect((await inboxSteps(u.sub as Actor)).some((e) => e.subject_title.includes(r.code))).toBe(true);
    });

    it('refuses a filled honeypot and a burst from one address', async () => {
      await expect(file({ website: 'http://spam.example' })).rejects.toBeInstanceOf(ValidationError);
      const ip = '192.0.2.77';
      for (let i = 0; i < LIMIT_PER_ADDRESS; i++) await file({ email: `burst${i}@contoh.test` }, ip);
      await expect(file({ email: 'burst-last@contoh.test' }, ip)).rejects.toBeInstanceOf(
        TooManyRequestsError,
      );
      // Another address is not limited by that burst.
      await expect(file({ email: 'other@contoh.test' }, '192.0.2.78')).resolves.toBeTruthy();
    });

    it('branch "available": the staff member links a published dataset and the requester rates', async () => {
      const ds = await t.database.db
        .insertInto('dataset')
        .values({
          name: `penduduk-${kind}`,
          title: 'Jumlah Penduduk',
          agency_id: agencyA,
          state: 'active',
          private: false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const r = await fileVerified();
      await run(u.sub as Actor, dataRequestAssign, { id: r.id, assignee_id: u.staff?.userId });
      // Only the assigned staff member checks availability.
      await expect(
        run(u.sub as Actor, dataRequestDeliver, { id: r.id, dataset_id: ds.id }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      await run(u.staff as Actor, dataRequestDeliver, {
        id: r.id,
        dataset_id: ds.id,
        note: 'Silakan unduh.',
      });
      const view = await show(r);
      expect(view.state).toBe('delivered');
      expect((view.outcome as { code: string }).code).toBe('delivered_dataset');
      expect(JSON.stringify(view)).not.toContain('Siti Pemohon');
      await expect(
        executeAction(as(ANONYMOUS), dataRequestRate, { ...r, scores: [4, 4, 3, 4, 3, 4, 4, 4, 3] }),
      ).resolves.toMatchObject({ rated: true });
      await expect(
        executeAction(as(ANONYMOUS), dataRequestRate, { ...r, scores: [4, 4, 3, 4, 3, 4, 4, 4, 3] }),
      ).rejects.toBeInstanceOf(ConflictError);
    });

    it('routing: a request routed to one agency is seen and answered by that agency’s producers only', async () => {
      const r = await fileVerified();
      await run(u.sub as Actor, dataRequestAssign, { id: r.id, assignee_id: u.staff?.userId });
      await run(u.staff as Actor, dataRequestRoute, {
        id: r.id,
        agency_id: agencyA,
        note: 'Data ada di Dispendukcapil',
      });
      const codes = async (who: Actor) =>
        ((await run(who, dataRequestList, {})) as unknown as { code: string }[]).map((x) => x.code);
      expect(await codes(u.pA as Actor)).toContain(r.code);
      expect(await codes(u.pB as Actor)).not.toContain(r.code);
      expect((await inboxSteps(u.pA as Actor)).some((e) => e.subject_title.includes(r.code))).toBe(true);
      expect((await inboxSteps(u.pB as Actor)).some((e) => e.subject_title.includes(r.code))).toBe(false);
      await expect(run(u.pB as Actor, dataRequestShow, { id: r.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        run(u.pB as Actor, dataRequestRespond, { id: r.id, available: true, upload: FAKE_FILE }),
      ).rejects.toBeInstanceOf(NotFoundError);
      // The producer sees the request but not who asked.
      const seen = await run(u.pA as Actor, dataRequestShow, { id: r.id });
      expect(seen.requester).toBeNull();
      expect(JSON.stringify(seen)).not.toContain('siti');
      expect((await run(u.sub as Actor, dataRequestShow, { id: r.id })).requester).toMatchObject({
        name: 'Siti Pemohon Rahasia',
      });
      // Supervisors and the public have no access to the staff list.
      await expect(run(u.bps as Actor, dataRequestList, {})).rejects.toBeInstanceOf(NotAuthorizedError);
      await expect(run(ANONYMOUS, dataRequestList, {})).rejects.toBeInstanceOf(NotAuthorizedError);

      // Branch "agency has it": file → sub-coordinator hands to staff → delivered as a file.
      await run(u.pA as Actor, dataRequestRespond, { id: r.id, available: true, upload: FAKE_FILE });
      await run(u.staff as Actor, dataRequestDeliver, { id: r.id });
      const view = await show(r);
      expect(view.state).toBe('delivered');
      expect((view.file as { name: string }).name).toBe('data-penduduk.csv');
      const units = (view.steps as { unit: { id: string } }[]).map((s) => s.unit.id);
      expect(units).toContain('Sub Koordinator Statistik');
      expect(JSON.stringify(view.steps)).not.toContain(u.staff?.username ?? '§');
    });

    it('branch "not available": the agency proposes a reason, the sub-coordinator closes, an objection is answered', async () => {
      const r = await fileVerified();
      await run(u.sub as Actor, dataRequestAssign, { id: r.id, assignee_id: u.staff?.userId });
      await run(u.staff as Actor, dataRequestRoute, { id: r.id, agency_id: agencyB });
      await expect(
        run(u.pB as Actor, dataRequestRespond, { id: r.id, available: false }),
      ).rejects.toBeInstanceOf(ValidationError);
      await run(u.pB as Actor, dataRequestRespond, {
        id: r.id,
        available: false,
        reason: 'not_yet_produced',
        note: 'Belum ada survei',
      });
      await expect(
        run(u.sub as Actor, dataRequestClose, { id: r.id, reason: 'exempt', note: 'Dikecualikan' }),
      ).rejects.toBeInstanceOf(ValidationError);
      await run(u.sub as Actor, dataRequestClose, {
        id: r.id,
        reason: 'not_yet_produced',
        note: 'Diusulkan untuk daftar data 2027.',
      });
      const view = await show(r);
      expect(view.state).toBe('not_available');
      expect((view.messages as { text: { id: string } }[]).at(-1)?.text.id).toContain('keberatan');
      await executeAction(as(ANONYMOUS), dataRequestObject, {
        ...r,
        reason: 'Data ini seharusnya sudah ada di BPS.',
      });
      await expect(
        executeAction(as(ANONYMOUS), dataRequestObject, { ...r, reason: 'Keberatan kedua kalinya.' }),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        run(u.sub as Actor, dataRequestObjectionAnswer, {
          id: r.id,
          decision: 'rejected',
          answer: 'Tidak berwenang.',
        }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      await run(u.kadis as Actor, dataRequestObjectionAnswer, {
        id: r.id,
        decision: 'rejected',
        answer: 'Data memang belum dihasilkan; masuk usulan daftar data.',
      });
      const after = await show(r);
      expect((after.objection as { decision: string }).decision).toBe('rejected');
    });

    it('clocks on a fixed clock: Friday afternoon before a holiday, one extension, objection window, calendar change', async () => {
      setServiceClock(wib('2026-05-29T15:00:00'));
      const r = await fileVerified();
      const due = (await show(r)).due as {
        due: string;
        holidays_skipped: { date: string }[];
        working_days: number;
      };
      expect(new Date(due.due)).toEqual(wib('2026-06-17T15:00:00'));
      expect(due.holidays_skipped.map((h) => h.date)).toEqual(['2026-06-01', '2026-06-16']);

      // A calendar change moves the open request's due date.
      const admin = (await buildUser(t.database, { roles: ['administrator'] })).actor;
      await run(admin, ACTION_REGISTRY.holiday_create as never, {
        date: '2026-06-10',
        name: 'Hari Jadi Kabupaten',
        kind: 'regional',
      });
      expect(new Date(((await show(r)).due as { due: string }).due)).toEqual(wib('2026-06-18T15:00:00'));

      // An objection before any answer and before the due date is refused.
      setServiceClock(wib('2026-06-05T09:00:00'));
      await expect(
        executeAction(as(ANONYMOUS), dataRequestObject, { ...r, reason: 'Terlalu lama menunggu.' }),
      ).rejects.toBeInstanceOf(ConflictError);

      await expect(
        run(u.sub as Actor, dataRequestExtend, { id: r.id, reason: 'Data tersebar di 3 dinas' }),
      ).resolves.toBeTruthy();
      await expect(
        run(u.sub as Actor, dataRequestExtend, { id: r.id, reason: 'Sekali lagi ya' }),
      ).rejects.toBeInstanceOf(ConflictError);
      const extended = await show(r);
      expect(new Date((extended.due as { due: string }).due)).toEqual(wib('2026-06-29T15:00:00'));
      expect((extended.extension as { reason: string }).reason).toBe('Data tersebar di 3 dinas');

      // No answer by the extended due time: overdue, and from then an objection may be filed.
      setServiceClock(wib('2026-06-30T09:00:00'));
      expect((await show(r)).overdue).toBe(true);
      await executeAction(as(ANONYMOUS), dataRequestObject, {
        ...r,
        reason: 'Tidak ada jawaban sampai batas waktu.',
      });
      const objected = await show(r);
      const od = (objected.objection as { due: { due: string; working_days: number } }).due;
      expect(od.working_days).toBe(30);
      // 30 working days after Tue 30 Jun 2026 (23 in July, then 3–7 and 10–11 Aug): Tue 11 Aug.
      expect(new Date(od.due)).toEqual(wib('2026-08-11T15:00:00'));

      const [figure] = await requestServiceFigures(t.database.db, {
        from: wib('2026-05-29T00:00:00'),
        to: wib('2026-05-30T00:00:00'),
        asOf: wib('2026-06-30T09:00:00'),
      });
      expect(figure).toMatchObject({
        code: r.code,
        extended: true,
        overdue: true,
        onTime: false,
        answeredAt: null,
      });
      expect(figure?.objection?.filedAt).toEqual(wib('2026-06-30T09:00:00'));
    });
  });
}
