/**
 * A migrated, empty PGlite database made once at install time (`npm ci` runs
 * bin/pglite-template.js), copied into a new data folder on first start. Creating a PGlite
 * cluster and loading the ~91,000 official region codes cost most of a first start; a copy
 * costs a fraction of a second. A template made by other migrations than this build's is
 * ignored, and the first start migrates as before.
 */
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, pgliteDir } from './database.js';
import { MIGRATION_NAMES, migrateToLatest } from './migrate.js';

/** `.cache/pglite-template` at the package root (src/kernel/db and dist/kernel/db are both three levels down). */
export const TEMPLATE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../.cache/pglite-template',
);

interface TemplateMeta {
  migrations: string[];
  /** What the template was made from (bin/pglite-template.js: a hash of the migration sources). */
  source: string;
}

async function readMeta(dir: string): Promise<TemplateMeta | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'template.json'), 'utf8')) as TemplateMeta;
  } catch {
    return undefined;
  }
}

/** The source tag of the template in `dir`, when it holds one made by these migrations. */
export async function templateSource(dir = TEMPLATE_DIR): Promise<string | undefined> {
  const meta = await readMeta(dir);
  return meta && meta.migrations.join() === MIGRATION_NAMES.join() ? meta.source : undefined;
}

/** Make the template: a new cluster, every migration, written beside `dir` and swapped in. */
export async function buildPgliteTemplate(source: string, dir = TEMPLATE_DIR): Promise<void> {
  const work = `${dir}.${process.pid}`;
  await rm(work, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: work });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
  const meta: TemplateMeta = { migrations: MIGRATION_NAMES, source };
  await writeFile(path.join(work, 'template.json'), JSON.stringify(meta));
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.dirname(dir), { recursive: true });
  await rename(work, dir);
}

/**
 * On a data folder that has no database yet, copy the template's cluster in (true when it
 * did). Anything unusual (no template, another set of migrations) leaves the folder alone.
 */
export async function seedFromPgliteTemplate(dataDir: string, dir = TEMPLATE_DIR): Promise<boolean> {
  const target = pgliteDir(dataDir);
  if (
    await stat(target).then(
      () => true,
      () => false,
    )
  )
    return false;
  if (!(await templateSource(dir))) return false;
  const work = `${target}.${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await cp(pgliteDir(dir), work, { recursive: true });
  await rename(work, target);
  return true;
}
