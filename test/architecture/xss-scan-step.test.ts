/**
 * `npm run lint`'s XSS step fails when the scanner crashes (issue 11, finding 11): xss-scan itself
 * exits 0 after printing a crash to stderr, so the step's wrapper (bin/xss-scan.js) passes only on
 * the scanner's clean verdict.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain JavaScript script in bin/, no declarations
import { scanVerdict } from '../../bin/xss-scan.js';

const CLEAN = 'No XSS vulnerabilities found in 412 files!\n';

describe('the lint step around xss-scan', () => {
  it('passes only on the clean verdict', () => {
    expect(scanVerdict({ status: 0, stdout: CLEAN, stderr: '' })).toBe(0);
  });

  it('fails when the scanner crashed but exited 0', () => {
    const crash = 'TypeError: Cannot read properties of undefined (reading "kind")\n    at recursiveDiagnose';
    expect(scanVerdict({ status: 0, stdout: '', stderr: crash })).toBe(1);
    expect(scanVerdict({ status: 0, stdout: '', stderr: '' })).toBe(1);
    expect(scanVerdict({ status: 0, stdout: CLEAN, stderr: crash })).toBe(1);
  });

  it('keeps the scanner own failure codes (1 errors, 2 warnings only) and a killed scan fails', () => {
    expect(scanVerdict({ status: 1, stdout: '', stderr: 'x.tsx(3,5): error' })).toBe(1);
    expect(scanVerdict({ status: 2, stdout: '', stderr: 'x.tsx(3,5): warning' })).toBe(2);
    expect(scanVerdict({ status: null, stdout: '', stderr: '' })).toBe(1);
  });

  it('fails for real when the scanner crashes before scanning (the bare scanner exits 0 then)', () => {
    // A preload that makes the scanner's argument parsing throw inside its main().
    const dir = mkdtempSync(path.join(tmpdir(), 'xss-crash-'));
    const crash = path.join(dir, 'crash.cjs');
    writeFileSync(
      crash,
      `const Module = require('module'); const load = Module._load;
       Module._load = function (req, ...rest) { const m = load.call(this, req, ...rest);
         return req === 'yargs/helpers' ? { ...m, hideBin: () => { throw new Error('simulated crash'); } } : m; };`,
    );
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const env = { ...process.env, NODE_OPTIONS: `--require ${crash}` };
    const bare = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/@kitajs/ts-html-plugin/dist/cli.js')],
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
    );
    expect(bare.stderr).toContain('simulated crash');
    expect(bare.status).toBe(0);
    const step = spawnSync(process.execPath, [path.join(root, 'bin/xss-scan.js')], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(step.status).toBe(1);
    expect(step.stderr).toContain('without its verdict');
  });

  it('is the step npm run lint runs', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.scripts.lint).toMatch(/node bin\/xss-scan\.js$/);
    expect(pkg.scripts.lint).not.toMatch(/(^|&& )xss-scan\b/);
  });
});
