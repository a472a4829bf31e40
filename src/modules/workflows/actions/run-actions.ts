import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { loadRunHistory, readableRuns } from '../run-history.js';

/**
 * The runs in the API (issue #12 item 9), under the rule of the history pages (`canReadRun`):
 * the runs an actor may read, and one run's history with its decisions, notes, initials and
 * files (each downloadable at /tugas/:task/files/:n with the same rule).
 */
export const workflowRunList = defineAction({
  name: 'workflow_run_list',
  sideEffectFree: true,
  requires: 'task:read_own',
  input: z.object({}),
  authorize: (ctx) => authorize(ctx.actor, 'task:read_own'),
  async run(ctx) {
    const runs = await readableRuns(ctx.db, ctx.actor);
    return runs.map((r) => ({
      id: r.id,
      title: r.title,
      definition: r.definition,
      subject_type: r.subjectType,
      state: r.state,
      started_at: r.startedAt.toISOString(),
      ended_at: r.endedAt?.toISOString() ?? null,
    }));
  },
});

export const workflowRunShow = defineAction({
  name: 'workflow_run_show',
  sideEffectFree: true,
  requires: 'task:read_own',
  input: z.object({ id: z.string().uuid('Proses tidak dikenal / Unknown process') }),
  authorize: (ctx) => authorize(ctx.actor, 'task:read_own'),
  async run(ctx, input) {
    const h = await loadRunHistory(ctx.db, ctx.actor, input.id);
    return {
      id: h.instance.id,
      title: h.subjectTitle,
      year: h.subjectYear,
      subject_type: h.instance.subject_type,
      subject_id: h.instance.subject_id,
      definition: { key: h.definition.key, version: h.definition.version, title: h.definition.title },
      state: h.instance.state,
      started_at: new Date(h.instance.started_at).toISOString(),
      ended_at: h.instance.ended_at ? new Date(h.instance.ended_at).toISOString() : null,
      documents_zip: `/tugas/runs/${h.instance.id}/documents.zip`,
      steps: h.rows.map((r) => ({
        task_id: r.taskId,
        no: r.no,
        step: r.stepId,
        title: r.title,
        agency: r.agency,
        actor: r.closedBy,
        state: r.state,
        opened_at: r.openedAt.toISOString(),
        closed_at: r.closedAt?.toISOString() ?? null,
        due_at: r.dueAt?.toISOString() ?? null,
        standard_time: r.standard,
        working_minutes: r.workingMinutes,
        outcome: r.outcome,
        note: r.note,
        files: r.files.map((f) => ({ name: f.name, url: `/tugas/${r.taskId}/files/${f.n}` })),
        paraf: r.paraf ?? null,
      })),
      paraf: h.paraf,
    };
  },
});
