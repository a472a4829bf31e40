import type { ColumnType, Generated, Selectable } from 'kysely';

/** Tables of the public portal (migration 0016). */

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

export interface PortalTables {
  follow_subscription: FollowSubscriptionTable;
  key_indicator: KeyIndicatorTable;
}

export type FollowSubscription = Selectable<FollowSubscriptionTable>;
export type KeyIndicator = Selectable<KeyIndicatorTable>;
