import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/kernel/db/database.js';
import { migrateToLatest } from '../../src/kernel/db/migrate.js';
import { TEMPLATE_DIR, templateSource } from '../../src/kernel/db/pglite-template.js';
import { adminUrl, databaseUrlFor, dropDatabase } from './postgres-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/**
 * Migrate one template database per engine once per run: loading ~91,000 region codes takes
 * seconds, so test files copy the template (a folder for PGlite, CREATE DATABASE … TEMPLATE
 * for PostgreSQL) instead of migrating again.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  // The CLI tests run the real `satudata` command, which runs the compiled dist/: build it when
  // src/ changed since the last build (a no-op after `npm ci`, which builds it).
  const buildScript = fileURLToPath(new URL('../../bin/build.js', import.meta.url));
  execFileSync(process.execPath, [buildScript, '--if-stale'], { stdio: 'inherit' });
  // The migrated PGlite template a first start copies (made by npm ci; remade here when the
  // migrations changed) serves the tests too.
  const templateScript = fileURLToPath(new URL('../../bin/pglite-template.js', import.meta.url));
  execFileSync(process.execPath, [templateScript], { stdio: 'inherit' });
  let dir = TEMPLATE_DIR;
  if (!(await templateSource())) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'satudata-template-'));
    const pglite = await openDatabase({ dataDir: dir });
    await migrateToLatest(pglite.db);
    await pglite.close();
  }
  project.provide('pgliteTemplate', dir);

  let pgTemplate: string | null = null;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    pgTemplate = `sd_template_${process.pid}`;
    await dropDatabase(url, pgTemplate);
    const admin = await adminUrl(url);
    await admin.query(`create database ${pgTemplate}`);
    await admin.end();
    const pg = await openDatabase({ databaseUrl: databaseUrlFor(url, pgTemplate), dataDir: dir });
    await migrateToLatest(pg.db);
    await pg.close();
  }
  project.provide('postgresTemplate', pgTemplate);
  console.log(
    `Test databases: PGlite${pgTemplate ? ' + PostgreSQL' : ' only (set TEST_DATABASE_URL to add PostgreSQL)'}; templates ready in ${Date.now() - started} ms`,
  );

  return async () => {
    if (dir !== TEMPLATE_DIR) await rm(dir, { recursive: true, force: true });
    if (url && pgTemplate) await dropDatabase(url, pgTemplate);
  };
}
