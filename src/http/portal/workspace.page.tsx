import type { Agency } from '../../db/schema.js';
import { isAgencyBound } from '../../policies/policy.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { wt } from '../workspace/workspace.messages.js';

export interface WorkspaceView {
  fullName: string;
  agency: Agency | undefined;
}

/** A signed-in user's home: who they are, for which agency, and (soon) their task inbox. */
export function WorkspacePage({ ctx, view }: { ctx: PageContext; view: WorkspaceView }) {
  const t = ctx.t;
  const roles = ctx.actor.roles.filter((r) => r !== 'public');
  return (
    <Layout ctx={ctx} title={t('workspace.title')}>
      <h1 safe>{t('workspace.welcome', { name: view.fullName })}</h1>
      <dl class="facts">
        <dt>{t('workspace.roles')}</dt>
        <dd>
          <ul class="tags">
            {roles.map((r) => (
              <li>{t(`role.${r}`)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('workspace.agency')}</dt>
        <dd safe>
          {view.agency ? `${view.agency.name} (${view.agency.short_name})` : t('workspace.noAgency')}
        </dd>
      </dl>
      {isAgencyBound(ctx.actor) && view.agency ? (
        <p class="lead" safe>
          {t('workspace.producer.lead', { agency: view.agency.short_name })}
        </p>
      ) : (
        ''
      )}
      {ctx.can('dataset:read_private', { agencyId: ctx.actor.agencyId }) ? (
        <p>
          <a class="button" href="/workspace/datasets">
            {wt(ctx.locale, 'datasets.title')}
          </a>
        </p>
      ) : (
        ''
      )}
      <section>
        <h2>{t('workspace.tasks')}</h2>
        <p>{t('workspace.tasksEmpty')}</p>
      </section>
    </Layout>
  );
}
