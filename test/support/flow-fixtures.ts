import type { Actor } from '../../src/kernel/access/policy.js';
import { executeAction } from '../../src/kernel/actions/action.js';
import type { ActionContext } from '../../src/kernel/actions/context.js';
import type { Database, DriverKind } from '../../src/kernel/db/database.js';
import { packageCreate } from '../../src/modules/catalog/actions/package-create.js';
import { taskList } from '../../src/modules/workflows/actions/task-list.js';
import { buildAgency, buildUser } from '../factories/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const ctxOf = (database: Database, actor: Actor): ActionContext => ({
  db: database.db,
  actor,
  requestId: null,
  ip: null,
  siteUrl: 'http://satudata.test',
});

export interface InboxRow {
  step: string;
  feature: string | null;
  subject_title: string;
  overdue: boolean;
  outcomes: string[];
  submission_id: string | null;
}

/** The cast of the dataset check flow: a producer (with an e-mail), one of another agency, two custodians, BPS. */
export interface FlowFixture {
  t: TestDatabase;
  producer: Actor;
  otherProducer: Actor;
  custodian: Actor;
  custodian2: Actor;
  supervisor: Actor;
  agencyCode: string;
  as(actor: Actor): ActionContext;
  inbox(actor: Actor): Promise<InboxRow[]>;
  /** A private dataset of the producer's agency. */
  newDataset(name: string): Promise<string>;
}

export async function createFlowFixture(kind: DriverKind): Promise<FlowFixture> {
  const t = await createTestDatabase(kind);
  const agency = await buildAgency(t.database);
  const other = await buildAgency(t.database);
  const producer = (await buildUser(t.database, { roles: ['producer'], agencyId: agency.id })).actor;
  const otherProducer = (await buildUser(t.database, { roles: ['producer'], agencyId: other.id })).actor;
  const custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
  const custodian2 = (await buildUser(t.database, { roles: ['custodian'] })).actor;
  const supervisor = (await buildUser(t.database, { roles: ['supervisor'] })).actor;
  await t.database.db
    .updateTable('app_user')
    .set({ email: 'produsen@dinas.test' })
    .where('id', '=', producer.userId as string)
    .execute();
  const as = (actor: Actor) => ctxOf(t.database, actor);
  return {
    t,
    producer,
    otherProducer,
    custodian,
    custodian2,
    supervisor,
    agencyCode: agency.code,
    as,
    inbox: async (actor) => (await executeAction(as(actor), taskList, {})) as InboxRow[],
    async newDataset(name) {
      const dict = await executeAction(as(producer), packageCreate, {
        name,
        title: `Data ${name}`,
        owner_org: agency.code,
        notes: 'Catatan awal',
        private: true,
      });
      return dict?.id as string;
    },
  };
}
