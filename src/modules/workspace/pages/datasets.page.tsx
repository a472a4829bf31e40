import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import type { PackageDict } from '../../catalog/index.js';
import { wt } from './workspace.messages.js';

/** The datasets the actor may manage, with their state. */
export function DatasetsPage({
  ctx,
  datasets,
  mayCreate,
}: {
  ctx: PageContext;
  datasets: PackageDict[];
  mayCreate: boolean;
}) {
  const w = (k: Parameters<typeof wt>[1]) => wt(ctx.locale, k);
  const stateLabel = (d: PackageDict) =>
    d.state === 'draft'
      ? w('state.draft')
      : d.state === 'deleted'
        ? w('state.deleted')
        : d.private
          ? w('state.private')
          : w('state.public');
  return (
    <Layout ctx={ctx} title={w('datasets.title')}>
      <h1 safe>{w('datasets.title')}</h1>
      <p safe>{w('datasets.lead')}</p>
      {mayCreate ? (
        <p>
          <a safe class="button" href="/workspace/datasets/new">
            {w('datasets.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      {datasets.length === 0 ? (
        <p safe>{w('datasets.empty')}</p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr>
                <th safe scope="col">
                  {w('form.title')}
                </th>
                <th safe scope="col">
                  {w('form.agency')}
                </th>
                <th safe scope="col">
                  {w('form.state')}
                </th>
                <th safe scope="col">
                  {w('datasets.modified')}
                </th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr>
                  <td>
                    <a href={`/workspace/datasets/${d.name}/edit`} safe>
                      {d.title}
                    </a>
                  </td>
                  <td safe>{d.organization.short_name}</td>
                  <td safe>{stateLabel(d)}</td>
                  <td safe>
                    {d.metadata_modified &&
                      formatDateTime(ctx.locale, `${d.metadata_modified}Z`, ctx.timeZone)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
