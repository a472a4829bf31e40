/**
 * The two-instance cluster of the multi-instance tests (issue #22): one PostgreSQL database, one
 * S3 server (s3rver), two compiled `satudata serve` instances started with the repo's systemd
 * unit and env example, nginx in front with the repo's site config. Set-up, tear-down and the
 * helpers the tests read the cluster with (actions, uploads, jobs, metrics, the bucket).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { S3FileStore } from '../../src/kernel/storage/file-store.js';
import { buildAgency } from '../factories/index.js';
import { userWithToken } from './catalog-fixtures.js';
import {
  DEPLOY,
  freePort,
  type Instance,
  type LoadBalancer,
  NGINX,
  readEnvFile,
  readUnit,
  startInstance,
  startNginx,
  waitReady,
} from './multi-instance.js';
import { startS3Server, type TestS3Server } from './s3-server.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** The cluster needs PostgreSQL; without TEST_DATABASE_URL the tests are skipped. */
export const CLUSTER_RUNS = Boolean(process.env.TEST_DATABASE_URL);
if (CLUSTER_RUNS && !existsSync(NGINX))
  throw new Error(`the multi-instance test needs nginx at ${NGINX} (apt-get install nginx)`);

/** Limits, not expectations: under a loaded machine instances start and ingest slowly. */
export const LIMIT = 300_000;

export const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A CSV of `rows` rows (kecamatan, tahun, jumlah). */
export function csv(rows: number, seed = 0): Buffer {
  const lines = ['kecamatan,tahun,jumlah'];
  for (let i = 0; i < rows; i++) lines.push(`Kecamatan ${(i + seed) % 18},${2020 + (i % 5)},${i + seed}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Does a TCP connection to 127.0.0.1:port succeed? */
export function connects(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;

/** Start the database, S3, both instances (at once, as after a deployment) and nginx. */
export async function startCluster() {
  const metricsToken = `metrics-${randomBytes(12).toString('hex')}`;
  const t: TestDatabase = await createTestDatabase('postgres');
  const agency = await buildAgency(t.database);
  const producer = await userWithToken(t.database, 'producer', agency.id);
  const custodian = await userWithToken(t.database, 'custodian');
  const s3: TestS3Server = await startS3Server();
  const bucket = new S3FileStore(s3.settings);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'satudata-multi-'));
  const unit = await readUnit(path.join(DEPLOY, 'satudata.service'));
  const ports: [number, number] = [await freePort(), await freePort()];
  const proxyPort = await freePort();
  const env = {
    // The deployment's own example, with this machine's addresses and secrets.
    ...(await readEnvFile(path.join(DEPLOY, 'satudata.env.example'))),
    DATABASE_URL: t.databaseUrl ?? '',
    ...s3.env,
    SITE_URL: `http://127.0.0.1:${proxyPort}`,
    COOKIE_SECRET: randomBytes(24).toString('hex'),
    METRICS_TOKEN: metricsToken,
    // A dead instance's job is taken over after 10 s instead of a minute.
    JOB_LEASE_SECONDS: '10',
    LOG_LEVEL: 'info',
  };
  const instances: Instance[] = [];
  /** Start an instance named `name` on `port` (its own DATA_DIR, the shared env). */
  const start = async (name: string, port: number) => {
    const instance = await startInstance(
      name,
      port,
      { ...env, DATA_DIR: path.join(dir, `data-${name}`) },
      dir,
    );
    instances.push(instance);
    return instance;
  };
  const [a, b] = await Promise.all([start('a', ports[0]), start('b', ports[1])]);
  await Promise.all([waitReady(a), waitReady(b)]);
  const proxy: LoadBalancer = await startNginx(path.join(dir, 'nginx'), ports, proxyPort);
  return {
    t,
    dir,
    agencyCode: agency.code,
    producer,
    custodian,
    s3,
    bucket,
    unit,
    ports,
    proxy,
    instances,
    metricsToken,
    /** The instances on ports[0] and ports[1]; a test that replaces one sets it here. */
    a,
    b,
    start,
  };
}

export async function stopCluster(c: Cluster | undefined) {
  if (!c) return;
  await c.proxy.stop();
  for (const i of c.instances)
    if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
  await Promise.all(c.instances.map((i) => i.exited));
  await c.s3.stop();
  await c.t.drop();
  await rm(c.dir, { recursive: true, force: true });
}
