import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { PackageDict } from '../../catalog/index.js';
import { ingestText } from './ingest.messages.js';
import { formatBytes, IngestPanel, type IngestView, isLoading } from './ingest-panel.js';
import { StandardColumnsNote } from './standard-columns-note.js';
import { wt } from './workspace.messages.js';

/**
 * The ingest state of a dataset's resources, attached to the dict the page renders (the form
 * page passes only the dict down to this section). Set by the route before rendering.
 */
const INGEST_VIEWS = new WeakMap<PackageDict, Map<string, IngestView>>();

export function attachIngestViews(dict: PackageDict, views: Map<string, IngestView>): void {
  INGEST_VIEWS.set(dict, views);
}

/** Resources that may hold a table: tabular formats, or none given yet. */
const TABLE_FORMATS = /^(|csv|tsv|txt|xlsx?)$/i;

/**
 * A resource with no table yet (a link, or one whose columns were declared first): its file is
 * uploaded here, so a declared schema is enforced on that first upload.
 */
function FirstUploadForm({
  ctx,
  dict,
  resourceId,
}: {
  ctx: PageContext;
  dict: PackageDict;
  resourceId: string;
}) {
  const id = `first-upload-${resourceId}`;
  return (
    <form
      method="post"
      action={`/workspace/resources/${resourceId}/upload`}
      enctype="multipart/form-data"
      class="inline"
    >
      <CsrfField ctx={ctx} />
      <StandardColumnsNote ctx={ctx} dict={dict} resourceId={resourceId} />
      <label safe for={id}>
        {wt(ctx.locale, 'resources.firstUpload')}
      </label>{' '}
      <input id={id} name="upload" type="file" required accept=".csv,.tsv,.txt,.xlsx" />{' '}
      <button safe type="submit">
        {wt(ctx.locale, 'resources.uploadTable')}
      </button>
    </form>
  );
}

/** The resources of a dataset being edited: list, upload form, link form, delete buttons. */
export function ResourcesSection({
  ctx,
  dict,
  typed,
}: {
  ctx: PageContext;
  dict: PackageDict;
  /** What was typed into a refused resource form (kept). */
  typed?: Record<string, string> | undefined;
}) {
  // A refused link form had a URL; a refused file form had none.
  const file = typed && typed.url === undefined ? typed : {};
  const link = typed?.url !== undefined ? typed : {};
  const w = (k: Parameters<typeof wt>[1]) => wt(ctx.locale, k);
  const base = `/workspace/datasets/${dict.name}`;
  const ingest = INGEST_VIEWS.get(dict);
  const hasProgress = [...(ingest?.values() ?? [])].some((v) => isLoading(v.versions[0]?.state));
  return (
    <section>
      <h2 safe id="resources">
        {w('resources.title')}
      </h2>
      {dict.resources.length === 0 ? (
        <p safe>{w('resources.empty')}</p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr>
                <th safe scope="col">
                  {w('resources.name')}
                </th>
                <th safe scope="col">
                  {w('resources.format')}
                </th>
                <th safe scope="col">
                  {w('resources.size')}
                </th>
                <th safe scope="col">
                  {ctx.t('common.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {dict.resources.map((r) => [
                <tr>
                  <td>
                    <a href={r.url} safe>
                      {r.name || decodeURIComponent(r.url.split('/').pop() || r.url)}
                    </a>
                  </td>
                  <td safe>{r.format}</td>
                  <td safe>{formatBytes(r.size)}</td>
                  <td>
                    <a
                      safe
                      href={`${base}/resources/${r.id}/schema`}
                      aria-label={`${w('resources.columns')}: ${r.name || r.format}`}
                    >
                      {w('resources.columns')}
                    </a>{' '}
                    <form method="post" action={`/workspace/resources/${r.id}/delete`} class="inline">
                      <CsrfField ctx={ctx} />
                      <button
                        safe
                        type="submit"
                        class="danger"
                        aria-label={`${w('resources.delete')} ${r.name}`}
                      >
                        {w('resources.delete')}
                      </button>
                    </form>
                  </td>
                </tr>,
                ingest?.get(r.id)?.versions.length ? (
                  <tr>
                    <td colspan="4">
                      <IngestPanel ctx={ctx} resourceId={r.id} view={ingest.get(r.id) as IngestView} />
                    </td>
                  </tr>
                ) : TABLE_FORMATS.test(r.format) ? (
                  <tr>
                    <td colspan="4">
                      <FirstUploadForm ctx={ctx} dict={dict} resourceId={r.id} />
                    </td>
                  </tr>
                ) : (
                  ''
                ),
              ])}
            </tbody>
          </table>
        </div>
      )}
      <h3 safe>{w('resources.upload')}</h3>
      <form method="post" action={`${base}/resources`} enctype="multipart/form-data" class="stack narrow">
        <CsrfField ctx={ctx} />
        <StandardColumnsNote ctx={ctx} dict={dict} />
        <label safe for="res-name">
          {w('resources.name')}
        </label>
        <input id="res-name" name="name" value={file.name} />
        <label safe for="res-description">
          {w('resources.description')}
        </label>
        <input id="res-description" name="description" value={file.description} />
        <label safe for="res-file">
          {w('resources.file')}
        </label>
        <input id="res-file" name="upload" type="file" required />
        <label safe for="res-sheet">
          {ingestText(ctx.locale, 'ingest.sheet')}
        </label>
        <input id="res-sheet" name="sheet" value={file.sheet} />
        <button safe type="submit">
          {w('resources.add')}
        </button>
      </form>
      <h3 safe>{w('resources.link')}</h3>
      <form method="post" action={`${base}/resources`} class="stack narrow">
        <CsrfField ctx={ctx} />
        <label safe for="link-name">
          {w('resources.name')}
        </label>
        <input id="link-name" name="name" value={link.name} />
        <label safe for="link-url">
          {w('resources.url')}
        </label>
        <input id="link-url" name="url" type="url" required value={link.url} />
        <label safe for="link-format">
          {w('resources.format')}
        </label>
        <input id="link-format" name="format" value={link.format} />
        <button safe type="submit">
          {w('resources.add')}
        </button>
      </form>
      {hasProgress ? <script src="/workspace/ingest-progress.js" defer></script> : ''}
      <h2 safe>{w('form.delete')}</h2>
      <form method="post" action={`${base}/delete`}>
        <CsrfField ctx={ctx} />
        <button safe type="submit" class="danger">
          {w('form.delete')}
        </button>
      </form>
    </section>
  );
}
