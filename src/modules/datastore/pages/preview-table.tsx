import type { CatalogPageContext } from '../../catalog/index.js';
import { Pager } from '../../catalog/index.js';
import { PREVIEW_PAGE_ROWS, type PreviewData } from '../read/preview.js';
import type { ReadableColumn } from '../read/readable-table.js';
import { cellText, hrefWith, label, numberText, pagePath, previewTranslator } from './preview-links.js';

const isNumeric = (c: ReadableColumn) => c.type === 'integer' || c.type === 'number';

function SortHeader({ ctx, d, c }: { ctx: CatalogPageContext; d: PreviewData; c: ReadableColumn }) {
  const t = previewTranslator(ctx);
  const active = d.state.sort === c.name;
  const desc = active && d.state.desc;
  const sortAttr = active ? (desc ? 'descending' : 'ascending') : undefined;
  const rid = d.table.resource.id;
  return (
    <th scope="col" aria-sort={sortAttr}>
      <a
        href={hrefWith(ctx, rid, d.state, { sort: c.name, desc: active ? !desc : false, page: 1 })}
        aria-label={t('preview.sortBy', { name: label(c) })}
      >
        <span safe>{label(c)}</span>
        {active ? <span aria-hidden="true">{desc ? ' ▼' : ' ▲'}</span> : ''}
      </a>
    </th>
  );
}

export function PreviewTable({ ctx, d }: { ctx: CatalogPageContext; d: PreviewData }) {
  const t = previewTranslator(ctx);
  const rid = d.table.resource.id;
  const from = d.total === 0 ? 0 : (d.state.page - 1) * PREVIEW_PAGE_ROWS + 1;
  const to = Math.min(d.total, d.state.page * PREVIEW_PAGE_ROWS);
  const name = d.table.resource.name || d.table.resource.id;
  // Number columns after a few text columns sit off a phone's screen: say the table scrolls.
  const wide = d.columns.length > 3 && d.columns.some(isNumeric);
  return (
    <>
      <p safe class="ds-count" aria-live="polite">
        {t('preview.rows', { from, to, total: d.total })}
      </p>
      {wide ? (
        <p class="ds-scroll-hint" id={`tabel-geser-${rid}`} safe>
          {t('preview.scrollHint')}
        </p>
      ) : (
        ''
      )}
      <section
        class="ds-scroll"
        aria-labelledby={`tabel-cap-${rid}`}
        aria-describedby={wide ? `tabel-geser-${rid}` : undefined}
        tabindex="0"
      >
        <table class="ds-table">
          <caption id={`tabel-cap-${rid}`} safe>
            {t('preview.caption', { name, version: d.table.loadedVersionNumber })}
          </caption>
          <thead>
            <tr>
              {d.columns.map((c) => (
                <SortHeader ctx={ctx} d={d} c={c} />
              ))}
            </tr>
          </thead>
          <tbody>
            {d.rows.length === 0 ? (
              <tr>
                <td safe colspan={String(d.columns.length)}>
                  {t('preview.noRows')}
                </td>
              </tr>
            ) : (
              d.rows.map((row) => (
                <tr>
                  {d.columns.map((c, i) => (
                    <td class={isNumeric(c) ? 'num' : undefined} safe>
                      {isNumeric(c) ? numberText(ctx.locale, row[i]) : cellText(row[i])}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
      <Pager
        ctx={ctx}
        page={d.state.page}
        pageCount={d.pageCount}
        hrefFor={(page) => hrefWith(ctx, rid, d.state, { page })}
      />
    </>
  );
}

export function FilterForm({ ctx, d }: { ctx: CatalogPageContext; d: PreviewData }) {
  const t = previewTranslator(ctx);
  const rid = d.table.resource.id;
  const s = d.state;
  return (
    <form method="get" action={`${pagePath(ctx.path)}#tabel-${rid}`} class="ds-filter">
      <fieldset>
        <legend safe>{t('preview.filter')}</legend>
        <input type="hidden" name="tabel" value={rid} />
        {s.sort ? <input type="hidden" name="urut" value={s.sort} /> : ''}
        {s.sort && s.desc ? <input type="hidden" name="arah" value="turun" /> : ''}
        <label safe for={`kolom-${rid}`}>
          {t('preview.column')}
        </label>
        <select id={`kolom-${rid}`} name="kolom">
          <option safe value="">
            {t('preview.anyColumn')}
          </option>
          {d.columns.map((c) => (
            <option value={c.name} selected={s.filterColumn === c.name} safe>
              {label(c)}
            </option>
          ))}
        </select>
        <label safe for={`nilai-${rid}`}>
          {t('preview.value')}
        </label>
        <input id={`nilai-${rid}`} name="nilai" type="text" value={s.filterValue ?? ''} />
        <label safe for={`cari-${rid}`}>
          {t('preview.search')}
        </label>
        <input id={`cari-${rid}`} name="cari" type="search" value={s.q ?? ''} />
        <button safe type="submit">
          {t('preview.apply')}
        </button>
        <a safe href={`${pagePath(ctx.path)}?tabel=${rid}#tabel-${rid}`}>
          {t('preview.reset')}
        </a>
      </fieldset>
    </form>
  );
}
