import { Feed } from 'feed';
import type { PackageDict } from '../../catalog/index.js';

/**
 * One Atom document from a page of package_search results (CKAN's /feeds/*.atom): an entry per
 * dataset, newest change first, linking to its page. The `feed` library writes and escapes the XML.
 */
export function atomFeed(opts: {
  title: string;
  siteUrl: string;
  selfPath: string;
  language: string;
  datasets: PackageDict[];
}): string {
  const { siteUrl, datasets } = opts;
  const updated = datasets[0] ? new Date(`${datasets[0].metadata_modified}Z`) : new Date(0);
  const feed = new Feed({
    title: opts.title,
    id: `${siteUrl}${opts.selfPath}`,
    link: `${siteUrl}/dataset`,
    language: opts.language,
    updated,
    copyright: '',
    generator: 'Satu Data',
    feedLinks: { atom: `${siteUrl}${opts.selfPath}` },
  });
  for (const d of datasets) {
    const link = `${siteUrl}/dataset/${encodeURIComponent(d.name)}`;
    feed.addItem({
      title: d.title,
      id: `${siteUrl}/dataset/${d.id}`,
      link,
      description: d.notes ?? '',
      date: new Date(`${d.metadata_modified}Z`),
      published: new Date(`${d.metadata_created}Z`),
      author: [{ name: d.organization?.title ?? '' }],
      category: (d.tags ?? []).map((t) => ({ name: t.name, term: t.name })),
    });
  }
  return feed.atom1();
}
