import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { packageCreate } from '../catalog/actions/package-create.js';
import { submissionCreate } from './actions/submission-create.js';
import { submissionVerify } from './actions/submission-verify.js';
import { diffSubmissions } from './diff.js';
import { findSubmission } from './submissions.repository.js';

/** kecamatan loaded as open; the resource's current schema closes it (issue 11 finding 6's rule). */
const LOADED: TableSchema = {
  fields: [
    { name: 'kecamatan', type: 'string' },
    { name: 'jumlah', type: 'integer' },
  ],
};
const CLOSED_NOW: TableSchema = {
  fields: [
    { name: 'kecamatan', type: 'string', 'x-classification': 'closed' },
    { name: 'jumlah', type: 'integer' },
  ],
};

for (const kind of DIALECTS) {
  describe(`diff between submissions on ${kind}`, () => {
    let t: TestDatabase;
    let producer: Actor;
    let custodian: Actor;
    let agencyCode: string;
    let agencyId: string;
    let supervisor: Actor;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      const agency = await buildAgency(t.database);
      agencyCode = agency.code;
      agencyId = agency.id;
      supervisor = (await buildUser(t.database, { roles: ['supervisor'] })).actor;
      producer = (await buildUser(t.database, { roles: ['producer'], agencyId: agency.id })).actor;
      custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
    });
    afterAll(() => t?.drop());
    const as = (actor: Actor): ActionContext => ({ db: t.database.db, actor, requestId: null, ip: null });

    /** A loaded datastore version of `resourceId` with rows (kecamatan, jumlah). */
    async function version(
      resourceId: string,
      number: number,
      rows: [string, number][],
      tableSchema: TableSchema | null = null,
    ) {
      const id = randomUUID();
      const table = `v_${id.replace(/-/g, '')}`;
      await sql`create table ${sql.table(`datastore.${table}`)} (_id bigint primary key, kecamatan text, jumlah bigint)`.execute(
        t.database.db,
      );
      for (const [i, [k, j]] of rows.entries())
        await sql`insert into ${sql.table(`datastore.${table}`)} values (${i + 1}, ${k}, ${j})`.execute(
          t.database.db,
        );
      await t.database.db
        .insertInto('resource_version')
        .values({
          id,
          resource_id: resourceId,
          number,
          storage_key: `files/${id}`,
          file_name: 'puskesmas.csv',
          format: 'CSV',
          sha256: `hash-${number}`,
          state: 'complete',
          row_count: rows.length,
          table_name: `datastore.${table}`,
          table_schema: tableSchema === null ? null : JSON.stringify(tableSchema),
        })
        .execute();
      await t.database.db
        .updateTable('resource')
        .set({ datastore_version_id: id })
        .where('id', '=', resourceId)
        .execute();
    }

    it('compares loaded tables row by row and cell by cell, other files by hash and size', async () => {
      const dict = await executeAction(as(producer), packageCreate, {
        name: 'puskesmas-diff',
        title: 'Puskesmas',
        owner_org: agencyCode,
      });
      const datasetId = dict?.id as string;
      const tabular = await t.database.db
        .insertInto('resource')
        .values({ dataset_id: datasetId, name: 'puskesmas.csv', format: 'CSV', url: '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const pdf = await t.database.db
        .insertInto('resource')
        .values({
          dataset_id: datasetId,
          name: 'metadata.pdf',
          format: 'PDF',
          url: '',
          size: 100,
          hash: 'aaa',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await version(tabular.id, 1, [
        ['Poncol', 2],
        ['Parang', 3],
      ]);
      const s1 = await executeAction(as(producer), submissionCreate, { dataset_id: datasetId });
      await executeAction(as(custodian), submissionVerify, {
        id: s1.id,
        outcome: 'return',
        cells: [{ resource: 'puskesmas.csv', row: 2, column: 'jumlah', note: 'Parang punya 4 puskesmas' }],
      });
      await version(tabular.id, 2, [
        ['Poncol', 2],
        ['Parang', 4],
        ['Lembeyan', 1],
      ]);
      await t.database.db
        .updateTable('resource')
        .set({ size: 120, hash: 'bbb' })
        .where('id', '=', pdf.id)
        .execute();
      const s2 = await executeAction(as(producer), submissionCreate, { dataset_id: datasetId });
      const [a, b] = await Promise.all([
        findSubmission(t.database.db, s1.id),
        findSubmission(t.database.db, s2.id),
      ]);
      if (!a || !b) throw new Error('both submissions are kept');
      expect(a.resources.find((r) => r.name === 'puskesmas.csv')?.version_number).toBe(1);
      expect(b.resources.find((r) => r.name === 'puskesmas.csv')?.version_number).toBe(2);
      const diff = await diffSubmissions(t.database.db, a, b, { actor: custodian, agencyId });
      expect(diff.metadata).toEqual([]);
      const table = diff.resources.find((r) => r.name === 'puskesmas.csv');
      expect(table).toMatchObject({
        change: 'changed',
        compared: 'cells',
        rowsAdded: 1,
        rowsRemoved: 0,
        cells: [{ row: 2, column: 'jumlah', from: 3, to: 4 }],
      });
      expect(diff.resources.find((r) => r.name === 'metadata.pdf')).toMatchObject({
        change: 'changed',
        compared: 'file',
        from: { size: 100, hash: 'aaa' },
        to: { size: 120, hash: 'bbb' },
      });
    });

    it('leaves columns the reader may not read out of the cells, by the current classification (same cause as issue 11 findings 6/7)', async () => {
      const dict = await executeAction(as(producer), packageCreate, {
        name: 'penerima-diff',
        title: 'Penerima',
        owner_org: agencyCode,
      });
      const resource = await t.database.db
        .insertInto('resource')
        .values({ dataset_id: dict?.id as string, name: 'penerima.csv', format: 'CSV', url: '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await version(resource.id, 1, [['Siti', 2]], LOADED);
      const s1 = await executeAction(as(producer), submissionCreate, { dataset_id: dict?.id as string });
      await executeAction(as(custodian), submissionVerify, { id: s1.id, outcome: 'return', note: 'Ulangi' });
      await version(resource.id, 2, [['Budi', 3]], LOADED);
      // Closed after loading: the resource's current schema says so, the loaded versions do not.
      await t.database.db
        .updateTable('resource')
        .set({ table_schema: JSON.stringify(CLOSED_NOW) })
        .where('id', '=', resource.id)
        .execute();
      const s2 = await executeAction(as(producer), submissionCreate, { dataset_id: dict?.id as string });
      const [a, b] = await Promise.all([
        findSubmission(t.database.db, s1.id),
        findSubmission(t.database.db, s2.id),
      ]);
      if (!a || !b) throw new Error('both submissions are kept');
      const columns = async (actor: Actor) =>
        (await diffSubmissions(t.database.db, a, b, { actor, agencyId })).resources
          .find((r) => r.name === 'penerima.csv')
          ?.cells?.map((c) => c.column);
      expect(await columns(custodian)).toEqual(['kecamatan', 'jumlah']);
      expect(await columns(producer)).toEqual(['kecamatan', 'jumlah']);
      expect(await columns(supervisor)).toEqual(['jumlah']);
    });
  });
}
