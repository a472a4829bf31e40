import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { activeDefinition } from '../definitions.js';
import type { WorkflowDefinition } from '../domain/definition.js';
import { startInstance } from '../engine.js';
import { loadCalendar } from '../sources.js';

/** Process kinds started by hand; dataset collection starts when a producer submits a dataset. */
export const STARTABLE_KINDS = ['data_list_cycle', 'infographic_dissemination', 'data_request'] as const;

/**
 * Where a hand-started process begins: its start step, or, when that step belongs to the
 * public (a citizen's request, which this start records), the step it leads to.
 */
function firstStaffStep(def: WorkflowDefinition): string {
  const start = def.steps.find((s) => s.id === def.start);
  if (start?.role !== 'public') return def.start;
  const next = start.transitions[0]?.to;
  return next && next !== 'end' ? next : def.start;
}

/**
 * Start a run of the region's SOP for a process the platform has no record for yet (the
 * yearly data list, an infographic, a data request): its steps are then timed in working time,
 * land in the actors' inboxes, and are completed with a note or document (task_complete).
 */
export const workflowProcessStart = defineAction({
  name: 'workflow_process_start',
  sideEffectFree: false,
  requires: 'workflow:start',
  input: z.object({
    process_kind: z.enum(STARTABLE_KINDS, {
      error: 'Jenis proses tidak dikenal / Unknown process kind',
    }),
    title: z
      .string()
      .trim()
      .min(3, 'Judul minimal 3 karakter / Title needs at least 3 characters')
      .max(300, 'Judul maksimal 300 karakter / Title is at most 300 characters'),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'workflow:start'),
  async run(ctx, input) {
    const { id, definition } = await activeDefinition(ctx.db, input.process_kind);
    const calendar = await loadCalendar(ctx.db);
    const started = await mutate(ctx, (trx, audit) =>
      startInstance(
        { trx, audit, actor: ctx.actor, calendar, now: new Date(), siteUrl: ctx.siteUrl ?? '' },
        {
          definitionId: id,
          definition,
          subjectType: 'process',
          subjectId: randomUUID(),
          subjectTitle: input.title,
          agencyId: null,
          atStep: firstStaffStep(definition),
        },
      ),
    );
    await deliverPendingMail(ctx.db);
    return {
      instance_id: started.instance.id,
      definition: definition.key,
      version: definition.version,
      task_id: started.task?.id ?? null,
      step: started.task?.step_id ?? null,
      due: started.task?.due_at ?? null,
    };
  },
});
