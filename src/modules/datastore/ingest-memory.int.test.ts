/**
 * Issue #20 item 4: an ingest's memory does not grow with the file. ingest-memory-probe.ts puts
 * a 2,000,000-row CSV through the reader, validation (a two-column primary key, the check
 * that remembers every row) and COPY chunking; its process's peak RSS stays
 * under 300 MB. Measured, not timed. It runs in a Node process of its own, as an ingest runs in
 * the application's: this test worker alone holds over 200 MB before it starts, and V8 sizes its
 * heap from what is already live, so measured in here the bound would say more about the test
 * runner than about the ingest.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROWS = 2_000_000;
const BOUND = 300 * 1024 * 1024;

describe('ingest memory', () => {
  it(`a ${ROWS.toLocaleString('en-US')}-row file stays under 300 MB of RSS`, async () => {
    const probe = fileURLToPath(new URL('./ingest-memory-probe.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', probe, String(ROWS)], {
      maxBuffer: 1 << 20,
    });
    const m = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    expect(m).toMatchObject({ valid: true, rowCount: ROWS, rowsDone: ROWS, chunks: ROWS / 5000 });
    expect(m.bytes).toBeGreaterThan(ROWS * 40);
    expect(m.peakRss, `peak RSS ${Math.round(m.peakRss / 1024 / 1024)} MB`).toBeLessThan(BOUND);
  }, 600_000);
});
