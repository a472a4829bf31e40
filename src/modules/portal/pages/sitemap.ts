import { ANONYMOUS } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { groupList, organizationList, packageSearch, parseCkanTime, ROWS_MAX } from '../../catalog/index.js';

/** The sitemap protocol's limit of URLs in one file. */
const SITEMAP_MAX_URLS = 50_000;

interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

function xmlEscape(v: string): string {
  return v
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Public active datasets, newest first, with their last modification (as the public sees them). */
async function publicDatasets(actx: ActionContext): Promise<{ name: string; modified: string | null }[]> {
  const out: { name: string; modified: string | null }[] = [];
  for (let start = 0; start < SITEMAP_MAX_URLS; start += ROWS_MAX) {
    const page = await executeAction(actx, packageSearch, {
      rows: ROWS_MAX,
      start,
      sort: 'metadata_modified desc',
      facet: false,
    });
    out.push(...page.results.map((d) => ({ name: d.name, modified: d.metadata_modified })));
    if (page.results.length < ROWS_MAX || out.length >= page.count) break;
  }
  return out;
}

/**
 * sitemap.xml: home, the search page, every public active dataset (lastmod = its metadata
 * change), agencies and topics. Built as the anonymous public sees the catalog, whoever asks,
 * so no private, draft or deleted dataset can ever be listed.
 */
export async function buildSitemap(ctx: ActionContext, siteUrl: string): Promise<string> {
  const actx: ActionContext = { ...ctx, actor: ANONYMOUS };
  const [datasets, orgs, groups] = await Promise.all([
    publicDatasets(actx),
    executeAction(actx, organizationList, {}) as Promise<string[]>,
    executeAction(actx, groupList, {}) as Promise<string[]>,
  ]);
  const entries: SitemapEntry[] = [
    { loc: `${siteUrl}/` },
    { loc: `${siteUrl}/dataset` },
    ...datasets.map((d) => {
      const modified = parseCkanTime(d.modified);
      return {
        loc: `${siteUrl}/dataset/${encodeURIComponent(d.name)}`,
        ...(modified ? { lastmod: modified.toISOString() } : {}),
      };
    }),
    { loc: `${siteUrl}/organization` },
    ...orgs.map((name) => ({ loc: `${siteUrl}/organization/${encodeURIComponent(name)}` })),
    { loc: `${siteUrl}/group` },
    ...groups.map((name) => ({ loc: `${siteUrl}/group/${encodeURIComponent(name)}` })),
  ].slice(0, SITEMAP_MAX_URLS);
  const urls = entries.map(
    (e) =>
      `  <url><loc>${xmlEscape(e.loc)}</loc>${e.lastmod ? `<lastmod>${xmlEscape(e.lastmod)}</lastmod>` : ''}</url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: everything public may be crawled; the back office, accounts and the API not. */
export function robotsTxt(siteUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /account',
    'Disallow: /workspace',
    'Disallow: /api/',
    '',
    `Sitemap: ${siteUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
