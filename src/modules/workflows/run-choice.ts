import type { Kysely } from 'kysely';
import type { RunRoutingRow } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { ValidationError } from '../../kernel/errors.js';
import type { WorkflowDefinition, WorkflowStep } from './domain/definition.js';
import { scopeOf } from './domain/scope.js';
import { activeUserWithRole, existingAgencyIds } from './routing.repository.js';

/** What the actor of a choosing step picked for later steps (disposition). */
export interface RunChoice {
  agencyId?: string | undefined;
  agencyIds?: string[] | undefined;
  userId?: string | undefined;
}

function missing(field: string, id: string, en: string): ValidationError {
  return new ValidationError({ [field]: [{ id, en }] }, { id, en });
}

/** The role of the later step that acts on this choice (a chosen person must hold it). */
export function chosenRole(def: WorkflowDefinition, stepId: string): string | undefined {
  return def.steps.find((s) => {
    const scope = scopeOf(s);
    return scope.kind === 'chosen_person' && scope.chosenAt === stepId;
  })?.role;
}

/**
 * Check a choosing step's choice and return the run's routing with it (issue #12 item 2): one
 * existing agency, a non-empty set of existing agencies, or an active person holding the role of
 * the step they are chosen for. Refusals name the field in both languages.
 */
export async function applyChoice(
  db: Kysely<DB>,
  def: WorkflowDefinition,
  step: WorkflowStep,
  routing: RunRoutingRow,
  choice: RunChoice,
): Promise<RunRoutingRow> {
  if (step.chooses === 'agency') {
    const [found] = choice.agencyId ? await existingAgencyIds(db, [choice.agencyId]) : [];
    if (!found)
      throw missing(
        'agency_id',
        `Pilih perangkat daerah yang akan menangani langkah berikutnya ("${step.title.id}")`,
        `Choose the agency that handles the next steps ("${step.title.en}")`,
      );
    return { ...routing, [step.id]: { agencyId: found } };
  }
  if (step.chooses === 'agencies') {
    const wanted = [...new Set(choice.agencyIds ?? [])];
    const found = await existingAgencyIds(db, wanted);
    if (found.length === 0 || found.length !== wanted.length)
      throw missing(
        'agency_ids',
        `Pilih satu atau lebih perangkat daerah yang dimintai data ("${step.title.id}")`,
        `Choose one or more agencies to ask for data ("${step.title.en}")`,
      );
    return { ...routing, [step.id]: { agencyIds: wanted.filter((a) => found.includes(a)) } };
  }
  if (step.chooses === 'person') {
    const role = chosenRole(def, step.id) ?? step.role;
    const user = choice.userId ? await activeUserWithRole(db, choice.userId, role) : undefined;
    if (!user)
      throw missing(
        'assignee_id',
        `Pilih petugas yang akan mengerjakan langkah berikutnya ("${step.title.id}")`,
        `Choose the staff member who does the next step ("${step.title.en}")`,
      );
    return { ...routing, [step.id]: { userId: user.id } };
  }
  return routing;
}
