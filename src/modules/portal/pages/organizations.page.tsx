import { executeAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import type { AgencyKind } from '../../../kernel/db/schema.js';
import { Layout } from '../../../kernel/http/layout.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { CatalogPageContext, SearchState } from '../../catalog/index.js';
import { Breadcrumb, organizationList, organizationShow, SearchForm } from '../../catalog/index.js';
import { FollowForm } from '../follow/follow.page.js';
import type { LogoView } from '../logos/logo.loader.js';
import { loadSearch, SearchSection, type SearchView } from './dataset-search.page.js';

export interface AgencyView {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  regionCode: string | null;
  datasetCount: number;
}

type OrganizationDict = {
  id: string;
  name: string;
  title: string;
  short_name: string;
  kind: AgencyKind;
  region_code: string | null;
  package_count?: number;
};

function agencyView(o: OrganizationDict): AgencyView {
  return {
    id: o.id,
    code: o.name,
    name: o.title,
    shortName: o.short_name,
    kind: o.kind,
    regionCode: o.region_code,
    datasetCount: o.package_count ?? 0,
  };
}

/** Every agency with its number of public datasets (`organization_list`, all fields). */
export async function loadOrganizations(actx: ActionContext): Promise<AgencyView[]> {
  const list = (await executeAction(actx, organizationList, {
    all_fields: true,
    limit: 1000,
  })) as OrganizationDict[];
  return list.map(agencyView);
}

/** One agency (`organization_show`) and its datasets, searched within the agency. */
export async function loadOrganization(
  actx: ActionContext,
  locale: Locale,
  code: string,
  state: SearchState,
): Promise<{ agency: AgencyView; search: SearchView }> {
  const dict = (await executeAction(actx, organizationShow, { id: code })) as OrganizationDict;
  const agency = agencyView(dict);
  const search = await loadSearch(actx, locale, state, {
    basePath: `/organization/${encodeURIComponent(agency.code)}`,
    fq: `owner_org:${agency.id}`,
    fixedFacet: 'organization',
  });
  return { agency, search };
}

/** GET /organization — the region's agencies with how many datasets each publishes. */
export function OrganizationsPage({ ctx, agencies }: { ctx: CatalogPageContext; agencies: AgencyView[] }) {
  const title = ctx.ct('catalog.org.title');
  return (
    <Layout ctx={ctx} title={title}>
      <div class="catalog-head">
        <h1 safe>{title}</h1>
        <p class="lead" safe>
          {ctx.ct('catalog.org.lead', { region: ctx.site.regionName })}
        </p>
      </div>
      {agencies.length === 0 ? (
        <p safe class="empty">
          {ctx.ct('catalog.org.empty')}
        </p>
      ) : (
        <ul class="entity-grid">
          {agencies.map((a) => (
            <li class="entity-card">
              <h2>
                <a href={`/organization/${encodeURIComponent(a.code)}`} safe>
                  {a.name}
                </a>
              </h2>
              <p class="entity-meta">
                <span safe>{a.shortName}</span> · <span safe>{ctx.t(`agency.kind.${a.kind}`)}</span>
              </p>
              <p safe class="entity-count">
                {ctx.ct('catalog.count.datasets', { count: a.datasetCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** GET /organization/:name — an agency and a searchable, paged list of its datasets. */
export function OrganizationPage({
  ctx,
  agency,
  search,
  logo = null,
}: {
  ctx: CatalogPageContext;
  agency: AgencyView;
  search: SearchView;
  /** The agency's uploaded logo, if any. */
  logo?: LogoView | null;
}) {
  return (
    <Layout ctx={ctx} title={agency.name}>
      <Breadcrumb ctx={ctx} links={[{ href: '/organization', text: ctx.ct('catalog.nav.organizations') }]} />
      <div class="catalog-head">
        {logo ? <img class="org-logo" src={logo.src} alt={logo.alt} /> : ''}
        <h1 safe>{agency.name}</h1>
        <p class="entity-meta">
          <span safe>{agency.shortName}</span> · <span safe>{ctx.t(`agency.kind.${agency.kind}`)}</span>
          {agency.regionCode ? (
            <>
              {' '}
              · <span safe>{ctx.ct('catalog.org.regionCode')}</span> <span safe>{agency.regionCode}</span>
            </>
          ) : (
            ''
          )}
        </p>
        <SearchForm ctx={ctx} view={search} label={ctx.ct('catalog.org.datasets')} />
      </div>
      <SearchSection ctx={ctx} view={search} />
      <FollowForm ctx={ctx} kind="organization" target={agency.code} title={agency.name} />
    </Layout>
  );
}
