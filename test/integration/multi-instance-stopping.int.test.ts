/**
 * Stopping instances of the two-instance cluster (issue #22; the cluster and what it runs:
 * test/support/multi-instance-cluster.ts): SIGTERM during an upload finishes it whole and leaves
 * nothing half-written, SIGTERM during a job hands the job back, and a killed instance's job is
 * recovered by the other once its lease runs out. Needs TEST_DATABASE_URL and nginx.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, waitReady } from '../support/multi-instance.js';
import {
  CLUSTER_RUNS,
  type Cluster,
  connects,
  csv,
  LIMIT,
  sha256,
  startCluster,
  stopCluster,
} from '../support/multi-instance-cluster.js';
import {
  action,
  bucketKeys,
  ingestOf,
  loaded,
  runningIngest,
  upload,
} from '../support/multi-instance-probes.js';

describe.skipIf(!CLUSTER_RUNS)(
  'stopping instances of two on one PostgreSQL and one S3 server, behind nginx',
  () => {
    let c: Cluster;
    beforeAll(async () => {
      c = await startCluster();
    }, LIMIT);
    afterAll(() => stopCluster(c), LIMIT);

    it(
      'SIGTERM during an upload: the upload finishes whole, nothing is half-written, the other instance ingests it',
      async () => {
        const dataset = await action<{ id: string }>(c.proxy.url, 'package_create', c.producer.token, {
          name: `henti-${randomBytes(3).toString('hex')}`,
          title: 'Unggahan saat berhenti',
          owner_org: c.agencyCode,
        });
        const content = csv(20_000, 7);
        const keysBefore = await bucketKeys(c);
        const boundary = `----satudata${randomBytes(8).toString('hex')}`;
        const head = Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="package_id"\r\n\r\n${dataset.id}\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nHenti\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="henti.csv"\r\n` +
            'Content-Type: text/csv\r\n\r\n',
        );
        const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
        const half = Math.floor(content.length / 2);
        const requestId = `henti-${randomBytes(6).toString('hex')}`;
        const request = http.request(`${c.a.url}/api/3/action/resource_create`, {
          method: 'POST',
          headers: {
            authorization: c.producer.token,
            'x-request-id': requestId,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': head.length + content.length + tail.length,
          },
        });
        const response = new Promise<{ status: number; body: string }>((done, fail) => {
          request.on('response', (res) => {
            let body = '';
            res.on('data', (d) => {
              body += String(d);
            });
            res.on('end', () => done({ status: res.statusCode ?? 0, body }));
          });
          request.on('error', fail);
        });
        request.write(Buffer.concat([head, content.subarray(0, half)]));
        // The instance has the request (its log says so) and is reading the file.
        await waitFor('a to receive the upload', async () =>
          (await readFile(c.a.log, 'utf8'))
            .split('\n')
            .some((line) => line.includes(requestId) && line.includes('incoming request')),
        );
        c.a.child.kill(c.unit.killSignal);
        // The instance stops accepting: new connections are refused while the upload goes on.
        await waitFor('a to stop listening', async () => !(await connects(c.a.port)));
        // Meanwhile nginx sends everything to b.
        for (let n = 0; n < 4; n++) expect((await fetch(`${c.proxy.url}/healthz`)).status).toBe(200);
        request.end(Buffer.concat([content.subarray(half), tail]));
        const answer = await response;
        expect(answer.status, answer.body).toBe(200);
        const resource = (JSON.parse(answer.body) as { result: { id: string; hash: string; size: number } })
          .result;
        expect(resource).toMatchObject({ hash: sha256(content), size: content.length });
        expect(await c.a.exited).toBe(0);
        // A new instance takes a's place (started now, used by the next test).
        c.a = await c.start('a2', c.ports[0]);
        // Exactly one new object, whole.
        const keysAfter = await bucketKeys(c);
        const added = keysAfter.filter((k) => !keysBefore.includes(k));
        expect(added).toHaveLength(1);
        expect(await c.bucket.sizeOf(added[0] ?? '')).toBe(content.length);
        // a's runner stopped before its last request: another instance ingests the upload.
        const { version, job } = await loaded(c, resource.id);
        expect(version.row_count).toBe(20_000);
        expect(job.attempts).toBe(1);
      },
      LIMIT,
    );

    it(
      'SIGTERM during a job hands the job back; another instance runs it to the end',
      async () => {
        await waitReady(c.a);
        const dataset = await action<{ id: string }>(c.proxy.url, 'package_create', c.producer.token, {
          name: `tugas-${randomBytes(3).toString('hex')}`,
          title: 'Muat ulang',
          owner_org: c.agencyCode,
        });
        const rows = 60_000;
        const r = await upload(c, c.b.url, dataset.id, 'besar', csv(rows, 11));
        const { instance: running, lockedBy } = await runningIngest(c, r.id);
        running.child.kill(c.unit.killSignal);
        expect(await running.exited).toBe(0);
        // Its replacement starts while the other instance finishes the job.
        if (running === c.a) c.a = await c.start('a3', c.ports[0]);
        else c.b = await c.start('b2', c.ports[1]);
        // Handed back before the process ended (not left for the lease to run out): queued again,
        // or already taken by the other instance.
        const handedBack = (await ingestOf(c, r.id)).job;
        expect(handedBack.locked_by).not.toBe(lockedBy);
        expect(handedBack.state).not.toBe('failed');
        const { version, job } = await loaded(c, r.id);
        expect(job.attempts).toBe(2);
        expect(version.row_count).toBe(rows);
        await Promise.all([waitReady(c.a), waitReady(c.b)]);
      },
      LIMIT,
    );

    it(
      'an instance killed mid-job has its job recovered by the other once the lease runs out',
      async () => {
        const dataset = await action<{ id: string }>(c.proxy.url, 'package_create', c.producer.token, {
          name: `mati-${randomBytes(3).toString('hex')}`,
          title: 'Instans mati',
          owner_org: c.agencyCode,
        });
        const rows = 60_000;
        const r = await upload(c, c.proxy.url, dataset.id, 'besar', csv(rows, 13));
        const { instance: running } = await runningIngest(c, r.id);
        running.child.kill('SIGKILL');
        await running.exited;
        const { version, job } = await loaded(c, r.id);
        expect(job.attempts).toBe(2);
        expect(version.row_count).toBe(rows);
        // The finished job still says why its first attempt did not finish (kernel/jobs).
        expect(await ingestOf(c, r.id).then((x) => x.job.error)).toMatch(
          /^interrupted: the process running it stopped/,
        );
      },
      LIMIT,
    );
  },
);
