import type { PackageDict } from '../../package.presenter.js';
import type { CatalogPageContext } from './catalog-context.js';
import { excerpt, formatDate } from './format.js';

/** What a result card shows of a dataset: plain values, nothing to compute in the template. */
export interface DatasetCardView {
  name: string;
  title: string;
  agencyName: string;
  agencyCode: string;
  excerpt: string;
  formats: string[];
  /** CKAN timestamp of the last metadata change. */
  modified: string | null;
  viewCount: number;
  isPrivate: boolean;
  isDraft: boolean;
}

/** The card view of a package dict. */
export function datasetCardView(d: PackageDict): DatasetCardView {
  const formats = [...new Set(d.resources.map((r) => r.format.trim().toUpperCase()).filter(Boolean))];
  return {
    name: d.name,
    title: d.title,
    agencyName: d.organization.title,
    agencyCode: d.organization.name,
    excerpt: excerpt(d.notes),
    formats,
    modified: d.metadata_modified,
    viewCount: Number(d.view_count),
    isPrivate: d.private,
    isDraft: d.state === 'draft',
  };
}

/** "Private" / "Draft" labels for a dataset the public cannot see. */
export function VisibilityBadges({
  ctx,
  d,
}: {
  ctx: CatalogPageContext;
  d: { isPrivate: boolean; isDraft: boolean };
}) {
  return (
    <>
      {d.isPrivate ? (
        <span safe class="badge badge-private">
          {ctx.ct('catalog.badge.private')}
        </span>
      ) : (
        ''
      )}
      {d.isDraft ? (
        <span safe class="badge badge-draft">
          {ctx.ct('catalog.badge.draft')}
        </span>
      ) : (
        ''
      )}
    </>
  );
}

/** One search result: title link, agency, start of the description, formats, last change. */
export function DatasetCard({
  ctx,
  d,
  headingLevel = 3,
}: {
  ctx: CatalogPageContext;
  d: DatasetCardView;
  headingLevel?: 2 | 3;
}) {
  const title = (
    <a href={`/dataset/${encodeURIComponent(d.name)}`} safe>
      {d.title}
    </a>
  );
  return (
    <li class="dataset-card">
      {headingLevel === 2 ? (
        <h2 class="dataset-card-title">{title}</h2>
      ) : (
        <h3 class="dataset-card-title">{title}</h3>
      )}
      <p class="dataset-card-meta">
        <a href={`/organization/${encodeURIComponent(d.agencyCode)}`} safe>
          {d.agencyName}
        </a>
        {d.modified ? (
          <span safe>
            {ctx.ct('catalog.card.modified', { date: formatDate(ctx.locale, d.modified, ctx.timeZone) })}
          </span>
        ) : (
          ''
        )}
        <VisibilityBadges ctx={ctx} d={d} />
      </p>
      {d.excerpt ? (
        <p class="dataset-card-notes" safe>
          {d.excerpt}
        </p>
      ) : (
        ''
      )}
      {d.formats.length ? (
        <ul class="formats" aria-label={ctx.ct('catalog.card.formats')}>
          {d.formats.map((f) => (
            <li class="format" data-format={f} safe>
              {f}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </li>
  );
}
