import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { FileStore } from '../storage/file-store.js';
import type { SiteInfo } from './page-context.js';

/** What every route plugin receives. */
export interface AppDeps {
  config: Config;
  database: Database;
  site: SiteInfo;
  /** Uploaded resource files (DATA_DIR/files). */
  files: FileStore;
}
