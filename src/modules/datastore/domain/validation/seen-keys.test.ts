import { describe, expect, it } from 'vitest';
import { SeenKeys } from './seen-keys.js';

describe('SeenKeys', () => {
  it('answers the first row of a repeated key and nothing for a new one', () => {
    const seen = new SeenKeys(16);
    expect(seen.firstRowOrAdd('35.10.01.2001\u001f2024', 3)).toBeUndefined();
    expect(seen.firstRowOrAdd('35.10.01.2001\u001f2023', 4)).toBeUndefined();
    expect(seen.firstRowOrAdd('35.10.01.2001\u001f2024', 9)).toBe(3);
    expect(seen.firstRowOrAdd('', 0)).toBeUndefined();
    expect(seen.firstRowOrAdd('', 12)).toBe(0);
    expect(seen.size).toBe(3);
  });

  it('keeps every key through its growth: 200,000 distinct keys, then each again', () => {
    const seen = new SeenKeys(16);
    const key = (i: number) => `${i}\u001f${i % 7}`;
    for (let i = 0; i < 200_000; i++) expect(seen.firstRowOrAdd(key(i), i + 2)).toBeUndefined();
    expect(seen.size).toBe(200_000);
    for (let i = 0; i < 200_000; i += 997) expect(seen.firstRowOrAdd(key(i), 1)).toBe(i + 2);
    // Keys differing in one character only, or by order, are different keys.
    expect(seen.firstRowOrAdd('1\u001f2', 5)).toBeUndefined();
    expect(seen.firstRowOrAdd('2\u001f1', 6)).toBeUndefined();
  });
});
