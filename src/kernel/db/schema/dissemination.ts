import type { ColumnType, Generated, Selectable } from 'kysely';

/** Tables of dissemination (migrations 0021, 0034). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type JsonOf<T> = ColumnType<T, string, string>;

export interface ChartTable {
  id: Generated<string>;
  name: string;
  agency_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** One version of a saved chart: its spec and the data version it shows. */
export interface ChartVersionTable {
  id: Generated<string>;
  chart_id: string;
  number: number;
  resource_id: string;
  resource_version_id: string;
  spec: JsonOf<Record<string, unknown>>;
  created_by: string | null;
  created_at: CreatedAt;
}

export type PublicationKind = 'infographic' | 'presentation' | 'report' | 'book';

export interface PublicationTable {
  id: Generated<string>;
  name: string;
  kind: PublicationKind;
  title: string;
  title_en: Generated<string>;
  narrative: Generated<string>;
  narrative_en: Generated<string>;
  topic_id: string | null;
  agency_id: string | null;
  chart_ids: ColumnType<string[], string | undefined, string>;
  dataset_ids: ColumnType<string[], string | undefined, string>;
  /** A data book's definition (chapters and table specs); null for other kinds. */
  book: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  version: Generated<number>;
  /** The run of the dissemination SOP this publication is the subject of. */
  instance_id: string | null;
  /** The SOP step whose opening publishes it (the upload step). */
  publish_step: string | null;
  /** Planned release date (release calendar), 'YYYY-MM-DD'. */
  planned_release: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** One generated edition of a data book, named by its content hash. */
export interface DataBookEditionTable {
  id: Generated<string>;
  publication_id: string;
  hash: string;
  year: number;
  content: JsonOf<unknown>;
  sources: JsonOf<unknown>;
  created_by: string | null;
  created_at: CreatedAt;
}

export type PublicationFileType =
  | 'image/png'
  | 'image/jpeg'
  | 'image/webp'
  | 'image/svg+xml'
  | 'application/pdf';

/** A file of one publication version (migration 0034): uploaded, or generated from its charts. */
export interface PublicationFileTable {
  id: Generated<string>;
  publication_id: string;
  version: number;
  file_name: string;
  content_type: PublicationFileType;
  origin: 'upload' | 'generated';
  storage_key: string;
  size: ColumnType<number, number, number>;
  hash: string;
  position: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface DisseminationTables {
  chart: ChartTable;
  chart_version: ChartVersionTable;
  publication: PublicationTable;
  data_book_edition: DataBookEditionTable;
  publication_file: PublicationFileTable;
}

export type Publication = Selectable<PublicationTable>;
export type ChartVersion = Selectable<ChartVersionTable>;
export type PublicationFile = Selectable<PublicationFileTable>;
