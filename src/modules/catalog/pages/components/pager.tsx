import type { CatalogPageContext } from './catalog-context.js';

/** Page numbers to show: the first, the last and two either side of the current, with gaps. */
export function pageWindow(page: number, pageCount: number): (number | 'gap')[] {
  const pages = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (typeof last === 'number' && p - last > 1) out.push('gap');
    out.push(p);
  }
  return out;
}

/** Previous / numbered / next links; nothing when everything fits on one page. */
export function Pager({
  ctx,
  page,
  pageCount,
  hrefFor,
}: {
  ctx: CatalogPageContext;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return '';
  return (
    <nav class="pager" aria-label={ctx.ct('catalog.pager.label')}>
      <ul>
        {page > 1 ? (
          <li>
            <a safe href={hrefFor(page - 1)} rel="prev">
              ‹ {ctx.ct('catalog.pager.prev')}
            </a>
          </li>
        ) : (
          ''
        )}
        {pageWindow(page, pageCount).map((p) =>
          p === 'gap' ? (
            <li class="gap" aria-hidden="true">
              …
            </li>
          ) : p === page ? (
            <li>
              <a
                safe
                href={hrefFor(p)}
                aria-current="page"
                aria-label={ctx.ct('catalog.pager.of', { page: p, pages: pageCount })}
              >
                {String(p)}
              </a>
            </li>
          ) : (
            <li>
              <a safe href={hrefFor(p)} aria-label={ctx.ct('catalog.pager.page', { page: p })}>
                {String(p)}
              </a>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <a safe href={hrefFor(page + 1)} rel="next">
              {ctx.ct('catalog.pager.next')} ›
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}
