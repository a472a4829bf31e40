import type { Agency } from '../../../kernel/db/schema.js';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';

export interface AgenciesView {
  agencies: Agency[];
  /** Why an import was refused (one line), and every row/column problem. */
  importSummary?: string | undefined;
  importErrors?: Record<string, string[]> | undefined;
}

/** The CSV import form; multipart, so its CSRF token travels in the action's query string. */
function ImportForm({ ctx, view }: { ctx: PageContext; view: AgenciesView }) {
  const t = ctx.t;
  return (
    <section>
      <h2 safe id="import">
        {t('agency.import')}
      </h2>
      <p safe class="hint" id="importHelp">
        {t('agency.importHelp')}
      </p>
      {view.importSummary ? (
        <p class="errors" role="alert" safe>
          {view.importSummary}
        </p>
      ) : (
        ''
      )}
      <FormErrors ctx={ctx} errors={view.importErrors} />
      <form method="post" action="/admin/agencies/import" enctype="multipart/form-data" class="row">
        <CsrfField ctx={ctx} />
        <label safe for="importFile">
          {t('agency.importFile')}
        </label>
        <input
          id="importFile"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby="importHelp"
        />
        <button safe type="submit">
          {t('agency.import')}
        </button>
      </form>
    </section>
  );
}

/** The agencies of the region, with create/edit/import controls for those allowed to use them. */
export function AgenciesPage({ ctx, view }: { ctx: PageContext; view: AgenciesView }) {
  const t = ctx.t;
  const canEdit = (a: Agency) => ctx.can('agency:update', { agencyId: a.id });
  const showActions = ctx.can('agency:create') || ctx.can('agency:update');
  return (
    <Layout ctx={ctx} title={t('agency.title')}>
      <h1 safe>{t('agency.title')}</h1>
      {ctx.can('agency:create') ? (
        <p>
          <a safe href="/admin/agencies/new">
            {t('agency.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      {view.agencies.length === 0 ? (
        <p safe>{t('admin.agenciesEmpty')}</p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr>
                <th safe scope="col">
                  {t('common.code')}
                </th>
                <th safe scope="col">
                  {t('common.name')}
                </th>
                <th safe scope="col">
                  {t('agency.shortName')}
                </th>
                <th safe scope="col">
                  {t('agency.kind')}
                </th>
                <th safe scope="col">
                  {t('admin.regionCode')}
                </th>
                {showActions ? (
                  <th safe scope="col">
                    {t('common.actions')}
                  </th>
                ) : (
                  ''
                )}
              </tr>
            </thead>
            <tbody>
              {view.agencies.map((a) => (
                <tr>
                  <td>
                    <code safe>{a.code}</code>
                  </td>
                  <td safe>{a.name}</td>
                  <td safe>{a.short_name}</td>
                  <td safe>{t(`agency.kind.${a.kind}`)}</td>
                  <td safe>{a.region_code ?? '—'}</td>
                  {showActions ? (
                    <td>
                      {canEdit(a) ? (
                        <a
                          safe
                          href={`/admin/agencies/${a.id}/edit`}
                          aria-label={`${t('common.edit')} ${a.name}`}
                        >
                          {t('common.edit')}
                        </a>
                      ) : (
                        ''
                      )}
                    </td>
                  ) : (
                    ''
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ctx.can('agency:create') && ctx.can('agency:update') ? <ImportForm ctx={ctx} view={view} /> : ''}
    </Layout>
  );
}
