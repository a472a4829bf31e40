import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Publication, PublicationFileTable } from '../../kernel/db/schema/dissemination.js';
import type { DB } from '../../kernel/db/schema.js';
import { updatePublication } from './publication.repository.js';
import { insertFiles, listFiles } from './publication-files.repository.js';

export type NewFile = Omit<Insertable<PublicationFileTable>, 'publication_id' | 'version'>;

/**
 * A new version of a publication: the changed columns, and the files of the version before
 * carried over as the new version's own rows (less those dropped, plus those added; a file
 * added under a name already there replaces it). Every earlier version keeps its files.
 */
export async function newVersion(
  trx: Transaction<DB>,
  p: Publication,
  set: Updateable<DB['publication']>,
  files: { add?: NewFile[]; drop?: (f: { file_name: string; origin: string }) => boolean } = {},
): Promise<number> {
  const version = p.version + 1;
  const added = files.add ?? [];
  const kept = (await listFiles(trx, p.id, p.version)).filter(
    (f) => !files.drop?.(f) && !added.some((a) => a.file_name === f.file_name),
  );
  await updatePublication(trx, p.id, { ...set, version, updated_at: new Date() });
  await insertFiles(trx, [
    ...kept.map(({ id: _id, created_at: _at, ...f }) => ({ ...f, version })),
    ...added.map((f) => ({ ...f, publication_id: p.id, version })),
  ]);
  return version;
}
