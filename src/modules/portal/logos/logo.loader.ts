import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import { findAgencyLogo } from './logo.repository.js';

/** An uploaded logo as a page shows it: where it is served and its alternative text. */
export interface LogoView {
  src: string;
  alt: string;
}

/** An agency's logo for its public page (one lookup by the agency's unique code), or null. */
export async function loadAgencyLogo(db: Kysely<DB>, locale: Locale, code: string): Promise<LogoView | null> {
  const logo = await findAgencyLogo(db, code);
  if (!logo) return null;
  return {
    src: `/logo/agency/${encodeURIComponent(code)}`,
    alt: locale === 'en' ? logo.alt_en : logo.alt_id,
  };
}
