/**
 * What the multi-instance tests do to and read from a running cluster: CKAN actions and uploads
 * over HTTP, the ingest job of a resource, Prometheus samples, the bucket's keys.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { GiveUp, type Instance, waitFor } from './multi-instance.js';
import type { Cluster } from './multi-instance-cluster.js';

/** A CKAN action through `base` (an instance or nginx) with an API token. */
export async function action<T = Record<string, unknown>>(
  base: string,
  name: string,
  token: string,
  body: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${base}/api/3/action/${name}`, {
    method: 'POST',
    headers: { authorization: token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { success: boolean; result: T; error?: unknown };
  if (!json.success) throw new Error(`${name} on ${base}: ${res.status} ${JSON.stringify(json.error)}`);
  return json.result;
}

/** resource_create with a CSV upload, as the cluster's producer. */
export async function upload(c: Cluster, base: string, datasetId: string, name: string, content: Buffer) {
  const form = new FormData();
  form.append('package_id', datasetId);
  form.append('name', name);
  form.append('upload', new Blob([content], { type: 'text/csv' }), `${name}.csv`);
  const res = await fetch(`${base}/api/3/action/resource_create`, {
    method: 'POST',
    headers: { authorization: c.producer.token },
    body: form,
  });
  const json = (await res.json()) as { success: boolean; result: { id: string; url: string } };
  if (!json.success) throw new Error(`upload to ${base}: ${res.status} ${JSON.stringify(json)}`);
  return json.result;
}

/** The ingest job of a resource's latest version, and that version. */
export async function ingestOf(c: Cluster, resourceId: string) {
  const version = await c.t.database.db
    .selectFrom('resource_version')
    .select(['id', 'state', 'row_count'])
    .where('resource_id', '=', resourceId)
    .orderBy('number', 'desc')
    .executeTakeFirstOrThrow();
  const job = await c.t.database.db
    .selectFrom('job')
    .select(['id', 'state', 'attempts', 'locked_by', 'error'])
    .where('kind', '=', 'ingest')
    .where(sql<string>`payload->>'versionId'`, '=', version.id)
    .executeTakeFirstOrThrow();
  return { version, job };
}

/** Wait until a resource's latest version is loaded and its job done. */
export const loaded = (c: Cluster, resourceId: string, limitMs = 180_000) =>
  waitFor(
    `the ingest of resource ${resourceId}`,
    async () => {
      const r = await ingestOf(c, resourceId);
      if (r.version.state === 'error') throw new Error(`ingest failed: ${JSON.stringify(r)}`);
      return r.version.state === 'complete' && r.job.state === 'done' ? r : undefined;
    },
    { limitMs, everyMs: 200 },
  );

/** Sum of a Prometheus series' samples whose labels include all of `labels`. */
export async function metric(
  c: Cluster,
  instance: Instance,
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  const res = await fetch(`${instance.url}/metrics`, {
    headers: { authorization: `Bearer ${c.metricsToken}` },
  });
  expect(res.status).toBe(200);
  let sum = 0;
  for (const line of (await res.text()).split('\n')) {
    const m = line.match(/^([a-z_]+)\{([^}]*)\} ([0-9.e+-]+)$/);
    if (!m || m[1] !== name) continue;
    const has = Object.entries(labels).every(([k, v]) => (m[2] ?? '').includes(`${k}="${v}"`));
    if (has) sum += Number(m[3]);
  }
  return sum;
}

export async function bucketKeys(c: Cluster): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of c.bucket.keys()) keys.push(key);
  return keys.sort();
}

/** The live instance whose runner id (`host:pid:…`) is `lockedBy`. */
const owner = (c: Cluster, lockedBy: string | null) =>
  c.instances.find((i) => i.child.exitCode === null && lockedBy?.split(':')[1] === String(i.child.pid));

/** The instance running a resource's ingest (caught while it runs) and its runner id. */
export const runningIngest = (c: Cluster, resourceId: string) =>
  waitFor(
    'the ingest to be running',
    async () => {
      const { job } = await ingestOf(c, resourceId);
      if (job.state === 'done')
        throw new GiveUp('the ingest ended before it could be stopped: use a larger file');
      const instance = job.state === 'running' ? owner(c, job.locked_by) : undefined;
      return instance && job.locked_by ? { instance, lockedBy: job.locked_by } : undefined;
    },
    { everyMs: 20 },
  );
