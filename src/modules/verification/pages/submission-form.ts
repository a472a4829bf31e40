import { SDI_CHECKLIST } from '../submissions.js';

export type Body = Record<string, unknown>;
export const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

/** Browser form → submission_verify input (checklist, field and cell notes). */
export function verifyFormInput(id: string, body: Body, metadataFields: string[]) {
  const checklist = SDI_CHECKLIST.map((c) => {
    const met = text(body[`met_${c.key}`]);
    return {
      key: c.key,
      met: met === 'yes' ? true : met === 'no' ? false : null,
      note: text(body[`note_${c.key}`]).trim(),
    };
  }).filter((c) => c.met !== null || c.note !== '');
  const fields = metadataFields
    .map((f) => ({ field: f, note: text(body[`field_${f}`]).trim() }))
    .filter((f) => f.note !== '');
  const cells = text(body.cells)
    .split(/\r?\n/)
    .map((line) => line.split(';').map((p) => p.trim()))
    .filter((p) => p.length >= 4 && p[3])
    .map(([resource, row, column, ...note]) => ({
      resource: resource ?? '',
      row: Number(row),
      column: column ?? '',
      note: note.join('; '),
    }));
  return { id, outcome: text(body.outcome), note: text(body.note), checklist, fields, cells };
}

/** The dataset submission and check pages. */
