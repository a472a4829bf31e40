import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';

/** The back-office sections and whether the actor may open each (decided by the policy). */
export interface AdminSections {
  agencies: boolean;
  users: boolean;
  audit: boolean;
}

/** Which back-office sections this page context may open. */
export function adminSections(ctx: Pick<PageContext, 'can'>): AdminSections {
  return {
    agencies: ctx.can('user:read') || ctx.can('agency:create'),
    users: ctx.can('user:read'),
    audit: ctx.can('audit:read'),
  };
}

/** The back-office index: a link to each section the actor may use, and nothing else. */
export function AdminHomePage({ ctx, sections }: { ctx: PageContext; sections: AdminSections }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('nav.admin')}>
      <h1>{t('nav.admin')}</h1>
      <p>{t('admin.lead')}</p>
      <ul class="cards">
        {sections.agencies ? (
          <li>
            <a href="/admin/agencies">{t('nav.agencies')}</a>
            <p class="hint">{t('admin.agenciesLead')}</p>
          </li>
        ) : (
          ''
        )}
        {sections.users ? (
          <li>
            <a href="/admin/users">{t('nav.users')}</a>
            <p class="hint">{t('admin.usersLead')}</p>
          </li>
        ) : (
          ''
        )}
        {sections.audit ? (
          <li>
            <a href="/admin/audit">{t('nav.audit')}</a>
            <p class="hint">{t('audit.lead')}</p>
          </li>
        ) : (
          ''
        )}
      </ul>
    </Layout>
  );
}
