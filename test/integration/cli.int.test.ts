import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/kernel/config.js';
import { type Database, openDatabase } from '../../src/kernel/db/database.js';
import { startServer } from '../../src/main.js';
import { adminUrl, databaseUrlFor, dropDatabase } from '../support/postgres-admin.js';
import { createTestDatabase } from '../support/test-database.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/satudata.js');
const TABLES = [
  'agency',
  'app_user',
  'user_role',
  'api_token',
  'audit_log',
  'site_setting',
  'region',
] as const;

/** Run the real `satudata` command; never throws, returns exit code and output. */
async function satudata(args: string[], env: Record<string, string>) {
  const cleanEnv: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'development',
    ...env,
  };
  if (!env.DATABASE_URL) delete cleanEnv.DATABASE_URL;
  try {
    const r = await run(process.execPath, [BIN, ...args], { env: cleanEnv, cwd: ROOT });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function rowCounts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const r = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}

describe('satudata CLI', () => {
  let dataDir: string;
  let work: string;
  beforeAll(async () => {
    const tdb = await createTestDatabase('pglite');
    await tdb.database.close();
    dataDir = tdb.dataDir;
    work = await mkdtemp(path.join(os.tmpdir(), 'satudata-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  it('prints help naming every command', async () => {
    const r = await satudata(['--help'], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'seed-demo', 'user', 'token', 'agency', 'backup', 'restore'])
      expect(r.stdout).toContain(cmd);
  });

  it('seeds the demo, adds users, sets roles, imports agencies and creates a token', async () => {
    const env = { DATA_DIR: dataDir };
    expect((await satudata(['seed-demo'], env)).stdout).toContain('OK: 14 agencies, 9 users');
    const csv = path.join(work, 'opd.csv');
    await writeFile(csv, 'code,name,short_name,kind\ndisnaker,Dinas Tenaga Kerja,Disnaker,department\n');
    expect((await satudata(['agency', 'import', csv], env)).stdout).toContain('1 ditambah / added');
    const add = await satudata(
      [
        'user',
        'add',
        'operator.disnaker',
        '-n',
        'Operator Disnaker',
        '-p',
        'Sandi-Kuat-2026',
        '-a',
        'disnaker',
        '-r',
        'producer',
      ],
      env,
    );
    expect(add.stdout).toContain('OK: operator.disnaker');
    expect(
      (await satudata(['user', 'role', 'operator.disnaker', 'producer', 'leader'], env)).stdout,
    ).toContain('producer, leader');
    const token = await satudata(['token', 'create', 'operator.disnaker'], env);
    expect(token.stdout.trim()).toMatch(/^sdt_[\w-]{40,}$/);
    const bad = await satudata(['user', 'add', 'x', '-n', 'X', '-p', 'short'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('username');
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    // Several CLI processes in a row, each starting node and the database: a hang guard, not a speed target.
  }, 240_000);

  it('backs up PGlite and restores onto a fresh database with the same row counts', async () => {
    const file = path.join(work, 'magetan.backup');
    const backup = await satudata(['backup', file], { DATA_DIR: dataDir });
    expect(backup.stdout).toMatch(/^OK: \d+ rows/);
    const source = await openDatabase({ dataDir });
    const expected = await rowCounts(source);
    await source.close();

    const url = process.env.TEST_DATABASE_URL;
    const targetDir = await mkdtemp(path.join(os.tmpdir(), 'satudata-restore-'));
    const targetDb = `sd_restore_${process.pid}`;
    let targetUrl: string | undefined;
    if (url) {
      targetUrl = databaseUrlFor(url, targetDb);
      await dropDatabase(url, targetDb);
      const admin = await adminUrl(url);
      await admin.query(`create database ${targetDb}`);
      await admin.end();
    }
    try {
      const env: Record<string, string> = targetUrl
        ? { DATABASE_URL: targetUrl, DATA_DIR: targetDir }
        : { DATA_DIR: targetDir };
      const restore = await satudata(['restore', file], env);
      expect(restore.stderr).toBe('');
      expect(restore.stdout).toMatch(/^OK: \d+ rows/);
      const target = await openDatabase({ databaseUrl: targetUrl, dataDir: targetDir });
      expect(await rowCounts(target)).toEqual(expected);
      await target.close();
      console.log(
        `restore target: ${targetUrl ? 'PostgreSQL' : 'PGlite'}; rows: ${JSON.stringify(expected)}`,
      );
      const again = await satudata(['restore', file], env);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('tidak kosong / Target database is not empty');
    } finally {
      if (url) await dropDatabase(url, targetDb);
      await rm(targetDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('refuses to open the embedded database while the server owns it', async () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
    });
    const server = await startServer(config);
    try {
      const r = await satudata(['user', 'add', 'late', '-n', 'Late', '-p', 'Sandi-Kuat-2026'], {
        DATA_DIR: dataDir,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('sedang dipakai oleh server satudata');
      expect(r.stderr).toContain('stop the server first');
    } finally {
      await server.stop();
    }
    const after = await satudata(['migrate'], { DATA_DIR: dataDir });
    expect(after.code).toBe(0);
  });
});
