import { createHash } from 'node:crypto';
import type { Agency, Dataset, Resource, Topic } from '../../kernel/db/schema.js';
import type { DatasetParts } from './dataset.repository.js';
import { findLicense } from './domain/licenses.js';
import { sdiMetadataOf } from './extensions.js';

const TAG_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex'); // RFC 4122 URL namespace

/**
 * A stable id for a free tag (CKAN returns one): a name-based UUID v5, so the same tag has
 * the same id on every page and every instance without a tag table.
 */
export function tagId(name: string): string {
  const h = createHash('sha1').update(TAG_NAMESPACE).update(`satudata:tag:${name}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** CKAN writes timestamps as naive UTC ISO strings without the zone. */
export function ckanTimestamp(d: Date | string | null): string | null {
  if (!d) return null;
  return new Date(d).toISOString().replace('Z', '');
}

/** CKAN's organization dict for an agency. */
export function organizationDict(a: Agency, extra: Record<string, unknown> = {}) {
  return {
    id: a.id,
    name: a.code,
    title: a.name,
    display_name: a.name,
    short_name: a.short_name,
    kind: a.kind,
    region_code: a.region_code,
    type: 'organization',
    description: '',
    image_url: '',
    image_display_url: '',
    created: ckanTimestamp(a.created_at),
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    ...extra,
  };
}

/** CKAN's group dict for a topic, in the reader's language where a translation exists. */
export function groupDict(t: Topic, extra: Record<string, unknown> = {}) {
  return {
    id: t.id,
    name: t.name,
    title: t.title,
    display_name: t.title,
    title_en: t.title_en,
    description: t.description,
    description_en: t.description_en,
    image_url: t.image_url ?? '',
    image_display_url: t.image_url ?? '',
    created: ckanTimestamp(t.created_at),
    type: 'group',
    is_organization: false,
    approval_status: 'approved',
    state: 'active',
    ...extra,
  };
}

/** CKAN's resource dict. Uploads get a download URL on this site. */
export function resourceDict(r: Resource, siteUrl: string) {
  const url =
    r.url_type === 'upload'
      ? `${siteUrl}/dataset/${r.dataset_id}/resource/${r.id}/download/${encodeURIComponent(r.url || 'data')}`
      : r.url;
  return {
    id: r.id,
    package_id: r.dataset_id,
    name: r.name,
    description: r.description,
    format: r.format,
    url,
    url_type: r.url_type,
    mimetype: r.mimetype,
    mimetype_inner: null,
    size: r.size,
    hash: r.hash ?? '',
    position: r.position,
    resource_type: null,
    state: r.state,
    created: ckanTimestamp(r.created),
    last_modified: ckanTimestamp(r.last_modified),
    metadata_modified: ckanTimestamp(r.metadata_modified),
    cache_url: null,
    cache_last_updated: null,
    datastore_active: r.datastore_version_id !== null && r.datastore_version_id !== undefined,
    download_count: r.download_count,
    ...r.extras,
  };
}

/**
 * CKAN's package dict (package_show / package_search results): every key CKAN always returns,
 * plus our SDI fields (update frequency, temporal and spatial coverage, statistical metadata)
 * at the top level, as ckanext-scheming fields appear.
 */
export function packageDict(d: Dataset, agency: Agency, parts: DatasetParts, siteUrl: string) {
  const license = findLicense(d.license_id);
  const extras = Object.entries(d.extras ?? {}).map(([key, value]) => ({ key, value }));
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    type: 'dataset',
    notes: d.notes,
    url: d.url ?? '',
    version: d.version ?? '',
    author: d.author ?? '',
    author_email: d.author_email ?? '',
    maintainer: d.maintainer ?? '',
    maintainer_email: d.maintainer_email ?? '',
    license_id: d.license_id,
    license_title: license?.title ?? d.license_id,
    license_url: license?.url ?? '',
    isopen: license?.isOpen ?? false,
    state: d.state,
    private: d.private,
    owner_org: agency.id,
    creator_user_id: null,
    metadata_created: ckanTimestamp(d.metadata_created),
    metadata_modified: ckanTimestamp(d.metadata_modified),
    num_resources: parts.resources.length,
    num_tags: parts.tags.length,
    organization: organizationDict(agency),
    tags: parts.tags.map((name) => ({
      id: tagId(name),
      name,
      display_name: name,
      state: 'active',
      vocabulary_id: null,
    })),
    groups: parts.topics.map((t) => ({
      id: t.id,
      name: t.name,
      title: t.title,
      display_name: t.title,
      description: t.description,
      image_display_url: t.image_url ?? '',
    })),
    extras,
    resources: parts.resources.map((r) => resourceDict(r, siteUrl)),
    relationships_as_object: [],
    relationships_as_subject: [],
    update_frequency: d.update_frequency,
    temporal_start: d.temporal_start,
    temporal_end: d.temporal_end,
    spatial: d.spatial_codes,
    view_count: d.view_count,
    sdi_metadata: sdiMetadataOf(d, parts),
  };
}
export type PackageDict = ReturnType<typeof packageDict>;
