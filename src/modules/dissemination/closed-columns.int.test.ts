/**
 * Charts and publications read datastore tables through dissemination's own repository: a column
 * closed after loading (resource_schema_update sets the resource's current schema, the loaded
 * version keeps the old one) is closed here at once, as in every datastore read (issue 11,
 * finding 6: the same cause in another reader).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { type Actor, ANONYMOUS } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { packageCreate } from '../catalog/actions/package-create.js';
import { loadTable, readableTables, readRows } from './data.repository.js';

const schema = (kecamatan: 'open' | 'closed'): TableSchema => ({
  fields: [
    { name: 'kecamatan', type: 'string', 'x-classification': kecamatan },
    { name: 'jumlah', type: 'integer' },
  ],
});

for (const kind of DIALECTS) {
  describe(`dissemination reads follow the current classification on ${kind}`, () => {
    let t: TestDatabase;
    let producer: Actor;
    let custodian: Actor;
    let resourceId: string;

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      const agency = await buildAgency(t.database);
      producer = (await buildUser(t.database, { roles: ['producer'], agencyId: agency.id })).actor;
      custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
      const ctx = { db: t.database.db, actor: producer, requestId: null, ip: null };
      const dict = await executeAction(ctx, packageCreate, {
        name: `penerima-${kind}`,
        title: 'Penerima',
        owner_org: agency.code,
        private: true,
      });
      if (!dict) throw new Error('dataset not created');
      const db = t.database.db;
      await db
        .updateTable('dataset')
        .set({ state: 'active', private: false })
        .where('id', '=', dict.id)
        .execute();
      const resource = await db
        .insertInto('resource')
        .values({ dataset_id: dict.id, name: 'penerima.csv', format: 'CSV', url: '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      resourceId = resource.id;
      const versionId = randomUUID();
      const table = `v_${versionId.replaceAll('-', '')}`;
      await sql`create table ${sql.table(`datastore.${table}`)} (_id bigint primary key, kecamatan text, jumlah bigint)`.execute(
        db,
      );
      await sql`insert into ${sql.table(`datastore.${table}`)} values (1, 'Siti', 2)`.execute(db);
      await db
        .insertInto('resource_version')
        .values({
          id: versionId,
          resource_id: resourceId,
          number: 1,
          storage_key: `files/${versionId}`,
          file_name: 'penerima.csv',
          format: 'CSV',
          sha256: 'x',
          state: 'complete',
          row_count: 1,
          table_name: table,
          table_schema: JSON.stringify(schema('open')),
        })
        .execute();
      await db
        .updateTable('resource')
        .set({ datastore_version_id: versionId, table_schema: JSON.stringify(schema('closed')) })
        .where('id', '=', resourceId)
        .execute();
    });
    afterAll(() => t?.drop());

    it('a column closed after loading is not offered to, nor read by, the public', async () => {
      const db = t.database.db;
      const table = await loadTable(db, ANONYMOUS, resourceId);
      expect(table.fields.map((f) => f.name)).toEqual(['jumlah']);
      expect(await readRows(db, table, ['kecamatan', 'jumlah'])).toEqual([{ jumlah: expect.anything() }]);
      const listed = (await readableTables(db, ANONYMOUS)).find((x) => x.resourceId === resourceId);
      expect(listed?.fields.map((f) => f.name)).toEqual(['jumlah']);
    });

    it('the producing agency and the custodian still read it', async () => {
      for (const actor of [producer, custodian])
        expect((await loadTable(t.database.db, actor, resourceId)).fields.map((f) => f.name)).toEqual([
          'kecamatan',
          'jumlah',
        ]);
    });
  });
}
