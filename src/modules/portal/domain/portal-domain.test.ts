import { describe, expect, it } from 'vitest';
import { changeLog } from './change-log.js';
import { citation } from './citation.js';
import { dataApiExamples } from './data-api-examples.js';
import { indicatorSeries, sparklinePoints } from './indicator-series.js';

const at = (d: string) => new Date(`${d}T00:00:00Z`);

describe('portal domain', () => {
  it('changeLog compares each version with the same table’s previous one, newest first', () => {
    const log = changeLog(
      [
        { resourceId: 'a', resourceName: 'A', number: 1, rowCount: 10, columns: ['x'], at: at('2024-01-01') },
        { resourceId: 'b', resourceName: 'B', number: 1, rowCount: 3, columns: ['y'], at: at('2024-02-01') },
        {
          resourceId: 'a',
          resourceName: 'A',
          number: 2,
          rowCount: 8,
          columns: ['x', 'z'],
          at: at('2024-03-01'),
        },
      ],
      [
        { at: at('2024-04-01'), fields: ['metadata_modified', 'notes'] },
        { at: at('2024-05-01'), fields: ['state'] },
      ],
    );
    expect(log.map((e) => e.kind)).toEqual(['metadata', 'version', 'version', 'version']);
    expect(log[0]).toEqual({ kind: 'metadata', at: at('2024-04-01'), fields: ['notes'] });
    expect(log[1]).toMatchObject({
      resourceName: 'A',
      number: 2,
      rowsDelta: -2,
      columnsAdded: ['z'],
      columnsRemoved: [],
    });
    expect(log[2]).toMatchObject({ resourceName: 'B', rowsDelta: null });
  });

  it('citation escapes BibTeX specials and keeps RIS values on one line', () => {
    const c = citation(
      {
        agency: 'Dinas A & B',
        title: 'Data\n100% {uji}',
        name: 'data-uji',
        version: '',
        date: '2025-03-04T10:00:00',
        publisher: 'Portal Satu Data X',
        url: 'https://data.example.go.id/dataset/data-uji',
        accessed: '2026-01-02',
      },
      { version: 'versi ', accessed: 'diakses 2026-01-02' },
    );
    expect(c.plain).toBe(
      'Dinas A & B. (2025). Data\n100% {uji} [Data set]. Portal Satu Data X. https://data.example.go.id/dataset/data-uji (diakses 2026-01-02).',
    );
    expect(c.bibtex).toContain('author = {{Dinas A \\& B}}');
    expect(c.bibtex).toContain('title = {Data\n100\\% uji}');
    expect(c.bibtex).not.toContain('version =');
    expect(c.ris).toContain('TI  - Data 100% {uji}');
    expect(c.ris).toContain('DA  - 2025/03/04');
  });

  it('indicatorSeries sums rows per period, skips blanks and gives the change; sparkline needs two points', () => {
    const s = indicatorSeries(
      [
        { t: 2023, v: 2 },
        { t: 2022, v: 1 },
        { t: 2023, v: 3 },
        { t: 2024, v: null },
        { t: null, v: 9 },
      ],
      't',
      'v',
    );
    expect(s.points).toEqual([
      { period: '2022', value: 1 },
      { period: '2023', value: 5 },
    ]);
    expect(s.change).toBe(4);
    expect(sparklinePoints(s.points).split(' ')).toHaveLength(2);
    expect(sparklinePoints(s.points.slice(0, 1))).toBe('');
  });

  it('dataApiExamples offers the SQL example only when enabled', () => {
    const opts = { siteUrl: 'https://x.go.id', resourceId: 'r1', columns: ['a'] };
    expect(dataApiExamples({ ...opts, sqlEnabled: false }).map((e) => e.id)).toEqual(['curl', 'python', 'r']);
    const sql = dataApiExamples({ ...opts, sqlEnabled: true }).at(-1);
    expect(sql?.code).toBe(
      `curl 'https://x.go.id/api/3/action/datastore_search_sql?sql=${encodeURIComponent('SELECT "a" FROM "r1" LIMIT 5')}'`,
    );
  });
});
