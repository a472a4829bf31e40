import { describe, expect, it } from 'vitest';
import { checkFormToken, issueFormToken, MAX_AGE_MS, MIN_FILL_MS } from './form-token.js';

describe('the public form’s signed token', () => {
  const secret = 'test-secret-of-the-site';
  const issued = new Date('2026-12-07T02:00:00Z');
  const later = (ms: number) => new Date(issued.getTime() + ms);
  const token = issueFormToken(secret, issued);

  it('is accepted between the minimum fill time and its maximum age', () => {
    expect(checkFormToken(secret, token, later(MIN_FILL_MS))).toBe('ok');
    expect(checkFormToken(secret, token, later(MAX_AGE_MS))).toBe('ok');
  });

  it('is refused when posted too soon or too late', () => {
    expect(checkFormToken(secret, token, later(MIN_FILL_MS - 1))).toBe('too_fast');
    expect(checkFormToken(secret, token, later(MAX_AGE_MS + 1))).toBe('expired');
  });

  it('is refused when forged: another secret, a moved timestamp, garbage', () => {
    expect(checkFormToken('another-secret', token, later(MIN_FILL_MS))).toBe('invalid');
    const [, mac] = token.split('.');
    const older = `${(issued.getTime() - 60_000).toString(36)}.${mac}`;
    expect(checkFormToken(secret, older, later(MIN_FILL_MS))).toBe('invalid');
    for (const junk of ['', '.', 'abc', 'zz.zz', `${token}x`])
      expect(checkFormToken(secret, junk, later(MIN_FILL_MS))).toBe('invalid');
  });
});
