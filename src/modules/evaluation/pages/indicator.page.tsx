import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { IndicatorView } from '../assessment-view.js';
import { w } from './page-parts.js';

export interface IndicatorPageView {
  year: number;
  indicator: IndicatorView;
  mayAssess: boolean;
  mayVerify: boolean;
  errors?: Record<string, string[]>;
  typed?: { level?: string; explanation?: string; evidence?: string; outcome?: string; note?: string };
}

export function IndicatorPage({ ctx, view }: { ctx: PageContext; view: IndicatorPageView }) {
  const t = w(ctx);
  const pick = (x: { id: string; en: string }) => x[ctx.locale];
  const i = view.indicator;
  const p = i.proposal;
  const typed = view.typed ?? {};
  const level = typed.level ?? String(i.level ?? p?.level ?? '');
  const evidenceText =
    typed.evidence ??
    i.evidence
      .map((e) => `${ctx.locale === 'id' ? e.label_id : e.label_en}${e.href ? ` | ${e.href}` : ''}`)
      .join('\n');
  return (
    <Layout ctx={ctx} title={t('ind.title', { code: i.code })}>
      <p>
        <a href={`/evaluasi/epss?tahun=${view.year}#i-${i.code}`} safe>
          {t('ind.back')}
        </a>
      </p>
      <h1 safe>{`${i.code} ${pick(i.name)}`}</h1>
      <h2 safe>{t('ind.criteria')}</h2>
      <ol>
        {i.criteria.map((c) => (
          <li safe>{pick(c)}</li>
        ))}
      </ol>
      <section id="proposal" aria-labelledby="h-prop">
        <h2 id="h-prop" safe>
          {p?.level ? t('ind.proposal', { level: p.level }) : t('ind.noProposal')}
        </h2>
        {p ? (
          <>
            <p>
              <strong safe>{t('ind.why')}</strong>:{' '}
              <span safe>{ctx.locale === 'id' ? p.reason_id : p.reason_en}</span>
            </p>
            {p.evidence.length ? (
              <>
                <h3 safe>{t('ind.evidence')}</h3>
                <ul class="evidence">
                  {p.evidence.map((e) => (
                    <li>
                      {e.href ? (
                        <a href={e.href} safe>
                          {ctx.locale === 'id' ? e.label_id : e.label_en}
                        </a>
                      ) : (
                        <span safe>{ctx.locale === 'id' ? e.label_id : e.label_en}</span>
                      )}
                      {e.value ? <span safe>{`: ${e.value}`}</span> : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              ''
            )}
            <p>
              <strong safe>{t('ind.next')}</strong>:{' '}
              <span safe>{ctx.locale === 'id' ? p.next_id : p.next_en}</span>
            </p>
          </>
        ) : (
          ''
        )}
      </section>
      <section aria-labelledby="h-current">
        <h2 id="h-current" safe>
          {t('ind.assess')}
        </h2>
        <p id="current" safe>
          {i.level === null
            ? t('ind.notAssessed')
            : t('ind.current', { level: i.level, by: i.assessedByName ?? '' })}
        </p>
        {i.explanation ? <p safe>{i.explanation}</p> : ''}
        {i.verifyOutcome ? (
          <p id="verified" safe>
            {t('ind.verifiedLine', {
              outcome: t(i.verifyOutcome === 'agree' ? 'ind.agree' : 'ind.adjust'),
              level: i.verifiedLevel ?? '',
              note: i.verifyNote,
            })}
          </p>
        ) : (
          ''
        )}
        <FormErrors ctx={ctx} errors={view.errors} />
        {view.mayAssess ? (
          <form method="post" action={`/evaluasi/epss/${view.year}/${i.code}/nilai`} id="assess-form">
            <CsrfField ctx={ctx} />
            <label for="level" safe>
              {t('ind.levelField')}
            </label>
            <select id="level" name="level">
              {[1, 2, 3, 4, 5].map((n) => (
                <option value={String(n)} selected={level === String(n)} safe>
                  {`${n} — ${pick(i.criteria[n - 1] ?? { id: '', en: '' })}`}
                </option>
              ))}
            </select>
            <label for="explanation" safe>
              {t('ind.explanation')}
            </label>
            <textarea id="explanation" name="explanation" rows="5" safe>
              {typed.explanation ?? i.explanation}
            </textarea>
            <label for="evidence" safe>
              {t('ind.evidenceField')}
            </label>
            <textarea id="evidence" name="evidence" rows="4" safe>
              {evidenceText}
            </textarea>
            <p class="hint" safe>
              {t('ind.useProposal')}
            </p>
            <button type="submit" safe>
              {t('ind.save')}
            </button>
          </form>
        ) : (
          ''
        )}
        {view.mayVerify && i.level !== null ? (
          <form method="post" action={`/evaluasi/epss/${view.year}/${i.code}/verifikasi`} id="verify-form">
            <CsrfField ctx={ctx} />
            <h2 safe>{t('ind.verify')}</h2>
            <fieldset>
              <legend safe>{t('ind.outcome')}</legend>
              <label>
                <input
                  type="radio"
                  name="outcome"
                  value="agree"
                  checked={(typed.outcome ?? 'agree') === 'agree'}
                />{' '}
                <span safe>{t('ind.agree')}</span>
              </label>
              <label>
                <input type="radio" name="outcome" value="adjust" checked={typed.outcome === 'adjust'} />{' '}
                <span safe>{t('ind.adjust')}</span>
              </label>
            </fieldset>
            <label for="verify-level" safe>
              {t('ind.verifyLevel')}
            </label>
            <select id="verify-level" name="level">
              <option value="">—</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option value={String(n)} selected={typed.level === String(n)} safe>
                  {String(n)}
                </option>
              ))}
            </select>
            <label for="verify-note" safe>
              {t('ind.note')}
            </label>
            <textarea id="verify-note" name="note" rows="3" safe>
              {typed.note ?? ''}
            </textarea>
            <button type="submit" safe>
              {t('ind.verifySave')}
            </button>
          </form>
        ) : (
          ''
        )}
      </section>
    </Layout>
  );
}
