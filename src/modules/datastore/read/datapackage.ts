import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import type { PackageDict } from '../../catalog/index.js';
import type { ReadableTable } from './readable-table.js';

/**
 * A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/, v1) for a
 * dataset: every resource, and for each one with a loaded table a tabular data resource whose
 * `path` is our CSV download (the typed table: ISO dates, '.' decimals) and whose `schema` is the
 * version's Table Schema, restricted to the columns the reader may see.
 */

const NAME = /^[a-z0-9._-]+$/;

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** The Table Schema as exported: only readable fields; keys that name hidden fields dropped. */
export function exportedSchema(table: ReadableTable): TableSchema & Record<string, unknown> {
  const visible = new Set(table.columns.map((c) => c.name));
  const s = table.schema;
  const out: TableSchema & Record<string, unknown> = {
    fields: s.fields.filter((f) => visible.has(f.name)),
  };
  const pk = s.primaryKey === undefined ? [] : [s.primaryKey].flat();
  if (pk.length && pk.every((f) => visible.has(f))) out.primaryKey = s.primaryKey as string | string[];
  if (s.missingValues) out.missingValues = s.missingValues;
  // Our foreign keys point at reference code lists, not at resources of this package, so they
  // travel as an extension property (a spec `foreignKeys` would have to name a resource here).
  const fks = (s.foreignKeys ?? []).filter((fk) => [fk.fields].flat().every((f) => visible.has(f)));
  if (fks.length) out['x-foreignKeys'] = fks;
  for (const k of ['x-period-field', 'x-series-fields'] as const)
    if (s[k] !== undefined) (out as Record<string, unknown>)[k] = s[k];
  return out;
}

const MEDIATYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  json: 'application/json',
  pdf: 'application/pdf',
  zip: 'application/zip',
  geojson: 'application/geo+json',
};

function hashOf(h: string | null | undefined): string | undefined {
  if (!h) return undefined;
  if (/^[0-9a-f]{32}$/i.test(h)) return h.toLowerCase();
  if (/^[0-9a-f]{64}$/i.test(h)) return `sha256:${h.toLowerCase()}`;
  if (/^(md5|sha1|sha256|sha512):[0-9a-f]+$/i.test(h)) return h.toLowerCase();
  return undefined;
}

export function buildDataPackage(
  dict: PackageDict,
  tables: ReadonlyMap<string, ReadableTable>,
  siteUrl: string,
): Record<string, unknown> {
  const used = new Set<string>();
  const unique = (base: string, i: number) => {
    let n = NAME.test(base) && base ? base : `resource-${i + 1}`;
    while (used.has(n)) n = `${n}-${i + 1}`;
    used.add(n);
    return n;
  };
  const base = `${siteUrl}/dataset/${encodeURIComponent(dict.name)}`;
  const resources = dict.resources.map((r, i) => {
    const name = unique(slug(r.name || r.format || ''), i);
    const table = tables.get(r.id);
    const common = {
      name,
      ...(r.name ? { title: r.name } : {}),
      ...(r.description ? { description: r.description } : {}),
      id: r.id,
    };
    if (table) {
      const path = `${base}/resource/${r.id}/download.csv`;
      return {
        ...common,
        profile: 'tabular-data-resource',
        path,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', header: true, doubleQuote: true },
        schema: exportedSchema(table),
        'x-version': table.versionNumber,
      };
    }
    const format = (r.format || '').toLowerCase();
    const hash = hashOf(r.hash);
    return {
      ...common,
      profile: 'data-resource',
      path: r.url || `${base}`,
      ...(format ? { format } : {}),
      ...(r.mimetype || MEDIATYPES[format] ? { mediatype: r.mimetype || MEDIATYPES[format] } : {}),
      ...(r.size !== null && r.size !== undefined && Number(r.size) >= 0 ? { bytes: Number(r.size) } : {}),
      ...(hash ? { hash } : {}),
    };
  });
  const allTabular = resources.length > 0 && resources.every((r) => r.profile === 'tabular-data-resource');
  return {
    profile: allTabular ? 'tabular-data-package' : 'data-package',
    name: NAME.test(dict.name) ? dict.name : slug(dict.name),
    id: dict.id,
    title: dict.title,
    ...(dict.notes ? { description: dict.notes } : {}),
    homepage: base,
    ...(dict.version ? { version: dict.version } : {}),
    ...(dict.metadata_created
      ? { created: dict.metadata_created.endsWith('Z') ? dict.metadata_created : `${dict.metadata_created}Z` }
      : {}),
    keywords: dict.tags.map((t) => t.name),
    licenses: dict.license_id
      ? [
          {
            name: dict.license_id,
            ...(dict.license_url ? { path: dict.license_url } : {}),
            title: dict.license_title,
          },
        ]
      : [],
    contributors: [{ title: dict.organization.title, role: 'publisher' }],
    // The SDI statistical metadata (data standard, MS-Keg, MS-Var of open columns, MS-Ind) as
    // package_show carries it; an extension property, as the spec allows.
    ...(dict.sdi_metadata ? { 'x-sdi-metadata': dict.sdi_metadata } : {}),
    resources,
  };
}
