/**
 * `datastore_create`'s `aliases` (ckanext/datastore/logic/action.py `datastore_create`; the
 * backend's `create_alias` in ckanext/datastore/backend/postgres.py keeps each as a view): names
 * datastore_search and datastore_search_sql accept as `resource_id`. An invalid name, or one
 * already used by a resource id or another resource's alias, is a 409 Validation Error under
 * `alias` naming it, as CKAN's (`"x" is not a valid alias name`, `The alias "x" already exists`).
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../kernel/db/schema.js';
import { ValidationError } from '../../../kernel/errors.js';
import { aliasConflicts, insertAliases } from '../datastore-alias.repository.js';

/** Lower-case letters, digits, `_` and `-`, a letter first; `pg_` names are PostgreSQL's. */
const ALIAS = /^(?!pg_)(?![0-9a-f]{8}-[0-9a-f]{4}-)[a-z][a-z0-9_-]{0,62}$/;

/** `aliases`: a name, a comma-separated list, or a JSON list of names (list_of_strings_or_string). */
export const AliasesInput = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    if (v.trim().startsWith('[')) {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return v;
      }
    }
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  },
  z.array(z.string().max(100)).max(20),
);

const refuse = (id: string, en: string) => new ValidationError({ alias: [{ id, en }] });

/** Check and record the aliases of a resource, in the write's transaction. */
export async function assignAliases(trx: Transaction<DB>, names: string[], resourceId: string) {
  const unique = [...new Set(names)];
  const bad = unique.find((n) => !ALIAS.test(n));
  if (bad !== undefined)
    throw refuse(
      `Alias "${bad}" tidak valid: huruf kecil, angka, _ atau -, diawali huruf, paling banyak 63`,
      `Alias "${bad}" is not valid: lower-case letters, digits, _ or -, a letter first, at most 63`,
    );
  const taken = await aliasConflicts(trx, unique, resourceId);
  const asId = taken.resourceIds[0];
  if (asId)
    throw refuse(
      `Alias "${asId}" sudah dipakai sebagai id sumber daya`,
      `Alias "${asId}" is already a resource id`,
    );
  const asAlias = taken.aliases[0];
  if (asAlias)
    throw refuse(
      `Alias "${asAlias}" sudah dipakai sumber daya lain`,
      `Alias "${asAlias}" is already an alias of another resource`,
    );
  await insertAliases(trx, unique, resourceId);
}
