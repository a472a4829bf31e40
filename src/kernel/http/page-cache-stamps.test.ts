import { describe, expect, it } from 'vitest';
import { coalescedReads } from './page-cache.js';

/**
 * The page cache's stamp reads are coalesced under load, but a request never takes the answer of
 * a read that began before it arrived (a change committed in between would be missed).
 */
describe('coalesced stamp reads', () => {
  function controlledReads() {
    const started: { resolve: (v: string) => void }[] = [];
    let n = 0;
    const read = () =>
      new Promise<string>((resolve) => {
        n += 1;
        started.push({ resolve });
      });
    return { read, started, count: () => n };
  }

  it('a lone request costs one read', async () => {
    const c = controlledReads();
    const stamps = coalescedReads(c.read);
    const a = stamps();
    c.started[0]?.resolve('1');
    expect(await a).toBe('1');
    expect(c.count()).toBe(1);
  });

  it('requests arriving during a read share the next one, begun after they arrived', async () => {
    const c = controlledReads();
    const stamps = coalescedReads(c.read);
    const first = stamps();
    // A change commits now; these requests must see it.
    const later = [stamps(), stamps(), stamps()];
    expect(c.count()).toBe(1);
    c.started[0]?.resolve('old');
    expect(await first).toBe('old');
    await Promise.resolve();
    await Promise.resolve();
    expect(c.count()).toBe(2);
    c.started[1]?.resolve('new');
    expect(await Promise.all(later)).toEqual(['new', 'new', 'new']);
  });

  it('a failed read fails only its own requests; the next read goes ahead', async () => {
    let calls = 0;
    const stamps = coalescedReads(async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return 'ok';
    });
    const a = stamps();
    const b = stamps();
    await expect(a).rejects.toThrow('connection lost');
    expect(await b).toBe('ok');
  });
});
