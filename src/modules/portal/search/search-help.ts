import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import { correctedQuery, indonesianTerms, queryWords } from '../domain/search-words.js';
import { nearestPublicWord, popularTopics } from './search-help.repository.js';

/** Below this many results a near-miss query gets a "did you mean". */
const FEW_RESULTS = 3;

export interface SearchHelpView {
  /** English mode: the catalogue is in Indonesian. */
  englishNotice: boolean;
  /** Indonesian terms for English words of the query, each with its search link. */
  terms: { en: string; id: string; href: string }[];
  /** The corrected query and its search link. */
  didYouMean: { q: string; href: string } | null;
  /** On an empty result: topics with public data, and the data-request form. */
  emptyHelp: { topics: { title: string; href: string }[]; requestHref: string } | null;
}

const searchLink = (q: string) => `/dataset?q=${encodeURIComponent(q)}`;

/**
 * What the search page adds to meet a reader where they are: in English mode a notice that the
 * content is Indonesian with the Indonesian words for common English ones, a "did you mean" from
 * pg_trgm when few datasets matched, and on no result at all, topics and the data-request form.
 * Only public datasets feed the suggestions, whoever searches.
 */
export async function loadSearchHelp(
  db: Kysely<DB>,
  locale: Locale,
  q: string,
  count: number,
): Promise<SearchHelpView> {
  const query = q.trim();
  const terms =
    locale === 'en' && query ? indonesianTerms(query).map((t) => ({ ...t, href: searchLink(t.id) })) : [];
  let didYouMean: SearchHelpView['didYouMean'] = null;
  if (query && count < FEW_RESULTS && terms.length === 0) {
    const words = queryWords(query);
    const near = await Promise.all(words.map((w) => nearestPublicWord(db, w.toLowerCase())));
    const fixed = correctedQuery(words, near);
    if (fixed) didYouMean = { q: fixed, href: searchLink(fixed) };
  }
  const emptyHelp =
    count === 0
      ? {
          topics: (await popularTopics(db)).map((t) => ({
            title: locale === 'en' ? t.title_en || t.title : t.title,
            href: `/group/${encodeURIComponent(t.name)}`,
          })),
          requestHref: '/permintaan-data',
        }
      : null;
  return { englishNotice: locale === 'en', terms, didYouMean, emptyHelp };
}
