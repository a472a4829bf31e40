import type { CatalogPageContext } from '../../catalog/index.js';
import { type CurationKey, curationText } from '../curation.messages.js';
import type { SearchHelpView } from './search-help.js';

/**
 * Above the results: the English-mode notice with Indonesian search words, and "did you mean".
 * Below an empty result: hints, topics and the data-request form.
 */
export function SearchHelp({ ctx, help }: { ctx: CatalogPageContext; help: SearchHelpView }) {
  const c = (key: CurationKey, p: Record<string, string> = {}) => curationText(ctx.locale, key, p);
  return (
    <div class="search-help">
      {help.englishNotice ? (
        <p class="notice search-language" lang="en" safe>
          {c('search.englishNotice')}
        </p>
      ) : (
        ''
      )}
      {help.terms.length ? (
        <p class="search-terms">
          <span safe>{c('search.termsLead')}</span>{' '}
          {help.terms.map((t, i) => (
            <>
              {i ? ', ' : ''}
              <a href={t.href} lang="id" safe>
                {c('search.term', { id: t.id, en: t.en })}
              </a>
            </>
          ))}
        </p>
      ) : (
        ''
      )}
      {help.didYouMean ? (
        <p class="did-you-mean">
          <span safe>{c('search.didYouMean')}</span>{' '}
          <a href={help.didYouMean.href} safe>
            {help.didYouMean.q}
          </a>
        </p>
      ) : (
        ''
      )}
      {help.emptyHelp ? (
        <section class="empty-help" aria-labelledby="empty-help-title">
          <h2 safe id="empty-help-title">
            {c('search.emptyTitle')}
          </h2>
          <p safe>{c('search.hints')}</p>
          {help.emptyHelp.topics.length ? (
            <p>
              <span safe>{c('search.emptyTopics')}</span>{' '}
              {help.emptyHelp.topics.map((t, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={t.href} safe>
                    {t.title}
                  </a>
                </>
              ))}
            </p>
          ) : (
            ''
          )}
          <p>
            <a href={help.emptyHelp.requestHref} safe>
              {c('search.emptyRequest')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
    </div>
  );
}
