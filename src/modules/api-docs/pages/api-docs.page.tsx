import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type ApiDocsKey, at } from './api-docs.messages.js';

/** One documented action: how it is called and a curl example against this site. */
interface ActionDoc {
  name: string;
  method: 'GET' | 'POST';
  /** curl command lines; `{base}` becomes `{siteUrl}/api/3/action`. */
  examples: string[];
}

const TOKEN = '-H "Authorization: $SATUDATA_TOKEN"';
const JSON_TYPE = "-H 'Content-Type: application/json'";
const post = (name: string, body: string) =>
  `curl -X POST {base}/${name} \\\n  ${TOKEN} ${JSON_TYPE} \\\n  -d '${body}'`;

const READ: ActionDoc[] = [
  { name: 'status_show', method: 'GET', examples: ['curl {base}/status_show'] },
  { name: 'package_list', method: 'GET', examples: ["curl '{base}/package_list?limit=100&offset=0'"] },
  {
    name: 'current_package_list_with_resources',
    method: 'GET',
    examples: ["curl '{base}/current_package_list_with_resources?limit=10&offset=0'"],
  },
  {
    name: 'package_search',
    method: 'GET',
    examples: [
      "curl -G {base}/package_search \\\n  --data-urlencode 'q=penduduk' \\\n  --data-urlencode 'fq=organization:dinkes res_format:CSV' \\\n  --data-urlencode 'facet.field=[\"organization\",\"tags\"]' \\\n  -d facet.limit=10 -d rows=20 -d start=0 \\\n  --data-urlencode 'sort=metadata_modified desc'",
      `curl -G {base}/package_search ${TOKEN} \\\n  -d include_private=true -d include_drafts=true`,
    ],
  },
  { name: 'package_show', method: 'GET', examples: ["curl '{base}/package_show?id=jumlah-penduduk'"] },
  {
    name: 'package_autocomplete',
    method: 'GET',
    examples: ["curl '{base}/package_autocomplete?q=pendu&limit=5'"],
  },
  { name: 'resource_show', method: 'GET', examples: ["curl '{base}/resource_show?id=RESOURCE_ID'"] },
  {
    name: 'organization_list',
    method: 'GET',
    examples: ["curl '{base}/organization_list?all_fields=true&sort=package_count'"],
  },
  {
    name: 'organization_show',
    method: 'GET',
    examples: ["curl '{base}/organization_show?id=dinkes&include_datasets=true'"],
  },
  { name: 'group_list', method: 'GET', examples: ["curl '{base}/group_list?all_fields=true'"] },
  {
    name: 'group_show',
    method: 'GET',
    examples: ["curl '{base}/group_show?id=kesehatan&include_datasets=true'"],
  },
  { name: 'tag_list', method: 'GET', examples: ["curl '{base}/tag_list?query=sehat'"] },
  { name: 'license_list', method: 'GET', examples: ['curl {base}/license_list'] },
];

const WRITE: ActionDoc[] = [
  {
    name: 'package_create',
    method: 'POST',
    examples: [
      post(
        'package_create',
        '{"name": "jumlah-puskesmas", "title": "Jumlah Puskesmas", "owner_org": "dinkes",\n       "notes": "Per kecamatan", "tags": ["kesehatan"], "groups": ["kesehatan"]}',
      ),
    ],
  },
  {
    name: 'package_update',
    method: 'POST',
    examples: [
      post(
        'package_update',
        '{"id": "jumlah-puskesmas", "name": "jumlah-puskesmas", "title": "Jumlah Puskesmas 2024",\n       "owner_org": "dinkes", "tags": ["kesehatan"]}',
      ),
    ],
  },
  {
    name: 'package_patch',
    method: 'POST',
    examples: [post('package_patch', '{"id": "jumlah-puskesmas", "notes": "Diperbarui triwulanan"}')],
  },
  {
    name: 'package_delete',
    method: 'POST',
    examples: [post('package_delete', '{"id": "jumlah-puskesmas"}')],
  },
  {
    name: 'resource_create',
    method: 'POST',
    examples: [
      post(
        'resource_create',
        '{"package_id": "jumlah-puskesmas", "name": "Tautan BPS", "format": "HTML",\n       "url": "https://magetankab.bps.go.id/"}',
      ),
      `curl -X POST {base}/resource_create ${TOKEN} \\\n  -F package_id=jumlah-puskesmas -F 'name=Rekap 2024' \\\n  -F upload=@rekap-2024.csv`,
    ],
  },
  {
    name: 'resource_update',
    method: 'POST',
    examples: [
      `curl -X POST {base}/resource_update ${TOKEN} \\\n  -F id=RESOURCE_ID -F upload=@rekap-2024-revisi.csv`,
    ],
  },
  { name: 'resource_delete', method: 'POST', examples: [post('resource_delete', '{"id": "RESOURCE_ID"}')] },
];

const ACCOUNT: ActionDoc[] = [
  { name: 'user_show', method: 'GET', examples: [`curl ${TOKEN} {base}/user_show`] },
  { name: 'api_token_create', method: 'POST', examples: [post('api_token_create', '{"name": "pemanen"}')] },
  { name: 'api_token_revoke', method: 'POST', examples: [post('api_token_revoke', '{"id": "TOKEN_ID"}')] },
  { name: 'user_password_change', method: 'POST', examples: [] },
  { name: 'user_create', method: 'POST', examples: [] },
  { name: 'user_update', method: 'POST', examples: [] },
  { name: 'agency_create', method: 'POST', examples: [] },
  { name: 'agency_update', method: 'POST', examples: [] },
  { name: 'agency_import', method: 'POST', examples: [] },
];

/** Every action this page documents in full; others are listed by name. */
export const DOCUMENTED_ACTIONS = [...READ, ...WRITE, ...ACCOUNT].map((a) => a.name);

const SUCCESS_SAMPLE = `{
  "help": "{siteUrl}/api/3/action/help_show?name=package_show",
  "success": true,
  "result": { "id": "…", "name": "jumlah-penduduk", "title": "…", "resources": [ … ] }
}`;

const ERROR_SAMPLE = `{
  "help": "{siteUrl}/api/3/action/help_show?name=package_create",
  "success": false,
  "error": { "__type": "Validation Error", "name": ["…"], "owner_org": ["…"] }
}`;

const HARVEST_SAMPLE = `curl -G {base}/package_search \\
  -d rows=100 -d start=0 --data-urlencode 'sort=id asc' \\
  --data-urlencode 'fq=organization:dinkes OR organization:disdik metadata_modified:[2024-01-01T00:00:00Z TO *]'
# start=100, 200, … until "results" is empty; "count" is the total`;

const ERRORS: [string, string, ApiDocsKey][] = [
  ['403', 'Authorization Error', 'errors.403'],
  ['404', 'Not Found Error', 'errors.404'],
  ['409', 'Validation Error', 'errors.409'],
  ['400', 'Search Query Error', 'errors.400search'],
  ['400', '— ("Bad request - …")', 'errors.400bad'],
  ['500', 'Internal Server Error', 'errors.500'],
];

function fill(text: string, siteUrl: string): string {
  return text.replaceAll('{base}', `${siteUrl}/api/3/action`).replaceAll('{siteUrl}', siteUrl);
}

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
        <dt>{m('actions.method')}</dt>
        <dd>{doc.method === 'GET' ? 'GET, POST' : 'POST'}</dd>
        <dt>{m('actions.params')}</dt>
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
}: {
  ctx: PageContext;
  siteUrl: string;
  /** Every registered action, so none goes unlisted. */
  actionNames: string[];
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
        <h1>{m('title')}</h1>
        <p class="lead" safe>
          {m('lead')}
        </p>
        <nav aria-labelledby="api-toc">
          <h2 id="api-toc">{m('toc')}</h2>
          <ul>
            <li>
              <a href="#base">{m('base.title')}</a>
            </li>
            <li>
              <a href="#auth">{m('auth.title')}</a>
            </li>
            <li>
              <a href="#envelope">{m('envelope.title')}</a>
            </li>
            <li>
              <a href="#errors">{m('errors.title')}</a>
            </li>
            <li>
              <a href="#paging">{m('paging.title')}</a>
            </li>
            <li>
              <a href="#search">{m('search.title')}</a>
            </li>
            <li>
              <a href="#actions">{m('actions.title')}</a>
            </li>
          </ul>
        </nav>

        <section id="base">
          <h2>{m('base.title')}</h2>
          <p safe>{m('base.body', { base, alt: `${siteUrl}/api/action` })}</p>
          <Code text={`curl ${base}/status_show`} />
        </section>

        <section id="auth">
          <h2>{m('auth.title')}</h2>
          <p safe>{m('auth.body')}</p>
          <Code
            text={`export SATUDATA_TOKEN=sdt_…\ncurl -H "Authorization: $SATUDATA_TOKEN" ${base}/user_show`}
          />
          <p safe>{m('auth.cookie')}</p>
          <p safe>{m('auth.rules')}</p>
        </section>

        <section id="envelope">
          <h2>{m('envelope.title')}</h2>
          <p safe>{m('envelope.body')}</p>
          <Code text={fill(SUCCESS_SAMPLE, siteUrl)} />
        </section>

        <section id="errors">
          <h2>{m('errors.title')}</h2>
          <p safe>{m('errors.body')}</p>
          <div class="table-wrap" tabindex="0">
            <table>
              <thead>
                <tr>
                  <th scope="col">{m('errors.colStatus')}</th>
                  <th scope="col">{m('errors.colType')}</th>
                  <th scope="col">{m('errors.colWhen')}</th>
                </tr>
              </thead>
              <tbody>
                {ERRORS.map(([status, type, key]) => (
                  <tr>
                    <td>{status}</td>
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
          <h2>{m('paging.title')}</h2>
          <p safe>{m('paging.body')}</p>
          <p safe>{m('paging.harvest')}</p>
          <Code text={fill(HARVEST_SAMPLE, siteUrl)} />
        </section>

        <section id="search">
          <h2>{m('search.title')}</h2>
          <p safe>{m('search.body')}</p>
        </section>

        <section id="actions">
          <h2>{m('actions.title')}</h2>
          {groups.map(([title, id, docs]) => (
            <section id={`actions-${id}`}>
              <h3>{m(title)}</h3>
              {docs.map((doc) => (
                <ActionSection ctx={ctx} doc={doc} siteUrl={siteUrl} />
              ))}
            </section>
          ))}
          {others.length ? (
            <section id="actions-other">
              <h3>{m('actions.other')}</h3>
              <p>{m('actions.otherBody')}</p>
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
