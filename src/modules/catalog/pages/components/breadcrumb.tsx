import type { CatalogPageContext } from './catalog-context.js';

/** The trail above a catalog page: Home › the given links (text is escaped). */
export function Breadcrumb({
  ctx,
  links,
}: {
  ctx: CatalogPageContext;
  links: { href: string; text: string }[];
}) {
  return (
    <nav class="breadcrumb" aria-label={ctx.ct('catalog.dataset.breadcrumb')}>
      <ol>
        <li>
          <a safe href="/">
            {ctx.t('nav.home')}
          </a>
        </li>
        {links.map((l) => (
          <li>
            <a href={l.href} safe>
              {l.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
