import { t } from '../i18n/i18n.js';
import type { SiteInfo } from './page-context.js';

/**
 * Open Graph and Twitter card tags with the canonical URL, for a page's head, and the plain share
 * links shown beside a public page. In the kernel because the portal's dataset pages and the
 * dissemination module's publication and chart pages all use them, and dissemination comes before
 * the portal in the module order.
 */
export interface ShareCard {
  /** Absolute canonical URL of the page. */
  url: string;
  title: string;
  description: string;
  siteName: string;
  /** Absolute URL of a PNG preview; without one the card is a plain summary. */
  image?: string | undefined;
  imageAlt?: string | undefined;
  /** The PNG's size (default 1200×630, the size Open Graph and Twitter show large). */
  imageWidth?: number;
  imageHeight?: number;
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

/**
 * `<link rel="canonical">`, `og:*` and `twitter:*` tags as one string; every value is escaped for
 * an attribute. The image is an absolute URL, as the card scrapers require.
 */
export function shareHead(card: ShareCard): string {
  const meta = (kind: 'property' | 'name', key: string, value: string) =>
    `<meta ${kind}="${key}" content="${attr(value)}" />`;
  const description = cardDescription(card.description || card.title);
  const image = card.image
    ? [
        meta('property', 'og:image', card.image),
        meta('property', 'og:image:type', 'image/png'),
        meta('property', 'og:image:width', String(card.imageWidth ?? 1200)),
        meta('property', 'og:image:height', String(card.imageHeight ?? 630)),
        meta('property', 'og:image:alt', card.imageAlt ?? card.title),
      ]
    : [];
  const twitterImage = card.image
    ? [
        meta('name', 'twitter:image', card.image),
        meta('name', 'twitter:image:alt', card.imageAlt ?? card.title),
      ]
    : [];
  return [
    `<link rel="canonical" href="${attr(card.url)}" />`,
    `<meta name="description" content="${attr(description)}" />`,
    meta('property', 'og:type', card.type ?? 'website'),
    meta('property', 'og:site_name', card.siteName),
    meta('property', 'og:title', card.title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', card.url),
    meta('property', 'og:locale', card.locale === 'en' ? 'en_GB' : 'id_ID'),
    ...image,
    meta('name', 'twitter:card', card.image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', card.title),
    meta('name', 'twitter:description', description),
    ...twitterImage,
  ].join('');
}

/** A public page of this site to share: paths on the site, turned into absolute URLs on SITE_URL. */
export interface SharedPage {
  /** The page's canonical path (`/grafik/penduduk`). */
  path: string;
  title: string;
  description: string;
  /** Path of its PNG preview, if it has one. */
  imagePath?: string | undefined;
  imageAlt?: string;
  imageWidth?: number;
  imageHeight?: number;
  type?: 'website' | 'article';
}

/**
 * The share tags of a public page of this site, named as the region's portal. Call it only for a
 * page the public may read: a draft or private page gets no card.
 */
export function publicShareHead(
  siteUrl: string,
  site: SiteInfo,
  locale: 'id' | 'en',
  page: SharedPage,
): string {
  return shareHead({
    url: `${siteUrl}${page.path}`,
    title: page.title,
    description: page.description,
    siteName: t(locale, 'site.tagline', { region: site.regionName }),
    image: page.imagePath ? `${siteUrl}${page.imagePath}` : undefined,
    ...(page.imageAlt ? { imageAlt: page.imageAlt } : {}),
    ...(page.imageWidth ? { imageWidth: page.imageWidth } : {}),
    ...(page.imageHeight ? { imageHeight: page.imageHeight } : {}),
    ...(page.type ? { type: page.type } : {}),
    locale,
  });
}

/**
 * Put `extra` (already escaped HTML: share tags, alternate links) into a rendered page's `<head>`.
 * The shared Layout has no head slot; this inserts before `</head>`.
 */
export async function withHead(page: string | Promise<string>, extra: string): Promise<string> {
  const html = await page;
  if (!extra) return html;
  const at = html.indexOf('</head>');
  return at < 0 ? html : `${html.slice(0, at)}${extra}${html.slice(at)}`;
}

/** One place a reader can share a page to (links only: no script, no tracker). */
export interface ShareLink {
  /** Stable id for the link (`whatsapp`, `facebook`, `x`, `telegram`, `linkedin`, `email`). */
  id: 'whatsapp' | 'facebook' | 'x' | 'telegram' | 'linkedin' | 'email';
  /** The service's name as people know it (the same in both languages except e-mail). */
  label: string;
  href: string;
}

/**
 * Share links for a page: the services Indonesian readers use most, as plain links that open the
 * service's own share form (no script or embed, so no tracking and the page stays light).
 */
export function shareLinks(url: string, title: string, locale: 'id' | 'en'): ShareLink[] {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return [
    {
      id: 'whatsapp',
      label: 'WhatsApp',
      href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`,
    },
    { id: 'facebook', label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { id: 'x', label: 'X (Twitter)', href: `https://twitter.com/intent/tweet?url=${u}&text=${text}` },
    { id: 'telegram', label: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${text}` },
    { id: 'linkedin', label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    {
      id: 'email',
      label: locale === 'en' ? 'E-mail' : 'Surel',
      href: `mailto:?subject=${text}&body=${encodeURIComponent(url)}`,
    },
  ];
}
