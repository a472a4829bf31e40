import type { ApiDocsKey } from './api-docs.messages.js';

/**
 * What the API documentation page shows, as data: the documented actions with curl examples,
 * the envelope samples and the error table.
 */

/** One documented action: how it is called and a curl example against this site. */
export interface ActionDoc {
  name: string;
  method: 'GET' | 'POST';
  /** curl command lines; `{base}` becomes `{siteUrl}/api/3/action`. */
  examples: string[];
}

const TOKEN = '-H "Authorization: $SATUDATA_TOKEN"';
const JSON_TYPE = "-H 'Content-Type: application/json'";
const post = (name: string, body: string) =>
  `curl -X POST {base}/${name} \\\n  ${TOKEN} ${JSON_TYPE} \\\n  -d '${body}'`;

export const READ: ActionDoc[] = [
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

export const WRITE: ActionDoc[] = [
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

export const ACCOUNT: ActionDoc[] = [
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

export const SUCCESS_SAMPLE = `{
  "help": "{siteUrl}/api/3/action/help_show?name=package_show",
  "success": true,
  "result": { "id": "…", "name": "jumlah-penduduk", "title": "…", "resources": [ … ] }
}`;

export const ERROR_SAMPLE = `{
  "help": "{siteUrl}/api/3/action/help_show?name=package_create",
  "success": false,
  "error": { "__type": "Validation Error", "name": ["…"], "owner_org": ["…"] }
}`;

export const HARVEST_SAMPLE = `curl -G {base}/package_search \\
  -d rows=100 -d start=0 --data-urlencode 'sort=id asc' \\
  --data-urlencode 'fq=organization:dinkes OR organization:disdik metadata_modified:[2024-01-01T00:00:00Z TO *]'
# start=100, 200, … until "results" is empty; "count" is the total`;

export const ERRORS: [string, string, ApiDocsKey][] = [
  ['403', 'Authorization Error', 'errors.403'],
  ['404', 'Not Found Error', 'errors.404'],
  ['409', 'Validation Error', 'errors.409'],
  ['400', 'Search Query Error', 'errors.400search'],
  ['400', '— ("Bad request - …")', 'errors.400bad'],
  ['500', 'Internal Server Error', 'errors.500'],
  ['503', 'Service Unavailable', 'errors.503'],
];

/** Put this site's URL into an example. */
export function fill(text: string, siteUrl: string): string {
  return text.replaceAll('{base}', `${siteUrl}/api/3/action`).replaceAll('{siteUrl}', siteUrl);
}
