import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ValidationError } from '../../../kernel/errors.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { activeDefinition } from '../definitions.js';
import type { WorkflowDefinition } from '../domain/definition.js';
import { startInstance } from '../engine.js';
import { existingAgencyIds, insertSubject } from '../routing.repository.js';
import { loadCalendar } from '../sources.js';

/**
 * Process kinds started by hand. A dataset's check starts when its producer submits it; starting
 * 'dataset_collection' by hand runs that SOP's data-list cycle of a year (planning, forum,
 * recommendation, collection, yearly evaluation: the steps a dataset's run does not take).
 */
export const STARTABLE_KINDS = [
  'data_list_cycle',
  'dataset_collection',
  'infographic_dissemination',
  'data_request',
] as const;

/** What a hand-started run is about (its workflow_subject kind). */
const SUBJECT_KIND: Record<(typeof STARTABLE_KINDS)[number], string> = {
  data_list_cycle: 'data_list_cycle',
  dataset_collection: 'data_list_cycle',
  infographic_dissemination: 'publication',
  data_request: 'data_request',
};

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
    /** The year of a data-list cycle (default: next year, the list being planned). */
    year: z.preprocess(
      (v) => (v === '' || v === undefined ? undefined : Number(v)),
      z
        .number({ error: 'Tahun harus angka / Year must be a number' })
        .int()
        .min(2000, 'Tahun minimal 2000 / Year is at least 2000')
        .max(2100, 'Tahun maksimal 2100 / Year is at most 2100')
        .optional(),
    ),
    /** The agency the run is about, when it is about one (its agency-bound steps go there). */
    agency_id: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().uuid('Perangkat daerah tidak dikenal / Unknown agency').optional(),
    ),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'workflow:start'),
  async run(ctx, input) {
    const { id, definition } = await activeDefinition(ctx.db, input.process_kind);
    const calendar = await loadCalendar(ctx.db);
    const now = new Date();
    const kind = SUBJECT_KIND[input.process_kind];
    const started = await mutate(ctx, async (trx, audit) => {
      if (input.agency_id && (await existingAgencyIds(trx, [input.agency_id])).length === 0)
        throw new ValidationError({
          agency_id: [{ id: 'Perangkat daerah tidak dikenal', en: 'Unknown agency' }],
        });
      const subject = await insertSubject(trx, {
        kind,
        title: input.title,
        year: kind === 'data_list_cycle' ? (input.year ?? now.getFullYear() + 1) : (input.year ?? null),
        agency_id: input.agency_id ?? null,
        created_by: ctx.actor.userId,
      });
      return startInstance(
        { trx, audit, actor: ctx.actor, calendar, now, siteUrl: ctx.siteUrl ?? '' },
        {
          definitionId: id,
          definition,
          subjectType: kind,
          subjectId: subject.id,
          subjectTitle: input.title,
          agencyId: input.agency_id ?? null,
          atStep: firstStaffStep(definition),
        },
      );
    });
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
