import type { PackageDict } from '../../package.presenter.js';

export interface ResourceView {
  id: string;
  name: string;
  description: string;
  format: string;
  size: string;
  /** Download link: a path on this site for uploads, the http(s) URL for links, or null. */
  href: string | null;
  isUpload: boolean;
  downloads: number;
}

export interface RevisionView {
  at: string;
  actor: string;
  action: string;
  fields: string[];
}

/** Everything the dataset page shows, already looked up and formatted. */
export interface DatasetView {
  dict: PackageDict;
  paragraphs: string[];
  resources: ResourceView[];
  topics: { name: string; title: string }[];
  spatial: string[];
  /** Region code → display name, for the schema.org `spatialCoverage`. */
  regionNames: Map<string, string>;
  frequency: string;
  temporal: string;
  views: number;
  downloads: number;
  isPrivate: boolean;
  isDraft: boolean;
  /** Only for staff who may read the agency's private datasets; null for everyone else. */
  revisions: RevisionView[] | null;
}

/** Only http(s) URLs and local paths may become links (no `javascript:` from a stored URL). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url) || /^\/(?!\/)/.test(url) ? url : null;
}
