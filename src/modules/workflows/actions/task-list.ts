import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { inboxFor } from '../inbox.js';

/** "Tugas saya": the open workflow tasks the actor may act on, soonest due first. */
export const taskList = defineAction({
  name: 'task_list',
  sideEffectFree: true,
  requires: 'task:read_own',
  input: z.object({}),
  authorize(ctx) {
    authorize(ctx.actor, 'task:read_own');
  },
  async run(ctx) {
    const entries = await inboxFor(ctx.db, ctx.actor, new Date());
    return entries.map((e) => ({
      id: e.taskId,
      step: e.step.id,
      feature: e.step.feature ?? null,
      title: e.step.title,
      subject_type: e.subject.type,
      subject_id: e.subject.id,
      subject_title: e.subject.title,
      submission_id: e.submissionId,
      opened_at: e.openedAt.toISOString(),
      due_at: e.dueAt?.toISOString() ?? null,
      overdue: e.overdue,
      outcomes: e.transitions.map((t) => t.outcome),
      /** The run (its history: workflow_run_show) and the agency this task is for (a fan-out lane). */
      instance_id: e.instanceId,
      agency_id: e.taskAgencyId,
      /** What completing it must choose (agency | agencies | person) and the inputs it declares. */
      chooses: e.step.chooses ?? null,
      requirements: e.step.requirements ?? [],
    }));
  },
});
