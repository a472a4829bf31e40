#!/usr/bin/env node
// Run by `npm ci` (prepare) and `npm start` (prestart) after the build: makes the migrated,
// empty PGlite database a first start copies (src/kernel/db/pglite-template.ts), when the
// migrations changed since it was made. Skipped where dist/ is missing.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS = path.join(ROOT, 'dist', 'kernel', 'db', 'migrations');

const files = await readdir(MIGRATIONS).catch(() => null);
if (!files) {
  console.warn('pglite-template: dist/ has no migrations; run `npm run build` first');
  process.exit(0);
}
const hash = createHash('sha256');
for (const f of files.sort()) hash.update(f).update(await readFile(path.join(MIGRATIONS, f)));
const pkg = JSON.parse(
  await readFile(path.join(ROOT, 'node_modules', 'idn-area-data', 'package.json'), 'utf8'),
);
hash.update(`idn-area-data@${pkg.version}`);
const source = hash.digest('hex').slice(0, 16);

const template = await import(path.join(ROOT, 'dist', 'kernel', 'db', 'pglite-template.js'));
if ((await template.templateSource()) === source) process.exit(0);
const started = Date.now();
await template.buildPgliteTemplate(source);
console.log(`pglite-template: migrated template database ready in ${Date.now() - started} ms`);
