import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import '../../../test/support/install-modules.js';
import { ctxOf } from '../../../test/support/flow-fixtures.js';
import { createTestDatabase, type DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { type Actor, ANONYMOUS } from '../../kernel/access/policy.js';
import type { GrantableRole } from '../../kernel/access/roles.js';
import { executeAction } from '../../kernel/actions/action.js';
import { ACTION_REGISTRY } from '../../kernel/actions/registry.js';
import { dataRequestCreate, dataRequestVerify } from './actions/request-create.js';
import { dataRequestList, dataRequestShow } from './actions/request-read.js';
import { setServiceClock } from './clock.js';

const _wib = (local: string) => new Date(`${local}+07:00`);
const _FAKE_FILE = {
  key: 'resources/00000000-0000-4000-8000-000000000001/data-penduduk.csv',
  size: 10,
  hash: `sha256:${'a'.repeat(64)}`,
  fileName: 'data-penduduk.csv',
};

/** The data-request tests' world on one engine: two agencies, the service's roles, filing helpers. */
export function dataRequestsWorld(kind: (typeof DIALECTS)[number]) {
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

  return {
    get t() {
      return t;
    },
    get agencyA() {
      return agencyA;
    },
    get agencyB() {
      return agencyB;
    },
    u,
    as,
    run,
    file,
    fileVerified,
    show,
    inboxSteps,
  };
}
