/**
 * A dataset's public change log (CKAN's activity stream, told as a reader wants it): one entry per
 * published version of each table — rows added or removed and columns added or removed against
 * the same table's previous version — and one per metadata edit naming the fields changed.
 * Pure: the loader passes the published versions and the edits, oldest first.
 */
export interface VersionFact {
  resourceId: string;
  resourceName: string;
  number: number;
  rowCount: number | null;
  columns: string[];
  at: Date;
}

export interface MetadataEditFact {
  at: Date;
  fields: string[];
}

export type ChangeEntry =
  | {
      kind: 'version';
      at: Date;
      resourceName: string;
      number: number;
      rows: number;
      /** null for the first version of a table. */
      rowsDelta: number | null;
      columnsAdded: string[];
      columnsRemoved: string[];
    }
  | { kind: 'metadata'; at: Date; fields: string[] };

/** Fields a metadata edit touches that the public log never names (bookkeeping, not content). */
const QUIET = new Set(['metadata_modified', 'revision_id', 'state']);

export function changeLog(versions: VersionFact[], edits: MetadataEditFact[]): ChangeEntry[] {
  const previous = new Map<string, VersionFact>();
  const entries: ChangeEntry[] = [];
  for (const v of versions) {
    const before = previous.get(v.resourceId);
    previous.set(v.resourceId, v);
    entries.push({
      kind: 'version',
      at: v.at,
      resourceName: v.resourceName,
      number: v.number,
      rows: v.rowCount ?? 0,
      rowsDelta: before ? (v.rowCount ?? 0) - (before.rowCount ?? 0) : null,
      columnsAdded: before ? v.columns.filter((c) => !before.columns.includes(c)) : [],
      columnsRemoved: before ? before.columns.filter((c) => !v.columns.includes(c)) : [],
    });
  }
  for (const e of edits) {
    const fields = e.fields.filter((f) => !QUIET.has(f));
    if (fields.length) entries.push({ kind: 'metadata', at: e.at, fields });
  }
  // Newest first, as a reader scans a log.
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}
