import type { ColumnType, Generated, Selectable } from 'kysely';

/** Tables of the public portal (migrations 0016 and 0026). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type FollowTargetKind = 'dataset' | 'organization' | 'group';

/** An e-mail follow of a dataset, agency or topic; only confirmed rows get mail. */
export interface FollowSubscriptionTable {
  id: Generated<string>;
  email: string;
  target_kind: FollowTargetKind;
  target_id: string;
  locale: Generated<'id' | 'en'>;
  /** sha256 of the token in the confirm and unsubscribe links (the token itself is never stored). */
  token_hash: string;
  /** Carried by every mail's one-click unsubscribe link. */
  unsubscribe_token: string;
  confirmed_at: Date | null;
  notified_through: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: CreatedAt;
}

/** A headline indicator the custodian picked: a period and a value column of a published table. */
export interface KeyIndicatorTable {
  id: Generated<string>;
  name: string;
  title: string;
  title_en: string;
  resource_id: string;
  period_field: string;
  value_field: string;
  unit: Generated<string>;
  definition: Generated<string>;
  position: Generated<number>;
  featured: Generated<boolean>;
  created_at: CreatedAt;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A themed collection of datasets the custodian curates (migration 0026), as CKAN's showcases. */
export interface CollectionTable {
  id: Generated<string>;
  name: string;
  title: string;
  title_en: string;
  description: Generated<string>;
  description_en: Generated<string>;
  position: Generated<number>;
  /** Listed on the home page. */
  on_home: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CollectionDatasetTable {
  collection_id: string;
  dataset_id: string;
  position: Generated<number>;
}

/** A dataset the custodian features on the home page. */
export interface FeaturedDatasetTable {
  dataset_id: string;
  position: Generated<number>;
  created_at: CreatedAt;
}

export type SitePageSlug = 'tentang' | 'kontak' | 'faq' | 'privasi' | 'ketentuan' | 'aksesibilitas';

/** A government page's current Markdown in both languages. */
export interface SitePageTable {
  slug: SitePageSlug;
  body_id: string;
  body_en: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** Every saved version of a government page (the current one included). */
export interface SitePageRevisionTable {
  id: Generated<string>;
  slug: SitePageSlug;
  body_id: string;
  body_en: string;
  saved_at: CreatedAt;
  saved_by: string | null;
}

/** A message a citizen sent through the contact page; the custodians are notified. */
export interface ContactMessageTable {
  id: Generated<string>;
  name: string;
  email: string;
  body: string;
  locale: Generated<'id' | 'en'>;
  created_at: CreatedAt;
}

export interface PortalTables {
  contact_message: ContactMessageTable;
  follow_subscription: FollowSubscriptionTable;
  key_indicator: KeyIndicatorTable;
  collection: CollectionTable;
  collection_dataset: CollectionDatasetTable;
  featured_dataset: FeaturedDatasetTable;
  site_page: SitePageTable;
  site_page_revision: SitePageRevisionTable;
}

export type FollowSubscription = Selectable<FollowSubscriptionTable>;
export type KeyIndicator = Selectable<KeyIndicatorTable>;

/**
 * A logo uploaded by an administrator (migration 0032): an agency's in `agency.logo`, the
 * region's in site_setting `region_logo`. The file sits in the file store under `key`.
 */
export interface StoredLogo {
  key: string;
  /** `image/png`, `image/jpeg` or `image/svg+xml` (an SVG is checked before it is stored). */
  type: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  size: number;
  /** `sha256:<hex>`: also the ETag it is served with. */
  hash: string;
  /** Alternative text in both languages (what a screen reader says). */
  alt_id: string;
  alt_en: string;
  updated_at: string;
}

declare module '../schema.js' {
  interface AgencyTable {
    /** The agency's logo (migration 0032), null when none was uploaded. */
    logo: ColumnType<StoredLogo | null, string | null | undefined, string | null>;
  }
}
