import { escapeHtml } from '@kitajs/html';
import { FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type MessageKey, pick } from '../../../kernel/i18n/i18n.js';
import {
  type Bilingual,
  END,
  PROCESS_KIND_LABELS,
  PROCESS_KINDS,
  type ProcessKind,
  type WorkflowDefinition,
} from '../domain/definition.js';
import { type WorkflowAdminKey, wft } from './workflow-admin.messages.js';

export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  process_kind: ProcessKind;
  title: Bilingual;
  source: { seed: string; region: string };
  preset: boolean;
  active: boolean;
}

export interface DefinitionDetail extends DefinitionSummary {
  definition: WorkflowDefinition;
  /** True when this row is the newest version of its key. */
  latest: boolean;
}

/** Where a definition comes from, as a person reads it: the region's SOP or the national default (never a file name). */
function sourceLabel(ctx: PageContext, source: { seed: string; region: string }): string {
  const c = tr(ctx);
  return source.seed === '' && source.region === 'Nasional'
    ? c('wf.source.national')
    : c('wf.source.region', { region: source.region });
}

function tr(ctx: PageContext) {
  return (k: WorkflowAdminKey, p: Record<string, string | number> = {}) => wft(ctx.locale, k, p);
}

/** /admin/workflows: definitions per process kind, the region's choice and the form to change it. */
export function WorkflowListPage({
  ctx,
  definitions,
}: {
  ctx: PageContext;
  definitions: DefinitionSummary[];
}) {
  const c = tr(ctx);
  return (
    <Layout ctx={ctx} title={c('wf.title')}>
      <h1 safe>{c('wf.title')}</h1>
      <p safe>{c('wf.lead')}</p>
      {PROCESS_KINDS.map((kind) => {
        const rows = definitions.filter((d) => d.process_kind === kind);
        const kindLabel = pick(ctx.locale, PROCESS_KIND_LABELS[kind]);
        return (
          <section aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`} safe>
              {kindLabel}
            </h2>
            <div class="table-wrap" tabindex="0">
              <table>
                <thead>
                  <tr>
                    <th safe scope="col">
                      {c('wf.key')}
                    </th>
                    <th safe scope="col">
                      {c('wf.version')}
                    </th>
                    <th safe scope="col">
                      {c('wf.definitionTitle')}
                    </th>
                    <th safe scope="col">
                      {c('wf.source')}
                    </th>
                    <th safe scope="col">
                      {c('wf.preset')}
                    </th>
                    <th safe scope="col">
                      {c('wf.active')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((d) => (
                    <tr>
                      <td>
                        <a href={`/admin/workflows/${d.id}`} safe>
                          {d.key}
                        </a>
                      </td>
                      <td safe>{String(d.version)}</td>
                      <td safe>{pick(ctx.locale, d.title)}</td>
                      <td safe>{sourceLabel(ctx, d.source)}</td>
                      <td safe>{d.preset ? c('wf.yes') : c('wf.no')}</td>
                      <td>{d.active ? <strong safe>{c('wf.yes')}</strong> : escapeHtml(c('wf.no'))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <form method="post" action="/admin/workflows/choose">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <input type="hidden" name="process_kind" value={kind} />
              <p>
                <label safe for={`choose-${kind}`}>
                  {c('wf.chooseLabel', { kind: kindLabel })}
                </label>
                <select id={`choose-${kind}`} name="definition_id">
                  {rows.map((d) => (
                    <option value={d.id} selected={d.active} safe>
                      {`${d.key} v${d.version}`}
                    </option>
                  ))}
                </select>{' '}
                <button safe type="submit">
                  {c('wf.choose')}
                </button>
              </p>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}

/** A step's number and title in the page's language, or 'end'. */
export function stepTitle(def: WorkflowDefinition, id: string, ctx: PageContext): string {
  if (id === END) return wft(ctx.locale, 'wf.end');
  const step = def.steps.find((s) => s.id === id);
  return step ? `${def.steps.indexOf(step) + 1}. ${pick(ctx.locale, step.title)}` : id;
}

/** /admin/workflows/:id: the definition as a readable step table, copy and edit. */
export function WorkflowShowPage({
  ctx,
  detail,
  copyValues,
  errors,
}: {
  ctx: PageContext;
  detail: DefinitionDetail;
  copyValues: { new_key: string; title: string; title_en: string };
  errors?: Record<string, string[]> | undefined;
}) {
  const c = tr(ctx);
  const def = detail.definition;
  const title = `${pick(ctx.locale, def.title)} (v${def.version})`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a safe href="/admin/workflows">
          {c('wf.back')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <dl>
        <dt safe>{c('wf.kind')}</dt>
        <dd safe>{pick(ctx.locale, PROCESS_KIND_LABELS[def.processKind])}</dd>
        <dt safe>{c('wf.source')}</dt>
        <dd safe>{sourceLabel(ctx, def.source)}</dd>
        <dt safe>{c('wf.start')}</dt>
        <dd safe>{stepTitle(def, def.start, ctx)}</dd>
        <dt safe>{c('wf.sopName')}</dt>
        <dd safe>{def.identity?.name ?? def.title.id}</dd>
        <dt safe>{c('wf.sopNumber')}</dt>
        <dd safe>{def.identity?.number ?? '—'}</dd>
        {def.processKind === 'dataset_collection' ? (
          <>
            <dt safe>{c('wf.reviewNonPriority')}</dt>
            <dd safe>{def.reviewNonPriority ? c('wf.yes') : c('wf.no')}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <p>
        <a safe href={`/admin/workflows/${encodeURIComponent(detail.id)}/sop.pdf`} type="application/pdf">
          {c('wf.sopDocument')}
        </a>
      </p>
      <h2 safe>{c('wf.steps')}</h2>
      <div class="table-wrap" tabindex="0">
        <table>
          <thead>
            <tr>
              <th safe scope="col">
                {c('wf.step')}
              </th>
              <th safe scope="col">
                {c('wf.actor')}
              </th>
              <th safe scope="col">
                {c('wf.duration')}
              </th>
              <th safe scope="col">
                {c('wf.inputs')}
              </th>
              <th safe scope="col">
                {c('wf.outputs')}
              </th>
              <th safe scope="col">
                {c('wf.outcomes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {def.steps.map((s, i) => (
              <tr>
                <th scope="row" safe>
                  {`${i + 1}. ${pick(ctx.locale, s.title)}`}
                </th>
                <td>
                  <span safe>{pick(ctx.locale, s.actorLabel)}</span> (
                  <span safe>{ctx.t(`role.${s.role}` as MessageKey)}</span>)
                </td>
                <td safe>{s.duration ?? c('wf.noDuration')}</td>
                <td>
                  <ul>
                    {s.inputs.map((x) => (
                      <li safe>{pick(ctx.locale, x)}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <ul>
                    {s.outputs.map((o) => (
                      <li safe>{pick(ctx.locale, o.title)}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <ul>
                    {s.transitions.map((t) => (
                      <li safe>{`${pick(ctx.locale, t.label)} → ${stepTitle(def, t.to, ctx)}`}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!detail.preset && detail.latest ? (
        <p>
          <a safe href={`/admin/workflows/${detail.id}/edit`}>
            {c('wf.edit')}
          </a>
        </p>
      ) : (
        <p safe>{detail.preset ? c('wf.presetNoEdit') : c('wf.olderVersion')}</p>
      )}
      <section aria-labelledby="copy-heading">
        <h2 safe id="copy-heading">
          {c('wf.copy')}
        </h2>
        <p safe>{c('wf.copyLead')}</p>
        <FormErrors ctx={ctx} errors={errors} />
        <form method="post" action={`/admin/workflows/${detail.id}/copy`}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <p>
            <label safe for="wf-new-key">
              {c('wf.newKey')}
            </label>
            <input
              id="wf-new-key"
              name="new_key"
              value={copyValues.new_key}
              required
              aria-describedby="wf-new-key-help"
            />
            <span safe class="hint" id="wf-new-key-help">
              {c('wf.newKeyHelp')}
            </span>
          </p>
          <p>
            <label safe for="wf-new-title">
              {c('wf.newTitle')}
            </label>
            <input id="wf-new-title" name="title" value={copyValues.title} />
          </p>
          <p>
            <label safe for="wf-new-title-en">
              {c('wf.newTitleEn')}
            </label>
            <input id="wf-new-title-en" name="title_en" value={copyValues.title_en} />
          </p>
          <button safe type="submit">
            {c('wf.copy')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
