import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { AssessmentView, IndicatorView } from '../assessment-view.js';
import type { EvaluationMessage } from './evaluation.messages.js';
import { fmt, w } from './page-parts.js';

export function AssessmentPage({ ctx, view }: { ctx: PageContext; view: AssessmentView }) {
  const t = w(ctx);
  const pick = (x: { id: string; en: string }) => x[ctx.locale];
  const y = view.year;
  const idx = view.index.overall;
  return (
    <Layout ctx={ctx} title={t('epss.title', { year: y })}>
      <h1 safe>{t('epss.title', { year: y })}</h1>
      <p safe>{t('epss.state', { state: t(`epss.state.${view.state}` as EvaluationMessage) })}</p>
      <p id="epss-index" safe>
        {idx === null || !view.predicate
          ? t('epss.noIndex')
          : t('epss.indexLine', {
              index: fmt(idx, 2),
              predicate: pick(view.predicate),
              filled: view.index.filled,
              total: view.index.total,
              verified: view.verified,
            })}
      </p>
      {ctx.can('epss:configure') ? (
        <p>
          <a href="/evaluasi/epss/struktur" safe>
            {t('str.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      {view.previousIndex ? (
        <p safe>{t('epss.previous', { index: fmt(view.previousIndex.overall, 2) })}</p>
      ) : (
        ''
      )}
      <p>
        <a href={`/evaluasi/epss/${y}.xlsx`} safe>
          {t('epss.xlsx')}
        </a>
      </p>
      {view.structure.map((d) => (
        <section aria-labelledby={`d-${d.code}`}>
          <h2 id={`d-${d.code}`} safe>
            {`${d.code}. ${pick(d.name)} (${d.weight}%)`}
          </h2>
          <p safe>{t('epss.domainIndex', { index: fmt(view.index.domains.get(d.code), 2) })}</p>
          {d.aspects.map((a) => (
            <>
              <h3
                safe
              >{`${a.code} ${pick(a.name)} — ${t('epss.aspectIndex', { index: fmt(view.index.aspects.get(a.code), 2) })}`}</h3>
              <div class="table-wrap" tabindex="0">
                <table class="epss">
                  <thead>
                    <tr>
                      <th scope="col" safe>
                        {t('epss.code')}
                      </th>
                      <th scope="col" safe>
                        {t('epss.indicator')}
                      </th>
                      <th scope="col" safe>
                        {t('epss.proposed')}
                      </th>
                      <th scope="col" safe>
                        {t('epss.level')}
                      </th>
                      <th scope="col" safe>
                        {t('epss.verified')}
                      </th>
                      <th scope="col" safe>
                        {t('epss.prev')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.indicators.map((x) => {
                      const i = view.indicators.get(x.code) as IndicatorView;
                      return (
                        <tr id={`i-${x.code}`}>
                          <td safe>{x.code}</td>
                          <td>
                            <a href={`/evaluasi/epss/${y}/${x.code}`} safe>
                              {pick(x.name)}
                            </a>
                          </td>
                          <td class="proposed" safe>
                            {fmt(i.proposal?.level ?? null, 0)}
                          </td>
                          <td class="level" safe>
                            {fmt(i.level, 0)}
                          </td>
                          <td class="verified" safe>
                            {fmt(i.verifiedLevel, 0)}
                          </td>
                          <td safe>{fmt(i.previous, 0)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          ))}
        </section>
      ))}
    </Layout>
  );
}
