import type { PackageDict } from '../catalog/index.js';
import { findLicense } from '../catalog/index.js';
import { displayValue, MS_KEG } from '../metadata/index.js';
import { datasetPageUrl, datasetUri } from './dcat-dataset.js';
import { findFileFormat } from './file-formats.js';

/** Google Dataset Search wants a description of 50 to 5,000 characters. */
export const DESCRIPTION_MIN = 50;
export const DESCRIPTION_MAX = 5000;

/**
 * The description, lengthened with the title and agency when the notes are too short for
 * Google (an empty or one-line note is common), and cut to Google's maximum.
 */
function describe(dict: PackageDict): string {
  const notes = dict.notes?.trim() ?? '';
  const parts = [notes && !/[.!?]$/.test(notes) ? `${notes}.` : notes];
  const add = (s: string) => {
    if (parts.join(' ').trim().length < DESCRIPTION_MIN) parts.push(s);
  };
  add(`${dict.title}.`);
  add(`Data diterbitkan oleh ${dict.organization.title}.`);
  add('Data terbuka dari portal Satu Data Indonesia.');
  const text = parts.filter(Boolean).join(' ').trim();
  return text.length > DESCRIPTION_MAX ? `${text.slice(0, DESCRIPTION_MAX - 1)}…` : text;
}

/** `2024-01-01/2024-12-31`, or an open interval (`2024-01-01/..`) when one end is unknown. */
function temporalCoverage(dict: PackageDict): string | undefined {
  const { temporal_start: start, temporal_end: end } = dict;
  if (!start && !end) return undefined;
  return `${start ?? '..'}/${end ?? '..'}`;
}

function isoTimestamp(ckan: string | null): string | undefined {
  if (!ckan) return undefined;
  const d = new Date(/[zZ]$/.test(ckan) ? ckan : `${ckan}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** An absolute http(s) URL, normalised (spaces escaped); null otherwise. */
function httpUrl(value: string | null | undefined): string | null {
  try {
    const u = new URL(value ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function distribution(dict: PackageDict) {
  return dict.resources.flatMap((r) => {
    const contentUrl = httpUrl(r.url);
    if (!contentUrl) return [];
    const format = findFileFormat(r.format);
    return [
      {
        '@type': 'DataDownload',
        name: r.name || r.format || dict.title,
        contentUrl,
        encodingFormat: r.mimetype || format?.mediaType || r.format || 'application/octet-stream',
        ...(typeof r.size === 'number' ? { contentSize: `${r.size} B` } : {}),
      },
    ];
  });
}

/** schema.org variableMeasured: one PropertyValue per column, from MS-Var and the Table Schema. */
function variablesMeasured(dict: PackageDict) {
  return dict.sdi_metadata.variables.map(({ name, ms_var: v }) => {
    const str = (k: string) => (typeof v[k] === 'string' && v[k] ? (v[k] as string) : undefined);
    return {
      '@type': 'PropertyValue',
      name: str('nama_variabel') ?? name,
      propertyID: name,
      ...(str('definisi') ? { description: str('definisi') } : {}),
      ...(str('satuan') ? { unitText: str('satuan') } : {}),
      ...(str('ukuran') ? { measurementTechnique: str('ukuran') } : {}),
    };
  });
}

/** schema.org measurementTechnique: how MS-Keg says the data were collected. */
function measurementTechnique(dict: PackageDict): string[] {
  const keg = dict.sdi_metadata.statistical_activity?.ms_keg;
  if (!keg) return [];
  return ['cara_pengumpulan', 'metode_pengumpulan', 'sarana_pengumpulan'].flatMap((key) => {
    const field = MS_KEG.fields.find((f) => f.key === key);
    const value = field ? displayValue(field, keg[key], 'id') : '';
    return value ? [value] : [];
  });
}

/**
 * The schema.org `Dataset` of a package, for Google Dataset Search: what ckanext-dcat's
 * `structured_data` plugin embeds in the dataset page as `<script type="application/ld+json">`.
 * `regionNames` maps region codes to names for `spatialCoverage`; without it the code is shown.
 */
export function datasetSchemaOrg(
  dict: PackageDict,
  siteUrl: string,
  regionNames: ReadonlyMap<string, string> = new Map(),
): Record<string, unknown> {
  const agency = {
    '@type': 'GovernmentOrganization',
    name: dict.organization.title,
    url: `${siteUrl}/organization/${encodeURIComponent(dict.organization.name)}`,
  };
  const license = findLicense(dict.license_id)?.url || dict.license_url;
  const keywords = [...dict.tags.map((t) => t.name), ...dict.groups.map((g) => g.title || g.name)];
  const temporal = temporalCoverage(dict);
  const spatial = (dict.spatial ?? []).map((code) => ({
    '@type': 'Place',
    name: regionNames.get(code) ?? `Wilayah ${code}`,
    identifier: code,
  }));
  const variables = variablesMeasured(dict);
  const technique = measurementTechnique(dict);
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': datasetUri(siteUrl, dict),
    name: dict.title,
    description: describe(dict),
    url: datasetPageUrl(siteUrl, dict),
    identifier: [dict.id, dict.name],
    ...(license ? { license } : {}),
    isAccessibleForFree: true,
    ...(keywords.length ? { keywords } : {}),
    creator: agency,
    publisher: agency,
    includedInDataCatalog: { '@type': 'DataCatalog', name: 'Satu Data Indonesia', url: `${siteUrl}/` },
    distribution: distribution(dict),
    ...(temporal ? { temporalCoverage: temporal } : {}),
    ...(spatial.length ? { spatialCoverage: spatial } : {}),
    ...(dict.version ? { version: dict.version } : {}),
    ...(isoTimestamp(dict.metadata_created) ? { datePublished: isoTimestamp(dict.metadata_created) } : {}),
    ...(isoTimestamp(dict.metadata_modified) ? { dateModified: isoTimestamp(dict.metadata_modified) } : {}),
    inLanguage: 'id',
    ...(variables.length ? { variableMeasured: variables } : {}),
    ...(technique.length ? { measurementTechnique: technique } : {}),
  };
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>` and `&` are escaped so a
 * title containing `</script>` cannot end the element.
 */
export function jsonLdScriptContent(data: Record<string, unknown>): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
