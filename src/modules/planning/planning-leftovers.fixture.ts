/**
 * Shared set-up of the issue #13 leftover tests (planning-leftovers-*.int.test.ts): one app on one
 * engine with three agencies (plus one with no list row), the custodian, producers of two agencies
 * and BPS, and the helpers the tests share (unmet requests, form posts, an enacted list, open tasks).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildAgency, buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { ctxOf } from '../../../test/support/flow-fixtures.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import type { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { Agency } from '../../kernel/db/schema.js';
import { forumDecisionRecord, forumMeetingCreate } from './actions/forum.js';
import { dataListItemCreate } from './actions/items.js';
import { dataListEnact, planningRecordGenerate } from './actions/records.js';

let seq = 0;

export interface LeftoversWorld {
  t: TestApp;
  agencies: Agency[];
  idle: Agency;
  custodian: Actor;
  custodianCookie: string;
  producerCookie: string;
  otherProducerCookie: string;
  supervisorCookie: string;
  as: (a: Actor) => ReturnType<typeof ctxOf>;
  request: (over: {
    state: 'open' | 'delivered' | 'not_available';
    outcome: 'not_held' | 'exempt' | 'not_yet_produced' | 'delivered_file' | null;
    answered: string | null;
    asked: string;
    agencyId?: string;
  }) => Promise<{ id: string }>;
  formPost: (
    url: string,
    form: Record<string, string>,
    from: string,
    cookie?: string,
  ) => Promise<LightMyRequestResponse>;
  /** A list of `year` over the three agencies, agreed by the forum, recorded and enacted by `who`. */
  enactOverThree: (year: number, who: Actor) => Promise<{ instance_id?: string | null }>;
  openTasks: (instanceId: string) => Promise<{ id: string; step_id: string; agency_id: string | null }[]>;
}

/** Registers the set-up and tear-down hooks; the returned world is filled in before the first test. */
export function leftoversWorld(kind: (typeof DIALECTS)[number]): LeftoversWorld {
  const w = {} as LeftoversWorld;
  w.as = (a: Actor) => ctxOf(w.t.database, a);

  beforeAll(async () => {
    const t = await createTestApp(kind);
    w.t = t;
    w.agencies = [
      await buildAgency(t.database, { name: 'Dinas Kesehatan Sisa' }),
      await buildAgency(t.database, { name: 'Dinas Pendidikan Sisa' }),
      await buildAgency(t.database, { name: 'Dinas Pertanian Sisa' }),
    ];
    // An agency with no row in any list: no collection task may reach it.
    w.idle = await buildAgency(t.database, { name: 'Dinas Tanpa Baris' });
    const c = await buildUser(t.database, { roles: ['custodian'] });
    w.custodian = c.actor;
    w.custodianCookie = await login(t.app, c.user.username, TEST_PASSWORD);
    const p = await buildUser(t.database, { roles: ['producer'], agencyId: w.agencies[0]?.id });
    w.producerCookie = await login(t.app, p.user.username, TEST_PASSWORD);
    const o = await buildUser(t.database, { roles: ['producer'], agencyId: w.agencies[1]?.id });
    w.otherProducerCookie = await login(t.app, o.user.username, TEST_PASSWORD);
    const s = await buildUser(t.database, { roles: ['supervisor'] });
    w.supervisorCookie = await login(t.app, s.user.username, TEST_PASSWORD);
  });
  afterAll(() => w.t?.close());

  w.request = async (over) => {
    seq++;
    return w.t.database.db
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
  };

  w.formPost = async (url, form, from, cookie = w.custodianCookie) => {
    const page = await w.t.app.inject({ url: from, headers: { cookie } });
    const jar = cookieHeader(page, cookie);
    return w.t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...form }).toString(),
    });
  };

  w.enactOverThree = async (year, who) => {
    const as = w.as;
    const ids: string[] = [];
    for (const [n, a] of w.agencies.entries())
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
  };

  w.openTasks = (instanceId) =>
    w.t.database.db
      .selectFrom('workflow_task')
      .select(['id', 'step_id', 'agency_id'])
      .where('instance_id', '=', instanceId)
      .where('state', '=', 'open')
      .execute();

  return w;
}
