/**
 * Issue #14 on both engines: both branches of the data request SOP (the national default, with
 * the step ids of Banyuwangi's) through the service's actions,
 * routing to one agency (only its producers see and answer), the legal clocks on a fixed clock
 * (Friday afternoon before a holiday, extension, objection, a calendar change), and abuse
 * (burst, honeypot, unverified requests unseen by staff).
 */
import { describe, expect, it } from 'vitest';
import '../../../test/support/install-modules.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { type Actor, ANONYMOUS } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import {
  ConflictError,
  NotAuthorizedError,
  NotFoundError,
  TooManyRequestsError,
  ValidationError,
} from '../../kernel/errors.js';
import { dataRequestDeliver } from './actions/request-answer.js';
import { dataRequestVerify, LIMIT_PER_ADDRESS } from './actions/request-create.js';
import { dataRequestAssign, dataRequestRoute } from './actions/request-handle.js';
import { dataRequestList, dataRequestShow } from './actions/request-read.js';
import { dataRequestRate } from './actions/request-requester.js';
import { dataRequestRespond } from './actions/request-respond.js';

const _wib = (local: string) => new Date(`${local}+07:00`);
const FAKE_FILE = {
  key: 'resources/00000000-0000-4000-8000-000000000001/data-penduduk.csv',
  size: 10,
  hash: `sha256:${'a'.repeat(64)}`,
  fileName: 'data-penduduk.csv',
};

import { dataRequestsWorld } from './data-requests.fixture.js';

for (const kind of DIALECTS) {
  describe(`data requests on ${kind}`, () => {
    const w = dataRequestsWorld(kind);
    const { u, as, run, file, fileVerified, show, inboxSteps } = w;

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
      const ds = await w.t.database.db
        .insertInto('dataset')
        .values({
          name: `penduduk-${kind}`,
          title: 'Jumlah Penduduk',
          agency_id: w.agencyA,
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
        agency_id: w.agencyA,
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
      expect(units).toContain('Koordinator Walidata');
      expect(JSON.stringify(view.steps)).not.toContain(u.staff?.username ?? '§');
    });
  });
}
