/**
 * Ready-to-run Data API examples for one table (CKAN's "Data API" panel): curl, Python and R for
 * `datastore_search`, and `datastore_search_sql` only where the site serves it. Pure strings;
 * the page shows them in <pre> so a reader copies and runs them unchanged.
 */
export interface DataApiExample {
  id: string;
  language: 'curl' | 'Python' | 'R';
  sql: boolean;
  code: string;
}

export function dataApiExamples(opts: {
  siteUrl: string;
  resourceId: string;
  sqlEnabled: boolean;
  /** Column names the public may read, for the SQL example's select list. */
  columns: string[];
}): DataApiExample[] {
  const api = `${opts.siteUrl}/api/3/action`;
  const searchUrl = `${api}/datastore_search?resource_id=${opts.resourceId}&limit=5`;
  const out: DataApiExample[] = [
    { id: 'curl', language: 'curl', sql: false, code: `curl '${searchUrl}'` },
    {
      id: 'python',
      language: 'Python',
      sql: false,
      code: [
        'import requests',
        '',
        `r = requests.get("${api}/datastore_search",`,
        `                 params={"resource_id": "${opts.resourceId}", "limit": 5})`,
        'for row in r.json()["result"]["records"]:',
        '    print(row)',
      ].join('\n'),
    },
    {
      id: 'r',
      language: 'R',
      sql: false,
      code: ['library(jsonlite)', '', `res <- fromJSON("${searchUrl}")`, 'head(res$result$records)'].join(
        '\n',
      ),
    },
  ];
  if (opts.sqlEnabled) {
    const cols = opts.columns.length ? opts.columns.map((c) => `"${c}"`).join(', ') : '*';
    const sql = `SELECT ${cols} FROM "${opts.resourceId}" LIMIT 5`;
    const sqlUrl = `${api}/datastore_search_sql?sql=${encodeURIComponent(sql)}`;
    out.push({ id: 'curl-sql', language: 'curl', sql: true, code: `curl '${sqlUrl}'` });
  }
  return out;
}
