import type { PageContext } from '../../../kernel/http/page-context.js';
import { pick } from '../../../kernel/i18n/i18n.js';
import type { ReturnNotes } from '../return-notes.js';
import { SDI_CHECKLIST } from '../submissions.js';
import { fieldLabel, fieldValue } from './metadata-fields.js';
import { vt } from './verification.messages.js';

/**
 * The frozen metadata of a submission, one row per field by its label, with a third column:
 * the custodian's note input while verifying (bound to the verify form), or the note the
 * submission was returned with.
 */
export function MetadataTable({
  ctx,
  metadata,
  notes,
  noteInputs,
  typed,
}: {
  ctx: PageContext;
  metadata: Record<string, unknown>;
  notes: ReturnNotes | null;
  /** The id of the verify form the note inputs belong to, when the reader verifies. */
  noteInputs?: string;
  /** What the reader typed into a refused verify form (kept). */
  typed?: Record<string, unknown> | undefined;
}) {
  const l = ctx.locale;
  const showNotes = noteInputs !== undefined || (notes !== null && notes.fields.size > 0);
  return (
    <div class="table-wrap" tabindex="0">
      <table id="metadata-table">
        <thead>
          <tr>
            <th safe scope="col">
              {vt(l, 'col.field')}
            </th>
            <th safe scope="col">
              {vt(l, 'col.value')}
            </th>
            {showNotes ? (
              <th safe scope="col">
                {vt(l, 'note.column')}
              </th>
            ) : (
              ''
            )}
          </tr>
        </thead>
        <tbody>
          {Object.entries(metadata).map(([key, value]) => {
            const note = notes?.fields.get(key);
            return (
              <tr data-field={key} class={note ? 'has-note' : undefined}>
                <th scope="row" safe>
                  {fieldLabel(l, key)}
                </th>
                <td safe>{fieldValue(l, key, value)}</td>
                {noteInputs !== undefined ? (
                  <td>
                    <input
                      type="text"
                      form={noteInputs}
                      id={`field_${key}`}
                      name={`field_${key}`}
                      value={
                        typeof typed?.[`field_${key}`] === 'string'
                          ? String(typed[`field_${key}`])
                          : undefined
                      }
                      aria-label={vt(l, 'note.for', { field: fieldLabel(l, key) })}
                    />
                  </td>
                ) : showNotes ? (
                  <td safe class="field-note">
                    {note ?? ''}
                  </td>
                ) : (
                  ''
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The general, checklist and cell notes a submission was returned with. */
export function ReturnNotesPanel({ ctx, notes }: { ctx: PageContext; notes: ReturnNotes }) {
  const l = ctx.locale;
  return (
    <div class="notice returned-notes" role="status">
      <p>
        <strong safe>{vt(l, 'note.returned')}</strong>
      </p>
      {notes.note ? <p safe>{`${vt(l, 'note.general')}: ${notes.note}`}</p> : ''}
      {notes.checklist.length > 0 ? (
        <ul aria-label={vt(l, 'note.checklist')}>
          {notes.checklist.map((c) => {
            const item = SDI_CHECKLIST.find((x) => x.key === c.key);
            return <li safe>{`${item ? pick(l, item) : vt(l, 'note.checklist')}: ${c.note}`}</li>;
          })}
        </ul>
      ) : (
        ''
      )}
      {notes.cells.length > 0 ? (
        <ul aria-label={vt(l, 'note.cells')}>
          {notes.cells.map((c) => (
            <li safe>
              {vt(l, 'note.cell', { resource: c.resource, row: c.row, column: c.column, note: c.note })}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </div>
  );
}
