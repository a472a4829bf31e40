import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from './migrate.js';
import { seedFromPgliteTemplate, templateSource } from './pglite-template.js';

describe(seedFromPgliteTemplate.name, () => {
  let root: string;
  let template: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'pglite-template-'));
    template = path.join(root, 'template');
    await mkdir(path.join(template, 'pglite'), { recursive: true });
    await writeFile(path.join(template, 'pglite', 'PG_VERSION'), '17');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const meta = (migrations: string[]) =>
    writeFile(path.join(template, 'template.json'), JSON.stringify({ migrations, source: 'abc' }));

  it('copies a template made by this build’s migrations into a data folder that has no database', async () => {
    await meta(MIGRATION_NAMES);
    const data = path.join(root, 'data');
    expect(await seedFromPgliteTemplate(data, template)).toBe(true);
    expect(await readFile(path.join(data, 'pglite', 'PG_VERSION'), 'utf8')).toBe('17');
  });

  it('leaves an existing database alone', async () => {
    await meta(MIGRATION_NAMES);
    const data = path.join(root, 'data');
    await mkdir(path.join(data, 'pglite'), { recursive: true });
    expect(await seedFromPgliteTemplate(data, template)).toBe(false);
  });

  it('ignores a template made by other migrations, so the first start migrates as before', async () => {
    await meta([...MIGRATION_NAMES, '9999-future']);
    expect(await templateSource(template)).toBeUndefined();
    expect(await seedFromPgliteTemplate(path.join(root, 'data'), template)).toBe(false);
  });

  it('ignores a folder without a template', async () => {
    expect(await seedFromPgliteTemplate(path.join(root, 'data'), path.join(root, 'none'))).toBe(false);
  });
});
