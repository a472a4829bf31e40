import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { w } from './page-parts.js';
import type { PerformancePageView } from './performance.page.js';

/** The yearly report on the performance page: its versions, generate, and the leader's approve or return. */
export function ReportSection({
  ctx,
  view,
  year,
}: {
  ctx: PageContext;
  view: PerformancePageView;
  year: number;
}) {
  const t = w(ctx);
  const p = { year };
  return (
    <section aria-labelledby="h-rep">
      <h2 id="h-rep" safe>
        {t('rep.title')}
      </h2>
      {view.report ? (
        <p>
          <span safe>
            {t('rep.line', {
              at: view.report.at,
              by: view.report.by,
              state:
                view.report.state === 'approved'
                  ? t('rep.approved')
                  : view.report.state === 'returned'
                    ? t('rep.returned', { reason: view.report.reason ?? '' })
                    : t('rep.draft'),
            })}
          </span>{' '}
          <a href={`/evaluasi/laporan/${p.year}.pdf`}>PDF</a> ·{' '}
          <a href={`/evaluasi/laporan/${p.year}.docx`}>DOCX</a>
        </p>
      ) : (
        <p safe>{t('rep.none')}</p>
      )}
      {view.mayGenerate ? (
        <form method="post" action={`/evaluasi/laporan?tahun=${p.year}`}>
          <CsrfField ctx={ctx} />
          <button type="submit" safe>
            {t('rep.generate')}
          </button>
        </form>
      ) : (
        ''
      )}
      {view.mayApprove && view.report?.state === 'draft' ? (
        <form method="post" action={`/evaluasi/laporan/setujui?tahun=${p.year}`}>
          <CsrfField ctx={ctx} />
          <button type="submit" safe>
            {t('rep.approve')}
          </button>
        </form>
      ) : (
        ''
      )}
      {view.mayApprove && view.report?.state === 'draft' ? (
        <form method="post" action={`/evaluasi/laporan/kembalikan?tahun=${p.year}`}>
          <CsrfField ctx={ctx} />
          <label>
            <span safe>{t('rep.reason')}</span>
            <textarea name="reason" required rows="3" maxlength="5000"></textarea>
          </label>
          <button type="submit" safe>
            {t('rep.return')}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}
