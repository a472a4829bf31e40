#!/usr/bin/env node
// `npm run build`: compiles src/ to dist/, one JavaScript file per TypeScript file (esbuild's
// transform, no bundle: the same output tsx produced at run time, so lazy imports and
// `new URL(…, import.meta.url)` keep their relative paths), and copies the other files of src/
// (the PGlite worker, stylesheets) beside them. Type checking is `npm run typecheck`'s job.
//
//   node bin/build.js             build now
//   node bin/build.js --if-stale  build only when a file under src/ (or this script, tsconfig.json or
//                                 package.json) changed since the last build;
//                                 run by `npm ci` (prepare), `npm start` (prestart) and `npm test`
//
// The new dist/ is written beside the old one and swapped in whole, so a server already running
// from dist/, or a second build at the same moment, never sees a half-written tree.
import { copyFile, mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
const INPUTS = ['bin/build.js', 'tsconfig.json', 'package.json'];
const TEST_FILE = /\.test\.tsx?$/;
const SOURCE_FILE = /\.tsx?$/;

/** Every file and folder under `dir`, with its modification time (a folder's changes when a file is added or removed). */
async function walk(dir, out = []) {
  out.push({ path: dir, isFile: false, mtimeMs: (await stat(dir)).mtimeMs });
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(p, out);
    else if (entry.isFile()) out.push({ path: p, isFile: true, mtimeMs: (await stat(p)).mtimeMs });
  }
  return out;
}

async function isStale(entries) {
  const built = await stat(STAMP).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
  if (built === undefined) return true;
  const inputs = await Promise.all(
    INPUTS.map((f) =>
      stat(path.join(ROOT, f)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ),
  );
  const sources = entries.filter((e) => !TEST_FILE.test(e.path));
  return Math.max(...inputs, ...sources.map((e) => e.mtimeMs)) > built;
}

async function loadEsbuild() {
  try {
    return await import('esbuild');
  } catch {
    return undefined;
  }
}

async function build(esbuild, entries, startedAt) {
  const files = entries.filter((e) => e.isFile && !TEST_FILE.test(e.path));
  const out = path.join(ROOT, `.dist-${process.pid}`);
  await rm(out, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: files.filter((f) => SOURCE_FILE.test(f.path)).map((f) => f.path),
    outdir: out,
    outbase: SRC,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    jsx: 'automatic',
    jsxImportSource: '@kitajs/html',
    logLevel: 'warning',
  });
  for (const f of files.filter((f) => !SOURCE_FILE.test(f.path))) {
    const target = path.join(out, path.relative(SRC, f.path));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(f.path, target);
  }
  // The stamp carries the time the build started: a file saved during the build is newer.
  const stamp = path.join(out, '.build-stamp');
  await writeFile(stamp, `built from src/ at ${startedAt.toISOString()}\n`);
  await utimes(stamp, startedAt, startedAt);
  await swapIn(out);
  return files.length;
}

async function swapIn(out) {
  const old = path.join(ROOT, `.dist-old-${process.pid}`);
  await rename(DIST, old).catch((err) => {
    if (err.code !== 'ENOENT') throw err;
  });
  try {
    await rename(out, DIST);
  } catch (err) {
    // Another build swapped its dist/ in at the same moment: keep that one.
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    await rm(out, { recursive: true, force: true });
  }
  await rm(old, { recursive: true, force: true });
}

async function main() {
  const ifStale = process.argv.includes('--if-stale');
  const startedAt = new Date();
  const entries = await walk(SRC);
  if (ifStale && !(await isStale(entries))) return;
  const esbuild = await loadEsbuild();
  if (!esbuild) {
    const haveDist = await stat(STAMP).then(
      () => true,
      () => false,
    );
    // A production install (`npm ci --omit=dev`) has no compiler: it runs a dist/ built beforehand.
    if (ifStale && (haveDist || process.env.npm_lifecycle_event === 'prepare')) {
      console.warn(
        haveDist
          ? 'build: esbuild is not installed (dev dependency); running the existing dist/'
          : 'build: esbuild is not installed (dev dependency); dist/ must be built with `npm run build` before `npm start`',
      );
      return;
    }
    console.error(
      'build: esbuild (a dev dependency) is not installed: install with dev dependencies (`npm ci` without --omit=dev or NODE_ENV=production), then `npm run build`',
    );
    process.exit(1);
  }
  const t = Date.now();
  const count = await build(esbuild, entries, startedAt);
  console.error(`build: src/ → dist/ (${count} files) in ${Date.now() - t} ms`);
}

await main();
