/**
 * Issue #14 on both engines, continued: the "not available" branch (the agency's reason, closing,
 * an objection answered) and the legal clocks on a fixed clock (Friday afternoon before a holiday,
 * extension, objection window, a calendar change).
 */
import { describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import '../../../test/support/install-modules.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { type Actor, ANONYMOUS } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { ACTION_REGISTRY } from '../../kernel/actions/registry.js';
import { ConflictError, NotAuthorizedError, ValidationError } from '../../kernel/errors.js';
import { dataRequestClose } from './actions/request-answer.js';
import { dataRequestAssign, dataRequestExtend, dataRequestRoute } from './actions/request-handle.js';
import { dataRequestObject, dataRequestObjectionAnswer } from './actions/request-requester.js';
import { dataRequestRespond } from './actions/request-respond.js';
import { setServiceClock } from './clock.js';
import { requestServiceFigures } from './figures.js';

const wib = (local: string) => new Date(`${local}+07:00`);
const _FAKE_FILE = {
  key: 'resources/00000000-0000-4000-8000-000000000001/data-penduduk.csv',
  size: 10,
  hash: `sha256:${'a'.repeat(64)}`,
  fileName: 'data-penduduk.csv',
};

import { dataRequestsWorld } from './data-requests.fixture.js';

for (const kind of DIALECTS) {
  describe(`data requests on ${kind}`, () => {
    const w = dataRequestsWorld(kind);
    const { u, as, run, fileVerified, show } = w;

    it('branch "not available": the agency proposes a reason, the sub-coordinator closes, an objection is answered', async () => {
      const r = await fileVerified();
      await run(u.sub as Actor, dataRequestAssign, { id: r.id, assignee_id: u.staff?.userId });
      await run(u.staff as Actor, dataRequestRoute, { id: r.id, agency_id: w.agencyB });
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
      const admin = (await buildUser(w.t.database, { roles: ['administrator'] })).actor;
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

      const [figure] = await requestServiceFigures(w.t.database.db, {
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
