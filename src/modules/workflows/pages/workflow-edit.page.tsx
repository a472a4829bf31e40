import { GRANTABLE_ROLES } from '../../../kernel/access/roles.js';
import { FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type MessageKey, pick } from '../../../kernel/i18n/i18n.js';
import { END } from '../domain/definition.js';
import { type DefinitionDetail, stepTitle } from './workflow.page.js';
import { type WorkflowAdminKey, wft } from './workflow-admin.messages.js';

function tr(ctx: PageContext) {
  return (k: WorkflowAdminKey, p: Record<string, string | number> = {}) => wft(ctx.locale, k, p);
}

/** /admin/workflows/:id/edit: per-step form (titles, actors, roles, times, transitions) and the JSON path. */
export function WorkflowEditPage({
  ctx,
  detail,
  json,
  errors,
}: {
  ctx: PageContext;
  detail: DefinitionDetail;
  json: string;
  errors?: Record<string, string[]> | undefined;
}) {
  const c = tr(ctx);
  const def = detail.definition;
  const targets = [...def.steps.map((s) => s.id), END];
  return (
    <Layout ctx={ctx} title={c('wf.editTitle', { key: def.key })}>
      <p>
        <a safe href={`/admin/workflows/${detail.id}`}>
          {c('wf.back')}
        </a>
      </p>
      <h1 safe>{c('wf.editTitle', { key: def.key })}</h1>
      <p safe>{c('wf.editLead')}</p>
      <FormErrors ctx={ctx} errors={errors} />
      <form method="post" action={`/admin/workflows/${detail.id}/edit`}>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        {def.steps.map((s, i) => {
          const p = `s${i}`;
          return (
            <fieldset>
              <legend safe>{`${i + 1}. ${pick(ctx.locale, s.title)}`}</legend>
              <p>
                <label safe for={`${p}-title-id`}>
                  {c('wf.titleId')}
                </label>
                <input id={`${p}-title-id`} name={`${p}.title.id`} value={s.title.id} required />
              </p>
              <p>
                <label safe for={`${p}-title-en`}>
                  {c('wf.titleEn')}
                </label>
                <input id={`${p}-title-en`} name={`${p}.title.en`} value={s.title.en} required />
              </p>
              <p>
                <label safe for={`${p}-actor-id`}>
                  {c('wf.actorId')}
                </label>
                <input id={`${p}-actor-id`} name={`${p}.actor.id`} value={s.actorLabel.id} required />
              </p>
              <p>
                <label safe for={`${p}-actor-en`}>
                  {c('wf.actorEn')}
                </label>
                <input id={`${p}-actor-en`} name={`${p}.actor.en`} value={s.actorLabel.en} required />
              </p>
              <p>
                <label safe for={`${p}-role`}>
                  {c('wf.role')}
                </label>
                <select id={`${p}-role`} name={`${p}.role`}>
                  {['public', ...GRANTABLE_ROLES].map((r) => (
                    <option value={r} selected={r === s.role} safe>
                      {ctx.t(`role.${r}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </p>
              <p>
                <label safe for={`${p}-duration`}>
                  {c('wf.duration')}
                </label>
                <input
                  id={`${p}-duration`}
                  name={`${p}.duration`}
                  value={s.duration ?? ''}
                  aria-describedby="wf-duration-help"
                />
              </p>
              {s.transitions.map((t, j) => (
                <p>
                  <label safe for={`${p}-t${j}`}>
                    {c('wf.transition', { outcome: t.outcome })}
                  </label>
                  <select id={`${p}-t${j}`} name={`${p}.t${j}`}>
                    {targets.map((to) => (
                      <option value={to} selected={to === t.to} safe>
                        {stepTitle(def, to, ctx)}
                      </option>
                    ))}
                  </select>
                </p>
              ))}
            </fieldset>
          );
        })}
        <p safe class="hint" id="wf-duration-help">
          {c('wf.durationHelp')}
        </p>
        <button safe type="submit">
          {c('wf.save')}
        </button>
      </form>
      <details>
        <summary safe>{c('wf.json')}</summary>
        <form method="post" action={`/admin/workflows/${detail.id}/json`}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <p>
            <label safe for="wf-json">
              {c('wf.jsonLabel')}
            </label>
            <textarea id="wf-json" name="definition" rows="30" cols="100" safe>
              {json}
            </textarea>
          </p>
          <button safe type="submit">
            {c('wf.jsonSave')}
          </button>
        </form>
      </details>
    </Layout>
  );
}
