import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import {
  ACCOUNT,
  type ActionDoc,
  DOCUMENTED_ACTIONS,
  ERROR_SAMPLE,
  ERRORS,
  fill,
  HARVEST_SAMPLE,
  READ,
  SUCCESS_SAMPLE,
  WRITE,
} from './api-docs.examples.js';
import { type ApiDocsKey, at } from './api-docs.messages.js';

function Code({ text }: { text: string }) {
  return (
    <pre class="code">
      <code safe>{text}</code>
    </pre>
  );
}

function ActionSection({ ctx, doc, siteUrl }: { ctx: PageContext; doc: ActionDoc; siteUrl: string }) {
  const m = (k: ApiDocsKey) => at(ctx.locale, k);
  return (
    <section class="api-action" id={doc.name}>
      <h4>
        <code safe>{doc.name}</code>
      </h4>
      <p safe>{m(`action.${doc.name}` as ApiDocsKey)}</p>
      <dl class="api-facts">
        <dt safe>{m('actions.method')}</dt>
        <dd>{doc.method === 'GET' ? 'GET, POST' : 'POST'}</dd>
        <dt safe>{m('actions.params')}</dt>
        <dd safe>{m(`params.${doc.name}` as ApiDocsKey)}</dd>
      </dl>
      {doc.examples.map((e) => (
        <Code text={fill(e, siteUrl)} />
      ))}
    </section>
  );
}

/**
 * GET /api: how to use the CKAN-compatible Action API of this site, with curl examples against
 * its own URL. Indonesian by default, English with ?lang=en or the language switch.
 */
export function ApiDocsPage({
  ctx,
  siteUrl,
  actionNames,
  datastoreSql,
}: {
  ctx: PageContext;
  siteUrl: string;
  /** Every registered action, so none goes unlisted. */
  actionNames: string[];
  /** This server serves datastore_search_sql (DATASTORE_SQL). */
  datastoreSql: boolean;
}) {
  const m = (k: ApiDocsKey, params: Record<string, string> = {}) => at(ctx.locale, k, params);
  const base = `${siteUrl}/api/3/action`;
  const others = actionNames.filter((n) => !DOCUMENTED_ACTIONS.includes(n)).sort();
  const groups: [ApiDocsKey, string, ActionDoc[]][] = [
    ['actions.read', 'read', READ],
    ['actions.write', 'write', WRITE],
    ['actions.account', 'account', ACCOUNT.filter((a) => actionNames.includes(a.name))],
  ];
  return (
    <Layout ctx={ctx} title={m('title')}>
      <article class="api-docs">
        <h1 safe>{m('title')}</h1>
        <p class="lead" safe>
          {m('lead')}
        </p>
        <nav aria-labelledby="api-toc">
          <h2 safe id="api-toc">
            {m('toc')}
          </h2>
          <ul>
            <li>
              <a safe href="#base">
                {m('base.title')}
              </a>
            </li>
            <li>
              <a safe href="#auth">
                {m('auth.title')}
              </a>
            </li>
            <li>
              <a safe href="#envelope">
                {m('envelope.title')}
              </a>
            </li>
            <li>
              <a safe href="#errors">
                {m('errors.title')}
              </a>
            </li>
            <li>
              <a safe href="#paging">
                {m('paging.title')}
              </a>
            </li>
            <li>
              <a safe href="#search">
                {m('search.title')}
              </a>
            </li>
            <li>
              <a safe href="#datastore">
                {m('datastore.title')}
              </a>
            </li>
            <li>
              <a safe href="#actions">
                {m('actions.title')}
              </a>
            </li>
          </ul>
        </nav>

        <section id="base">
          <h2 safe>{m('base.title')}</h2>
          <p safe>{m('base.body', { base, alt: `${siteUrl}/api/action` })}</p>
          <Code text={`curl ${base}/status_show`} />
          <p>
            <span safe>{m('openapi.body')}</span>{' '}
            <a href="/api/openapi.json">
              <code>/api/openapi.json</code>
            </a>
          </p>
        </section>

        <section id="auth">
          <h2 safe>{m('auth.title')}</h2>
          <p safe>{m('auth.body')}</p>
          <Code
            text={`export SATUDATA_TOKEN=sdt_…\ncurl -H "Authorization: $SATUDATA_TOKEN" ${base}/user_show`}
          />
          <p safe>{m('auth.cookie')}</p>
          <p safe>{m('auth.rules')}</p>
        </section>

        <section id="envelope">
          <h2 safe>{m('envelope.title')}</h2>
          <p safe>{m('envelope.body')}</p>
          <Code text={fill(SUCCESS_SAMPLE, siteUrl)} />
        </section>

        <section id="errors">
          <h2 safe>{m('errors.title')}</h2>
          <p safe>{m('errors.body')}</p>
          <div class="table-wrap" tabindex="0">
            <table>
              <thead>
                <tr>
                  <th safe scope="col">
                    {m('errors.colStatus')}
                  </th>
                  <th safe scope="col">
                    {m('errors.colType')}
                  </th>
                  <th safe scope="col">
                    {m('errors.colWhen')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ERRORS.map(([status, type, key]) => (
                  <tr>
                    <td safe>{status}</td>
                    <td>
                      <code safe>{type}</code>
                    </td>
                    <td safe>{m(key)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Code text={fill(ERROR_SAMPLE, siteUrl)} />
        </section>

        <section id="paging">
          <h2 safe>{m('paging.title')}</h2>
          <p safe>{m('paging.body')}</p>
          <p safe>{m('paging.harvest')}</p>
          <Code text={fill(HARVEST_SAMPLE, siteUrl)} />
        </section>

        <section id="search">
          <h2 safe>{m('search.title')}</h2>
          <p safe>{m('search.body')}</p>
        </section>

        <section id="datastore">
          <h2 safe>{m('datastore.title')}</h2>
          <p safe>{m('datastore.body')}</p>
          <p safe>{m('datastore.sql', { state: m(datastoreSql ? 'datastore.on' : 'datastore.off') })}</p>
        </section>

        <section id="actions">
          <h2 safe>{m('actions.title')}</h2>
          {groups.map(([title, id, docs]) => (
            <section id={`actions-${id}`}>
              <h3 safe>{m(title)}</h3>
              {docs.map((doc) => (
                <ActionSection ctx={ctx} doc={doc} siteUrl={siteUrl} />
              ))}
            </section>
          ))}
          {others.length ? (
            <section id="actions-other">
              <h3 safe>{m('actions.other')}</h3>
              <p safe>{m('actions.otherBody')}</p>
              <ul>
                {others.map((n) => (
                  <li id={n}>
                    <code safe>{n}</code>
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            ''
          )}
        </section>
      </article>
    </Layout>
  );
}
