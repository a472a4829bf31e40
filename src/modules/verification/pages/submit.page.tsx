import type { DatasetSubmission } from '../../../kernel/db/schema/workflow-runs.js';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { ReturnNotes } from '../return-notes.js';
import { MetadataTable, ReturnNotesPanel } from './return-notes.js';
import { wOf } from './submission-view.js';
import { vt } from './verification.messages.js';

/** A returned submission, as the producer sees it before submitting again. */
export interface ReturnedView {
  submission: DatasetSubmission;
  notes: ReturnNotes | null;
}

export function SubmitPage({
  ctx,
  dataset,
  returned,
  errors,
  note,
}: {
  ctx: PageContext;
  dataset: { name: string; title: string };
  returned: ReturnedView | null;
  errors?: Record<string, string[]> | undefined;
  /** What the producer typed, kept when the submission is refused. */
  note?: string;
}) {
  const w = wOf(ctx);
  return (
    <Layout ctx={ctx} title={w('sub.submitTitle')}>
      <h1 safe>{w('sub.submitTitle')}</h1>
      <p safe>{dataset.title}</p>
      <p safe>{w('sub.submitLead')}</p>
      <FormErrors ctx={ctx} errors={errors} />
      {returned ? (
        <section aria-labelledby="metadata-title" id="returned">
          <h2 safe id="metadata-title">
            {`${w('sub.metadata')} · #${returned.submission.number}`}
          </h2>
          {returned.notes ? <ReturnNotesPanel ctx={ctx} notes={returned.notes} /> : ''}
          <MetadataTable ctx={ctx} metadata={returned.submission.metadata} notes={returned.notes} />
          <p>
            <a safe class="button" href={`/workspace/datasets/${encodeURIComponent(dataset.name)}/edit`}>
              {vt(ctx.locale, 'note.edit')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
      <form
        method="post"
        action={`/workspace/datasets/${encodeURIComponent(dataset.name)}/submit`}
        class="stack"
      >
        <CsrfField ctx={ctx} />
        <label safe for="submit-note">
          {w('sub.submitNote')}
        </label>
        <textarea id="submit-note" name="note" rows="3" safe>
          {note ?? ''}
        </textarea>
        <p>
          <button safe type="submit">
            {w('sub.submitButton')}
          </button>
        </p>
      </form>
    </Layout>
  );
}
