/**
 * The notes a submission was returned with (issue #17 item 3): the custodian's (or the
 * supervisor's) closing note and the notes per checklist item, metadata field and cell, taken
 * from the decision task of that submission, so the producer sees each beside what it is about.
 */
import type { TaskDetail } from '../../kernel/db/schema/workflow-runs.js';
import type { HistoryInstance } from './history.js';

export interface ReturnNotes {
  note: string | null;
  fields: Map<string, string>;
  checklist: { key: string; note: string }[];
  cells: NonNullable<TaskDetail['cells']>;
}

const DECISIONS = new Set(['dataset_verify', 'dataset_review']);

/** The notes of the decision that returned this submission, or null when none did. */
export function returnNotesOf(instances: HistoryInstance[], submissionId: string): ReturnNotes | null {
  const decisions = instances
    .flatMap((i) => i.tasks)
    .filter(
      (t) => t.closedAt && t.feature && DECISIONS.has(t.feature) && t.detail.submissionId === submissionId,
    )
    .sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0));
  const last = decisions[0];
  if (!last) return null;
  const d = last.detail;
  return {
    note: last.note?.trim() ? last.note : null,
    fields: new Map((d.fields ?? []).filter((f) => f.note.trim()).map((f) => [f.field, f.note])),
    checklist: (d.checklist ?? []).filter((c) => c.note.trim()).map((c) => ({ key: c.key, note: c.note })),
    cells: (d.cells ?? []).filter((c) => c.note.trim()),
  };
}
