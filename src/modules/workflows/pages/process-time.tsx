import type { PageContext } from '../../../kernel/http/page-context.js';
import type { ProcessTimeReport } from '../domain/process-time.js';
import { wm } from './workflow.messages.js';

/** The run's working time against its service standard (Magetan: "3 minggu"). */
export function ProcessTime({ ctx, report }: { ctx: PageContext; report: ProcessTimeReport | undefined }) {
  const w = (k: Parameters<typeof wm>[1], p?: Record<string, string | number>) => wm(ctx.locale, k, p);
  const p = report;
  if (!p?.standardTime) return '';
  const days = (n: number | null) =>
    new Intl.NumberFormat(ctx.locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(
      n ?? 0,
    );
  return (
    <p class="process-time">
      <small safe>
        {w('tasks.processTime', {
          standard: p.standardTime,
          standardDays: days(p.standardDays),
          stepsDays: days(p.stepsDays),
          elapsedDays: days(p.elapsedDays),
        })}
      </small>{' '}
      {p.overStandard ? (
        <strong safe class="badge overdue">
          {w('tasks.overStandard')}
        </strong>
      ) : (
        ''
      )}
    </p>
  );
}
