#!/usr/bin/env node
// `npm run lint`'s XSS step: runs @kitajs/ts-html-plugin's `xss-scan -s` and passes its output
// through. The scanner exits 0 when it crashes (its `main().catch(console.error)`), which would let
// lint pass without having scanned anything; so the step passes only when the scanner also printed
// its verdict ("No XSS vulnerabilities found in N files") and nothing on stderr.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The exit code of the lint step for one run of the scanner. */
export function scanVerdict({ status, stdout, stderr }) {
  if (status !== 0) return status ?? 1;
  if (stderr.trim() !== '' || !/No XSS vulnerabilities found in \d+ files/.test(stdout)) return 1;
  return 0;
}

function main() {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@kitajs/ts-html-plugin/package.json');
  const cli = path.join(path.dirname(pkg), 'dist', 'cli.js');
  const run = spawnSync(process.execPath, [cli, '-s', ...process.argv.slice(2)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  const code = scanVerdict({ status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' });
  if (code !== 0 && run.status === 0)
    console.error('xss-scan ended without its verdict (it crashed?): the scan did not run; failing.');
  process.exit(code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
