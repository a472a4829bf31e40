/**
 * Open Graph and Twitter card tags with the canonical URL, for a page's head. Every value is
 * escaped for an attribute; the image is an absolute URL as the card scrapers require.
 */
export interface ShareCard {
  /** Absolute canonical URL of the page. */
  url: string;
  title: string;
  description: string;
  siteName: string;
  /** Absolute URL of a PNG preview (1200×630). */
  image: string;
  imageAlt: string;
  /** og:type: `website` for catalogue pages, `article` for publications. */
  type?: 'website' | 'article';
  locale: 'id' | 'en';
}

function attr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A description fit for a card: one line, at most 200 characters. */
export function cardDescription(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** `<link rel="canonical">`, `og:*` and `twitter:*` tags as one string. */
export function shareHead(card: ShareCard): string {
  const meta = (kind: 'property' | 'name', key: string, value: string) =>
    `<meta ${kind}="${key}" content="${attr(value)}" />`;
  return [
    `<link rel="canonical" href="${attr(card.url)}" />`,
    `<meta name="description" content="${attr(cardDescription(card.description))}" />`,
    meta('property', 'og:type', card.type ?? 'website'),
    meta('property', 'og:site_name', card.siteName),
    meta('property', 'og:title', card.title),
    meta('property', 'og:description', cardDescription(card.description)),
    meta('property', 'og:url', card.url),
    meta('property', 'og:locale', card.locale === 'en' ? 'en_GB' : 'id_ID'),
    meta('property', 'og:image', card.image),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', '1200'),
    meta('property', 'og:image:height', '630'),
    meta('property', 'og:image:alt', card.imageAlt),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', card.title),
    meta('name', 'twitter:description', cardDescription(card.description)),
    meta('name', 'twitter:image', card.image),
    meta('name', 'twitter:image:alt', card.imageAlt),
  ].join('');
}

/**
 * The share tags of a public dataset's page or of one of its pages (`path`, e.g. a resource page):
 * the canonical URL on SITE_URL and the dataset's preview PNG. Callers add them only for a
 * dataset the public sees.
 */
export function datasetShareHead(opts: {
  siteUrl: string;
  siteName: string;
  locale: 'id' | 'en';
  datasetName: string;
  title: string;
  description: string;
  /** Path of the page shared (defaults to the dataset page). */
  path?: string;
  imageAlt: string;
}): string {
  const datasetPath = `/dataset/${encodeURIComponent(opts.datasetName)}`;
  return shareHead({
    url: `${opts.siteUrl}${opts.path ?? datasetPath}`,
    title: opts.title,
    description: opts.description || opts.title,
    siteName: opts.siteName,
    image: `${opts.siteUrl}${datasetPath}/preview.png`,
    imageAlt: opts.imageAlt,
    locale: opts.locale,
  });
}
