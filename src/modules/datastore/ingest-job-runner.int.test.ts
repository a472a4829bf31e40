/** The job queue: claim, unknown kinds, retries with back-off, the final failure recorded. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAction,
  createAgency,
  multipartBody,
  resultOf,
  uniq,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { enqueueJob } from '../../kernel/jobs/job.repository.js';
import { JobRunner } from '../../kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';
import { INGEST_JOB } from './ingest-job.js';
import { createIngestVersion } from './resource-versions.js';

for (const kind of DIALECTS) {
  describe(`job runner on ${kind}`, () => {
    let t: TestApp;
    let runner: JobRunner;
    let token: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await createAgency(t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
      token = (await userWithToken(t.database, 'producer', agency.id)).token;
      runner = new JobRunner({ db: t.database.db, driver: t.kind, files: fileStoreFor(t.config) });
    });
    afterAll(() => t?.close());

    const job = (id: number) =>
      t.database.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('fails a job of an unknown kind without running anything, and finishes an ingest whose version is gone', async () => {
      const unknown = await t.database.db
        .insertInto('job')
        .values({ kind: 'nope', payload: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const gone = await enqueueJob(t.database.db, INGEST_JOB, {
        versionId: '00000000-0000-4000-8000-000000000000',
      });
      expect(await runner.runUntilIdle()).toBe(2);
      expect(await job(unknown.id)).toMatchObject({ state: 'failed', error: 'unknown job kind nope' });
      expect(await job(gone)).toMatchObject({ state: 'done', attempts: 1 });
    });

    it('retries a failing load with back-off, then records the final failure on the version', async () => {
      const d = await resultOf<{ id: string }>(
        callAction(t.app, 'package_create', {
          body: { name: `ds-${uniq()}`, title: 'X', owner_org: 'dinkes' },
          token,
        }),
      );
      const body = multipartBody(
        { package_id: d.id },
        { field: 'upload', name: 'a.csv', type: 'text/csv', content: Buffer.from('a,b\n1,2\n') },
      );
      const r = await resultOf<{ id: string }>(
        t.app.inject({
          method: 'POST',
          url: '/api/3/action/resource_create',
          headers: { ...body.headers, authorization: token },
          payload: body.payload,
        }),
      );
      const version = await t.database.db
        .selectFrom('resource_version')
        .selectAll()
        .where('resource_id', '=', r.id)
        .executeTakeFirstOrThrow();
      // The stored file vanished (a disk problem): an error worth retrying.
      await fileStoreFor(t.config).remove(version.storage_key);
      const jobRow = await t.database.db
        .selectFrom('job')
        .selectAll()
        .where('state', '=', 'queued')
        .executeTakeFirstOrThrow();
      for (let attempt = 1; attempt <= 3; attempt++) {
        await t.database.db
          .updateTable('job')
          .set({ run_after: new Date(0) })
          .where('id', '=', jobRow.id)
          .execute();
        expect(await runner.runOne()).toBe(true);
        const j = await job(jobRow.id);
        expect(j.attempts).toBe(attempt);
        const v = await t.database.db
          .selectFrom('resource_version')
          .selectAll()
          .where('id', '=', version.id)
          .executeTakeFirstOrThrow();
        if (attempt < 3) {
          expect(j.state).toBe('queued');
          expect(new Date(j.run_after).getTime()).toBeGreaterThan(Date.now());
          expect(v.state).toBe('pending');
        } else {
          expect(j.state).toBe('failed');
          expect(v.state).toBe('error');
          expect(v.error?.message).toContain('terhenti');
          expect(v.error?.message_en).toContain('stopped');
          expect(v.error?.message).not.toContain(t.config.dataDir);
        }
      }
      expect(await runner.runOne()).toBe(false);
      expect(
        (
          await t.database.db
            .selectFrom('resource')
            .select('datastore_version_id')
            .where('id', '=', r.id)
            .executeTakeFirstOrThrow()
        ).datastore_version_id,
      ).toBeNull();
    });

    it('enqueues in the caller transaction: a rolled-back upload leaves no job', async () => {
      const before = (await t.database.db.selectFrom('job').select('id').execute()).length;
      const r = await t.database.db.selectFrom('resource').select('id').executeTakeFirstOrThrow();
      await expect(
        t.database.db.transaction().execute(async (trx) => {
          await createIngestVersion(trx, {
            resourceId: r.id,
            storageKey: `resources/${crypto.randomUUID()}/x.csv`,
            fileName: 'x.csv',
            format: 'CSV',
            sizeBytes: 1,
            sha256: 'sha256:00',
            createdBy: null,
          });
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect((await t.database.db.selectFrom('job').select('id').execute()).length).toBe(before);
    });
  });
}
