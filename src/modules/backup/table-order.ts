import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { columnsByTable, foreignKeys, primaryKeys, tableNames } from './backup-schema.repository.js';
import type { TableInfo } from './tables.js';

/** Tables of the public schema worth backing up, parents before children. */
export async function discoverTables(db: Kysely<DB>): Promise<TableInfo[]> {
  const names = await tableNames(db);
  const columns = await columnsByTable(db);
  const keys = await primaryKeys(db);
  const edges = await foreignKeys(db);
  return orderParentsFirst(names, edges).map((name) => {
    const cols = columns.get(name) ?? [];
    const keyCols = (keys.get(name) ?? []).flatMap((k) => cols.filter((c) => c.name === k));
    return { name, columns: cols, primaryKey: keyCols };
  });
}

/**
 * Topological order (Kahn), alphabetical among equals so backups are stable. Self-references
 * are ignored; tables caught in a cycle go last in name order (none exist in this schema).
 */
export function orderParentsFirst(names: string[], edges: { child: string; parent: string }[]): string[] {
  const known = new Set(names);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (child !== parent && known.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const remaining = new Set([...names].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].filter((n) => [...(parents.get(n) ?? [])].every((p) => !remaining.has(p)));
    const next = ready.length > 0 ? ready : [...remaining];
    for (const name of next) {
      ordered.push(name);
      remaining.delete(name);
    }
  }
  return ordered;
}
