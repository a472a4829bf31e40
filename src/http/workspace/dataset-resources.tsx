import type { PackageDict } from '../presenters/package.presenter.js';
import { CsrfField } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { wt } from './workspace.messages.js';

function formatBytes(size: number | null): string {
  if (size === null) return '—';
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** The resources of a dataset being edited: list, upload form, link form, delete buttons. */
export function ResourcesSection({ ctx, dict }: { ctx: PageContext; dict: PackageDict }) {
  const w = (k: Parameters<typeof wt>[1]) => wt(ctx.locale, k);
  const base = `/workspace/datasets/${dict.name}`;
  return (
    <section>
      <h2 id="resources">{w('resources.title')}</h2>
      {dict.resources.length === 0 ? (
        <p>{w('resources.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{w('resources.name')}</th>
                <th scope="col">{w('resources.format')}</th>
                <th scope="col">{w('resources.size')}</th>
                <th scope="col">{ctx.t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {dict.resources.map((r) => (
                <tr>
                  <td>
                    <a href={r.url} safe>
                      {r.name || r.url}
                    </a>
                  </td>
                  <td safe>{r.format}</td>
                  <td safe>{formatBytes(r.size)}</td>
                  <td>
                    <form method="post" action={`/workspace/resources/${r.id}/delete`} class="inline">
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="danger" aria-label={`${w('resources.delete')} ${r.name}`}>
                        {w('resources.delete')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{w('resources.upload')}</h3>
      <form
        method="post"
        action={`${base}/resources?_csrf=${encodeURIComponent(ctx.csrfToken)}`}
        enctype="multipart/form-data"
        class="stack narrow"
      >
        <label for="res-name">{w('resources.name')}</label>
        <input id="res-name" name="name" />
        <label for="res-description">{w('resources.description')}</label>
        <input id="res-description" name="description" />
        <label for="res-file">{w('resources.file')}</label>
        <input id="res-file" name="upload" type="file" required />
        <button type="submit">{w('resources.add')}</button>
      </form>
      <h3>{w('resources.link')}</h3>
      <form method="post" action={`${base}/resources`} class="stack narrow">
        <CsrfField ctx={ctx} />
        <label for="link-name">{w('resources.name')}</label>
        <input id="link-name" name="name" />
        <label for="link-url">{w('resources.url')}</label>
        <input id="link-url" name="url" type="url" required />
        <label for="link-format">{w('resources.format')}</label>
        <input id="link-format" name="format" />
        <button type="submit">{w('resources.add')}</button>
      </form>
      <h2>{w('form.delete')}</h2>
      <form method="post" action={`${base}/delete`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="danger">
          {w('form.delete')}
        </button>
      </form>
    </section>
  );
}
