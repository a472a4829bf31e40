import { escapeHtml } from '@kitajs/html';
import type { RegionLevel } from '../../../kernel/db/schema.js';
import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type CodeListKey, clt } from './code-list.messages.js';

export interface CodeListSummary {
  name: string;
  title: string;
  title_en: string | null;
  source: string | null;
  version: number;
  item_count: number;
}

export interface CodeListItemView {
  code: string;
  label: string;
  label_en: string | null;
  parent: string | null;
  added_in_version: number;
  retired_in_version: number | null;
}

export interface CodeListView extends Omit<CodeListSummary, 'item_count'> {
  description: string;
  description_en: string | null;
  items: CodeListItemView[];
}

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  /** The edition that no longer lists the code (kept for data citing it). */
  retired_in?: string | null;
}

export interface EditionView {
  current: string;
  since: string | null;
  history: { previous: string | null; edition: string; changedAt: string }[];
}

function tr(ctx: PageContext) {
  return (k: CodeListKey, p: Record<string, string | number> = {}) => clt(ctx.locale, k, p);
}

const localized = (ctx: PageContext, id: string, en: string | null) => (ctx.locale === 'en' && en ? en : id);

/** /kode-referensi: the region codes and every code list. */
export function CodeListIndexPage({ ctx, lists }: { ctx: PageContext; lists: CodeListSummary[] }) {
  const c = tr(ctx);
  return (
    <Layout ctx={ctx} title={c('cl.title')}>
      <h1 safe>{c('cl.title')}</h1>
      <p safe>{c('cl.lead')}</p>
      <ul>
        <li>
          <a href="/kode-referensi/wilayah">{escapeHtml(c('cl.regions'))}</a>
        </li>
      </ul>
      {lists.length === 0 ? (
        <p safe>{c('cl.empty')}</p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr>
                <th scope="col">{escapeHtml(c('cl.listTitle'))}</th>
                <th scope="col">{escapeHtml(c('cl.source'))}</th>
                <th scope="col">{escapeHtml(c('cl.version'))}</th>
                <th scope="col">{escapeHtml(c('cl.items'))}</th>
              </tr>
            </thead>
            <tbody>
              {lists.map((l) => (
                <tr>
                  <td>
                    <a href={`/kode-referensi/${encodeURIComponent(l.name)}`} safe>
                      {localized(ctx, l.title, l.title_en)}
                    </a>
                  </td>
                  <td safe>{l.source ?? ''}</td>
                  <td safe>{String(l.version)}</td>
                  <td safe>{String(l.item_count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** One code list: current codes, then the retired ones with the version that retired them. */
export function CodeListPage({ ctx, list }: { ctx: PageContext; list: CodeListView }) {
  const c = tr(ctx);
  const current = list.items.filter((i) => i.retired_in_version === null);
  const retired = list.items.filter((i) => i.retired_in_version !== null);
  const title = localized(ctx, list.title, list.title_en);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/kode-referensi">{escapeHtml(c('cl.title'))}</a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{localized(ctx, list.description, list.description_en)}</p>
      <dl>
        <dt safe>{c('cl.name')}</dt>
        <dd>
          <code safe>{`codelist:${list.name}`}</code>
        </dd>
        <dt safe>{c('cl.source')}</dt>
        <dd safe>{list.source ?? '—'}</dd>
        <dt safe>{c('cl.version')}</dt>
        <dd safe>{String(list.version)}</dd>
      </dl>
      <p>
        <a href={`/kode-referensi/${encodeURIComponent(list.name)}.csv`}>{escapeHtml(c('cl.csv'))}</a>
      </p>
      {current.length === 0 ? (
        <p safe>{c('cl.itemsEmpty')}</p>
      ) : (
        <ItemsTable ctx={ctx} items={current} retired={false} />
      )}
      {retired.length ? (
        <section>
          <h2 safe>{c('cl.retired')}</h2>
          <ItemsTable ctx={ctx} items={retired} retired={true} />
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

function ItemsTable({
  ctx,
  items,
  retired,
}: {
  ctx: PageContext;
  items: CodeListItemView[];
  retired: boolean;
}) {
  const c = tr(ctx);
  return (
    <div class="table-wrap" tabindex="0">
      <table>
        <thead>
          <tr>
            <th scope="col">{escapeHtml(c('cl.code'))}</th>
            <th scope="col">{escapeHtml(c('cl.label'))}</th>
            <th scope="col">{escapeHtml(c('cl.labelEn'))}</th>
            <th scope="col">{escapeHtml(c('cl.parent'))}</th>
            <th scope="col">{escapeHtml(c('cl.addedIn'))}</th>
            {retired ? <th scope="col">{escapeHtml(c('cl.retiredIn'))}</th> : ''}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr>
              <td safe>{i.code}</td>
              <td safe>{i.label}</td>
              <td safe>{i.label_en ?? ''}</td>
              <td safe>{i.parent ?? ''}</td>
              <td safe>{String(i.added_in_version)}</td>
              {retired ? <td safe>{String(i.retired_in_version)}</td> : ''}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /kode-referensi/wilayah[?induk=code]: regions under a parent, and the code edition. */
export function RegionCodesPage({
  ctx,
  parent,
  regions,
  edition,
}: {
  ctx: PageContext;
  parent: (RegionRow & { parent_code: string | null }) | null;
  regions: RegionRow[];
  edition: EditionView;
}) {
  const c = tr(ctx);
  const levelName = (l: RegionLevel) => c(`cl.level.${l}`);
  const title = parent ? `${c('cl.regions')}: ${parent.code} ${parent.name}` : c('cl.regions');
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/kode-referensi">{escapeHtml(c('cl.title'))}</a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{c('cl.regionsLead')}</p>
      <p>
        {escapeHtml(c('cl.edition'))}: <strong safe>{edition.current}</strong>
        {edition.since ? escapeHtml(` (${c('cl.editionSince')} ${edition.since})`) : ''}
      </p>
      {parent ? (
        <p>
          <a
            safe
            href={
              parent.parent_code
                ? `/kode-referensi/wilayah?induk=${encodeURIComponent(parent.parent_code)}`
                : '/kode-referensi/wilayah'
            }
          >
            {parent.parent_code ? c('cl.up') : c('cl.all')}
          </a>
        </p>
      ) : (
        ''
      )}
      <div class="table-wrap" tabindex="0">
        <table>
          <thead>
            <tr>
              <th scope="col">{escapeHtml(c('cl.code'))}</th>
              <th scope="col">{escapeHtml(c('cl.label'))}</th>
              <th scope="col">{escapeHtml(c('cl.level'))}</th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr>
                <td>
                  {r.level === 'village' ? (
                    <span safe>{r.code}</span>
                  ) : (
                    <a href={`/kode-referensi/wilayah?induk=${encodeURIComponent(r.code)}`} safe>
                      {r.code}
                    </a>
                  )}
                </td>
                <td safe>
                  {r.retired_in ? `${r.name} (${c('cl.regionRetired', { edition: r.retired_in })})` : r.name}
                </td>
                <td safe>{levelName(r.level)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section>
        <h2 safe>{c('cl.editionHistory')}</h2>
        {edition.history.length === 0 ? (
          <p safe>{c('cl.editionNoHistory')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{escapeHtml(c('cl.changedAt'))}</th>
                <th scope="col">{escapeHtml(c('cl.previous'))}</th>
                <th scope="col">{escapeHtml(c('cl.edition'))}</th>
              </tr>
            </thead>
            <tbody>
              {edition.history.map((h) => (
                <tr>
                  <td safe>{h.changedAt}</td>
                  <td safe>{h.previous ?? '—'}</td>
                  <td safe>{h.edition}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
