import type { Kysely } from 'kysely';
import { type Actor, canReadClassified } from '../../kernel/access/policy.js';
import type { DatasetSubmission, SubmittedResource } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { withCurrentClassification } from '../datastore/index.js';
import { versionRows, versionSchemas } from './submissions.repository.js';

/** Who reads the diff, and whose dataset it is: closed columns stay out of it for others. */
export interface DiffReader {
  actor: Actor;
  agencyId: string;
}

/** What changed between two submissions of a dataset: metadata fields, then each resource. */
export interface SubmissionDiff {
  metadata: { field: string; from: unknown; to: unknown }[];
  resources: ResourceDiff[];
}

export interface ResourceDiff {
  name: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  /** How it was compared: cell by cell (both versions in the datastore) or by file hash/size. */
  compared: 'cells' | 'file';
  from?: { size: number | null; hash: string | null; rows: number | null };
  to?: { size: number | null; hash: string | null; rows: number | null };
  cells?: { row: number; column: string; from: unknown; to: unknown }[];
  rowsAdded?: number;
  rowsRemoved?: number;
  /** True when the cell list was cut at CELL_LIMIT. */
  truncated?: boolean;
}

const ROW_LIMIT = 5000;
const CELL_LIMIT = 200;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const cell = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

function brief(r: SubmittedResource) {
  return { size: r.size, hash: r.hash, rows: r.row_count };
}

const schemaOf = (raw: unknown) => (typeof raw === 'string' ? JSON.parse(raw) : raw) as TableSchema | null;

/**
 * The columns of both versions the reader may not read, by the resource's CURRENT classification
 * (the datastore's one rule, issue 11 findings 6 and 7): their cells never enter the diff.
 */
async function hiddenColumns(db: Kysely<DB>, reader: DiffReader, versionIds: string[]): Promise<Set<string>> {
  const hidden = new Set<string>();
  for (const v of await versionSchemas(db, versionIds)) {
    const loaded = schemaOf(v.loaded);
    if (!loaded) continue;
    for (const f of withCurrentClassification(loaded, schemaOf(v.current)).fields)
      if (!canReadClassified(reader.actor, f['x-classification'] ?? 'open', { agencyId: reader.agencyId }))
        hidden.add(f.name);
  }
  return hidden;
}

async function cellDiff(
  db: Kysely<DB>,
  reader: DiffReader,
  a: SubmittedResource,
  b: SubmittedResource,
  out: ResourceDiff,
) {
  const hidden = await hiddenColumns(
    db,
    reader,
    [a.version_id, b.version_id].filter((v): v is string => Boolean(v)),
  );
  const [before, after] = await Promise.all([
    versionRows(db, a.table_name as string, ROW_LIMIT),
    versionRows(db, b.table_name as string, ROW_LIMIT),
  ]);
  const cells: NonNullable<ResourceDiff['cells']> = [];
  const n = Math.min(before.length, after.length);
  let truncated = false;
  for (let i = 0; i < n && !truncated; i++) {
    const x = before[i] ?? {};
    const y = after[i] ?? {};
    for (const column of new Set([...Object.keys(x), ...Object.keys(y)])) {
      // `_id` and `_full_text` are the datastore's own, not cells of the data.
      if (column === '_id' || column === '_full_text' || hidden.has(column)) continue;
      if (same(cell(x[column]), cell(y[column]))) continue;
      if (cells.length >= CELL_LIMIT) {
        truncated = true;
        break;
      }
      cells.push({ row: i + 1, column, from: cell(x[column]) ?? null, to: cell(y[column]) ?? null });
    }
  }
  out.cells = cells;
  out.rowsAdded = Math.max(0, after.length - before.length);
  out.rowsRemoved = Math.max(0, before.length - after.length);
  out.truncated = truncated;
  if (cells.length > 0 || out.rowsAdded > 0 || out.rowsRemoved > 0) out.change = 'changed';
}

/**
 * Diff two submissions. Resources are matched by resource id; a resource whose both versions
 * are loaded into the datastore is compared row by row and cell by cell, otherwise by the
 * stored file's hash and size. Columns the reader may not read are left out of the cells.
 */
export async function diffSubmissions(
  db: Kysely<DB>,
  from: DatasetSubmission,
  to: DatasetSubmission,
  reader: DiffReader,
): Promise<SubmissionDiff> {
  const metadata: SubmissionDiff['metadata'] = [];
  for (const field of new Set([...Object.keys(from.metadata), ...Object.keys(to.metadata)])) {
    if (!same(from.metadata[field], to.metadata[field]))
      metadata.push({ field, from: from.metadata[field] ?? null, to: to.metadata[field] ?? null });
  }
  const resources: ResourceDiff[] = [];
  const before = new Map(from.resources.map((r) => [r.resource_id, r]));
  for (const b of to.resources) {
    const a = before.get(b.resource_id);
    before.delete(b.resource_id);
    if (!a) {
      resources.push({ name: b.name, change: 'added', compared: 'file', to: brief(b) });
      continue;
    }
    const tabular = Boolean(a.table_name && b.table_name);
    const out: ResourceDiff = {
      name: b.name,
      change: 'unchanged',
      compared: tabular ? 'cells' : 'file',
      from: brief(a),
      to: brief(b),
    };
    if (tabular && a.version_id !== b.version_id) await cellDiff(db, reader, a, b, out);
    else if (!tabular && (a.hash !== b.hash || a.size !== b.size || a.url !== b.url)) out.change = 'changed';
    resources.push(out);
  }
  for (const a of before.values())
    resources.push({ name: a.name, change: 'removed', compared: 'file', from: brief(a) });
  return { metadata, resources };
}
