import { describe, expect, it } from 'vitest';
import { type FigureLike, perAgency, perMonth, quantile, summarize } from './statistics.js';

const fig = (days: number, onTime: boolean, agencyId: string | null, month = '2026-06'): FigureLike => ({
  filedAt: new Date(`${month}-10T03:00:00Z`),
  answeredAt: new Date(`${month}-20T03:00:00Z`),
  workingDaysTaken: days,
  onTime,
  outcome: 'delivered_file',
  agencyId,
  rating: { index: 75 },
});

describe('request service statistics', () => {
  it('computes median, 90th percentile and the share answered in time', () => {
    const s = summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 12].map((d) => fig(d, d <= 10, null)));
    expect(s).toMatchObject({
      total: 10,
      answered: 10,
      medianDays: 5,
      p90Days: 9,
      onTimeShare: 0.9,
      ikm: 75,
    });
    expect(quantile([], 0.5)).toBeNull();
  });

  it('hides agencies with fewer than 5 requests and counts per month', () => {
    const rows = [...Array(5)].map(() => fig(3, true, 'a')).concat([fig(4, true, 'b', '2026-07')]);
    expect(perAgency(rows).map(([id]) => id)).toEqual(['a']);
    expect(perMonth(rows)).toEqual([
      ['2026-06', 5],
      ['2026-07', 1],
    ]);
  });
});
