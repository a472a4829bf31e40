import type { Kysely } from 'kysely';
import type { RunRoutingRow, WorkflowInstance } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { ConflictError } from '../../kernel/errors.js';
import type { WorkflowStep } from './domain/definition.js';
import { needsAgency, scopeOf } from './domain/scope.js';
import { allAgencyIds, positionHeld } from './routing.repository.js';

/** One task to open for a step: for which agency, for which person, for which position. */
export interface StepTarget {
  agencyId: string | null;
  assigneeId: string | null;
  position: string | null;
}

function unrouted(step: WorkflowStep, what: { id: string; en: string }): ConflictError {
  return new ConflictError({
    id: `Langkah "${step.title.id}" belum dapat dibuka: ${what.id}`,
    en: `Step "${step.title.en}" cannot open yet: ${what.en}`,
  });
}

/**
 * The tasks a step opens (issue #12 item 2): one for the region, the run's agency, the agency or
 * person an earlier step chose, or one per agency of a fan-out (`lane`: only that agency's, when
 * a fan-out lane moves on). An agency-bound step without an agency is refused, never offered to
 * every producer of the region. A step's position binds once the region has given it to someone.
 */
export async function stepTargets(
  db: Kysely<DB>,
  instance: WorkflowInstance,
  step: WorkflowStep,
  lane?: string | null,
): Promise<StepTarget[]> {
  const scope = scopeOf(step);
  const routing = (instance.routing ?? {}) as RunRoutingRow;
  const position = step.position && (await positionHeld(db, step.role, step.position)) ? step.position : null;
  let agencies: (string | null)[];
  let assigneeId: string | null = null;
  switch (scope.kind) {
    case 'region':
      agencies = [null];
      break;
    case 'subject_agency':
      agencies = [instance.agency_id];
      break;
    case 'chosen_agency':
      agencies = [routing[scope.chosenAt]?.agencyId ?? null];
      break;
    case 'fan_out':
      if (lane) agencies = [lane];
      else agencies = scope.chosenAt ? (routing[scope.chosenAt]?.agencyIds ?? []) : await allAgencyIds(db);
      if (agencies.length === 0)
        throw unrouted(step, {
          id: 'belum ada perangkat daerah yang dipilih',
          en: 'no agency has been chosen',
        });
      break;
    case 'chosen_person':
      agencies = [null];
      assigneeId = routing[scope.chosenAt]?.userId ?? null;
      if (!assigneeId)
        throw unrouted(step, { id: 'pelaksananya belum ditunjuk', en: 'nobody has been assigned to it' });
      break;
  }
  if (needsAgency(step) && agencies.some((a) => a === null))
    throw unrouted(step, {
      id: 'perangkat daerah pelaksananya belum ditentukan',
      en: 'the agency that acts in it has not been chosen',
    });
  return agencies.map((agencyId) => ({ agencyId, assigneeId, position }));
}
