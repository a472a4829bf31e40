import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** Where a subject's readable name lives, per audit subject type (the others show their type only). */
const NAME_OF: Record<string, { table: string; name: string }> = {
  dataset: { table: 'dataset', name: 'title' },
  resource: { table: 'resource', name: 'name' },
  user: { table: 'app_user', name: 'full_name' },
  agency: { table: 'agency', name: 'name' },
  topic: { table: 'topic', name: 'title' },
  publication: { table: 'publication', name: 'title' },
  data_request: { table: 'data_request', name: 'code' },
  forum_meeting: { table: 'forum_meeting', name: 'title' },
  chart: { table: 'chart', name: 'name' },
  data_standard: { table: 'data_standard', name: 'title' },
  collection: { table: 'collection', name: 'title' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The names of the audit rows' subjects, one query per subject type on the page (a page holds
 * at most a hundred rows): what the row is about in words, not its UUID (issue #17 item 9).
 * A deleted subject has no name any more; the row then shows its type only.
 */
export async function auditSubjectNames(
  db: Kysely<DB>,
  subjects: { subject_type: string; subject_id: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const s of subjects)
    if (s.subject_id && UUID.test(s.subject_id) && NAME_OF[s.subject_type])
      byType.set(s.subject_type, (byType.get(s.subject_type) ?? new Set()).add(s.subject_id));
  const names = new Map<string, string>();
  for (const [type, ids] of byType) {
    const { table, name } = NAME_OF[type] as { table: string; name: string };
    const rows = await sql<{ id: string; name: string | null }>`
      select id::text as id, ${sql.ref(name)}::text as name from ${sql.table(table)}
      where id = any(${[...ids]}::uuid[])`.execute(db);
    for (const r of rows.rows) if (r.name) names.set(`${type}:${r.id}`, r.name);
  }
  return names;
}
