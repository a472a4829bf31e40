import { shareHead } from '../../../kernel/http/share-head.js';

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
