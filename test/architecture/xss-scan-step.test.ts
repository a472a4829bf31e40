/**
 * `npm run lint`'s XSS step fails when the scanner crashes (issue 11, finding 11): xss-scan itself
 * exits 0 after printing a crash to stderr, so the step's wrapper (bin/xss-scan.js) passes only on
 * the scanner's clean verdict.
 */
import { readFileSync } from 'node:fs';
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

  it('is the step npm run lint runs', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.scripts.lint).toMatch(/node bin\/xss-scan\.js$/);
    expect(pkg.scripts.lint).not.toMatch(/(^|&& )xss-scan\b/);
  });
});
