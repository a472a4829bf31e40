import type { CatalogPageContext } from '../../catalog/index.js';
import { formatDate } from '../../catalog/index.js';
import type { ChangeEntry } from '../domain/change-log.js';
import { type PortalKey, portalText } from '../portal.messages.js';
import type { DatasetExtras } from './dataset-extras.loader.js';

function changeText(ctx: CatalogPageContext, e: ChangeEntry): string {
  const pt = (k: PortalKey, p: Record<string, string | number> = {}) => portalText(ctx.locale, k, p);
  if (e.kind === 'metadata') return pt('changes.metadata', { fields: e.fields.join(', ') });
  const parts = [pt('changes.version', { resource: e.resourceName, version: e.number, rows: e.rows })];
  if (e.rowsDelta === null) parts.push(pt('changes.first'));
  else if (e.rowsDelta > 0) parts.push(pt('changes.rowsAdded', { n: e.rowsDelta }));
  else if (e.rowsDelta < 0) parts.push(pt('changes.rowsRemoved', { n: -e.rowsDelta }));
  if (e.columnsAdded.length) parts.push(pt('changes.columnsAdded', { names: e.columnsAdded.join(', ') }));
  if (e.columnsRemoved.length)
    parts.push(pt('changes.columnsRemoved', { names: e.columnsRemoved.join(', ') }));
  return parts.join('; ');
}

/** The public change log: what each published version and metadata edit changed. */
export function ChangeLogSection({ ctx, extras }: { ctx: CatalogPageContext; extras: DatasetExtras }) {
  return (
    <section aria-labelledby="changes-title" class="change-log">
      <h2 id="changes-title" safe>
        {portalText(ctx.locale, 'changes.title')}
      </h2>
      {extras.changes.length ? (
        <ol class="change-list">
          {extras.changes.map((e) => (
            <li>
              <time datetime={e.at.toISOString()} safe>
                {formatDate(ctx.locale, e.at.toISOString())}
              </time>{' '}
              <span safe>{changeText(ctx, e)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p safe class="empty">
          {portalText(ctx.locale, 'changes.none')}
        </p>
      )}
    </section>
  );
}

/** "Cite this dataset": plain citation, BibTeX and RIS, each in a block a reader selects and copies. */
export function CitationBox({ ctx, extras }: { ctx: CatalogPageContext; extras: DatasetExtras }) {
  const c = extras.citation;
  return (
    <section aria-labelledby="cite-title" class="citation">
      <h2 id="cite-title" safe>
        {portalText(ctx.locale, 'cite.title')}
      </h2>
      <h3 safe>{portalText(ctx.locale, 'cite.plain')}</h3>
      <p class="cite-plain" safe>
        {c.plain}
      </p>
      <h3>BibTeX</h3>
      <pre class="cite-bibtex" tabindex="0" safe>
        {c.bibtex}
      </pre>
      <h3>RIS</h3>
      <pre class="cite-ris" tabindex="0" safe>
        {c.ris}
      </pre>
    </section>
  );
}
