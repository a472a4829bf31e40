import { execFileSync } from 'node:child_process';
import type { Actor } from '../../src/kernel/access/policy.js';
import { executeAction } from '../../src/kernel/actions/action.js';
import type { DriverKind } from '../../src/kernel/db/database.js';
import type { TableSchema } from '../../src/kernel/table-schema/table-schema.js';
import { publicationSubmit } from '../../src/modules/dissemination/index.js';
import { taskComplete } from '../../src/modules/workflows/actions/task-complete.js';
import { buildUser } from '../factories/index.js';
import { createAgency, ctxFor } from './catalog-fixtures.js';
import { type Cell, createDatastoreTable, POPULATION_ROWS, POPULATION_SCHEMA } from './datastore-fixtures.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The dissemination tests' world: an agency with a population table, its custodians in the SOP's
 * positions (staff, sub-coordinator, head of division) and a producer of another agency.
 */
export interface DisseminationWorld {
  t: TestApp;
  custodian: Actor;
  staff: Actor;
  staffTwo: Actor;
  sub: Actor;
  head: Actor;
  producerOther: Actor;
  agencyId: string;
  agencyName: string;
  pop: Awaited<ReturnType<typeof createDatastoreTable>>;
  as: (a: Actor) => ReturnType<typeof ctxFor>;
}

export async function disseminationWorld(kind: DriverKind): Promise<DisseminationWorld> {
  const t = await createTestApp(kind);
  const positioned = async (role: 'custodian' | 'leader', position: string) => {
    const { user, actor } = await buildUser(t.database, { roles: [role] });
    await t.database.db.insertInto('user_position').values({ user_id: user.id, role, position }).execute();
    return actor;
  };
  const agency = await createAgency(t.database, { name: 'Dinas Kependudukan Uji' });
  const custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
  const producerOther = (
    await buildUser(t.database, { roles: ['producer'], agencyId: (await createAgency(t.database)).id })
  ).actor;
  return {
    t,
    custodian,
    staff: await positioned('custodian', 'staff'),
    staffTwo: await positioned('custodian', 'staff'),
    sub: await positioned('custodian', 'sub_coordinator'),
    head: await positioned('leader', 'division_head'),
    producerOther,
    agencyId: agency.id,
    agencyName: agency.name,
    pop: await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
      agencyId: agency.id,
      owner: custodian,
      title: 'Jumlah Penduduk per Kecamatan',
    }),
    as: (a: Actor) => ctxFor(t.database, a),
  };
}

/** The open task of a publication's run at one SOP step. */
export async function openTaskOf(t: TestApp, publication: string, step: string): Promise<string> {
  const r = await t.database.db
    .selectFrom('workflow_task')
    .innerJoin('publication', 'publication.instance_id', 'workflow_task.instance_id')
    .select('workflow_task.id')
    .where('publication.name', '=', publication)
    .where('workflow_task.step_id', '=', step)
    .where('workflow_task.state', '=', 'open')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Through the dissemination SOP: submitted, initialled, approved (published at the upload step). */
export async function publishThroughSop(w: DisseminationWorld, name: string): Promise<void> {
  await executeAction(w.as(w.staff), publicationSubmit, { name, note: 'siap' });
  for (const [who, step] of [
    [w.sub, 'subcoordinator_check'],
    [w.head, 'division_head_approval'],
  ] as const)
    await executeAction(w.as(who), taskComplete, {
      id: await openTaskOf(w.t, name, step),
      outcome: 'approve',
      note: 'ok',
    });
}

export const LONG_SCHEMA: TableSchema = {
  fields: [
    { name: 'kode_desa', type: 'string', title: 'Kode desa' },
    { name: 'nama_desa', type: 'string', title: 'Nama desa' },
    {
      name: 'luas',
      type: 'number',
      title: 'Luas wilayah',
      unit: 'km2',
      description: 'Luas daratan menurut BIG',
    },
  ],
};
/** 150 villages: more rows than an A4 page holds, so the table runs over pages. */
export const LONG_ROWS: Cell[][] = Array.from({ length: 150 }, (_, i) => [
  `35200${String(i).padStart(3, '0')}`,
  `Desa Uji ${i + 1}`,
  10 + i / 4,
]);

export const pdfText = (file: string, page?: number) =>
  execFileSync(
    'pdftotext',
    [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'],
    {
      encoding: 'utf8',
    },
  );
