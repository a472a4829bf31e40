/**
 * The "changed more than X% from the previous period of the same series" warning
 * (`x-period-field`, `x-series-fields`, `x-change-warning-percent`).
 */
import type { TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import { NUMERIC_TYPES } from './field-checks.js';
import * as msg from './messages.js';
import type { ReportBuilder } from './validation-report.js';

const DEFAULT_CHANGE_PERCENT = 50;
const KEY_SEPARATOR = '\u001f';

export interface PeriodTracker {
  add(values: readonly (string | null)[], row: number): void;
  finish(): void;
}

/**
 * The "changed more than X% from the previous period of the same series" warning: keeps, per
 * valid row, its series, period and numeric values, and compares neighbouring periods at the end.
 */
export function createPeriodTracker(
  schema: TableSchema,
  fieldIndex: Map<string, number>,
  report: ReportBuilder,
  maxRows: number,
): PeriodTracker | undefined {
  const periodName = schema['x-period-field'];
  const periodIndex = periodName === undefined ? undefined : fieldIndex.get(periodName);
  if (periodIndex === undefined) return undefined;
  const seriesIndexes = (schema['x-series-fields'] ?? []).flatMap((name) => fieldIndex.get(name) ?? []);
  const skip = new Set([periodIndex, ...seriesIndexes]);
  const measured = schema.fields.flatMap((field, index) =>
    NUMERIC_TYPES.has(field.type) && !skip.has(index) ? [index] : [],
  );
  if (measured.length === 0) return undefined;
  const threshold = schema['x-change-warning-percent'] ?? DEFAULT_CHANGE_PERCENT;
  interface Entry {
    period: string;
    row: number;
    values: (string | null)[];
  }
  // Years, months and ISO dates order as text; an integer period (a month number) as a number.
  const isIntegerPeriod = schema.fields[periodIndex]?.type === 'integer';
  const comparePeriods = (a: Entry, b: Entry) => {
    if (isIntegerPeriod && a.period !== b.period) return Number(a.period) - Number(b.period);
    return a.period < b.period ? -1 : a.period > b.period ? 1 : a.row - b.row;
  };
  const series = new Map<string, Entry[]>();
  let kept = 0;
  let isOverflow = false;
  return {
    add(values, row) {
      if (isOverflow) return;
      const period = values[periodIndex];
      if (period === null || period === undefined) return;
      if (++kept > maxRows) {
        isOverflow = true;
        series.clear();
        return;
      }
      const key = seriesIndexes.map((i) => values[i] ?? '').join(KEY_SEPARATOR);
      let entries = series.get(key);
      if (!entries) {
        entries = [];
        series.set(key, entries);
      }
      entries.push({ period, row, values: measured.map((i) => values[i] ?? null) });
    },
    finish() {
      if (isOverflow) {
        report.note(
          `Perbandingan dengan periode sebelumnya dilewati: lebih dari ${maxRows} baris`,
          `The comparison with the previous period was skipped: more than ${maxRows} rows`,
        );
        return;
      }
      for (const entries of series.values()) {
        entries.sort(comparePeriods);
        for (let e = 1; e < entries.length; e++) {
          const previous = entries[e - 1] as Entry;
          const current = entries[e] as Entry;
          if (previous.period === current.period) continue;
          measured.forEach((fieldIdx, m) => {
            const before = previous.values[m];
            const after = current.values[m];
            if (before == null || after == null) return;
            const b = Number(before);
            const a = Number(after);
            if (b === 0) return;
            const percent = ((a - b) / Math.abs(b)) * 100;
            if (Math.abs(percent) <= threshold) return;
            const column = schema.fields[fieldIdx]?.name ?? '';
            report.add('period-change', () =>
              msg.periodChange(current.row, column, after, percent, {
                period: previous.period,
                value: before,
                row: previous.row,
              }),
            );
          });
        }
      }
    },
  };
}
