import type { Insertable, Kysely } from 'kysely';
import type { PublicationFile, PublicationFileTable } from '../../kernel/db/schema/dissemination.js';
import type { DB } from '../../kernel/db/schema.js';

/** A publication's files per version (migration 0034); the bytes are in the file store. */

/** The files of one version, in the order they were added (generated ones first). */
export async function listFiles(db: Kysely<DB>, publicationId: string, version: number) {
  return db
    .selectFrom('publication_file')
    .selectAll()
    .where('publication_id', '=', publicationId)
    .where('version', '=', version)
    .orderBy('position')
    .orderBy('file_name')
    .execute();
}

export async function findFile(
  db: Kysely<DB>,
  publicationId: string,
  version: number,
  fileName: string,
): Promise<PublicationFile | undefined> {
  return db
    .selectFrom('publication_file')
    .selectAll()
    .where('publication_id', '=', publicationId)
    .where('version', '=', version)
    .where('file_name', '=', fileName)
    .executeTakeFirst();
}

export async function insertFiles(db: Kysely<DB>, rows: Insertable<PublicationFileTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('publication_file').values(rows).execute();
}

/** Is this stored key still named by some version (a removed file's bytes stay while one is)? */
export async function keyInUse(db: Kysely<DB>, key: string): Promise<boolean> {
  const r = await db
    .selectFrom('publication_file')
    .select('id')
    .where('storage_key', '=', key)
    .limit(1)
    .executeTakeFirst();
  return Boolean(r);
}
