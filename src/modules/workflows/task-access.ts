import type { Action } from '../../kernel/access/permission.js';
import { type Actor, authorize, can, grantScope } from '../../kernel/access/policy.js';
import type { Role } from '../../kernel/access/roles.js';
import type { StepFeature, WorkflowStep } from './domain/definition.js';

/**
 * Who may act on a task, asked of the policy only: a step's role maps to a `task:act_as_*`
 * permission (producers' is own-agency), and a step tied to a platform feature also needs
 * that feature's permission (`dataset:verify` for the custodian's check, …).
 */
export const ROLE_TASK_ACTION: Record<Role, Action | null> = {
  public: null,
  producer: 'task:act_as_producer',
  custodian: 'task:act_as_custodian',
  supervisor: 'task:act_as_supervisor',
  secretariat: 'task:act_as_secretariat',
  leader: 'task:act_as_leader',
  administrator: 'task:act_as_administrator',
};

export const FEATURE_ACTION: Record<StepFeature, Action> = {
  dataset_submit: 'dataset:submit',
  dataset_verify: 'dataset:verify',
  dataset_review: 'dataset:review',
  dataset_publish: 'dataset:publish',
};

/** The agency a task's permission is judged against (an 'any'-scope producer step: the actor's own). */
function taskSubject(actor: Actor, taskAgencyId: string | null) {
  return { agencyId: taskAgencyId ?? actor.agencyId };
}

/** May `actor` act on a task of `step` whose agency is `taskAgencyId`? */
export function canActOn(
  actor: Actor,
  step: Pick<WorkflowStep, 'role' | 'feature'>,
  taskAgencyId: string | null,
  subjectAgencyId: string | null,
): boolean {
  const roleAction = ROLE_TASK_ACTION[step.role];
  if (!roleAction || !can(actor, roleAction, taskSubject(actor, taskAgencyId))) return false;
  return !step.feature || can(actor, FEATURE_ACTION[step.feature], { agencyId: subjectAgencyId });
}

/** Throw NotAuthorizedError unless `canActOn`. */
export function authorizeActOn(
  actor: Actor,
  step: Pick<WorkflowStep, 'role' | 'feature'>,
  taskAgencyId: string | null,
  subjectAgencyId: string | null,
): void {
  const roleAction = ROLE_TASK_ACTION[step.role];
  if (!roleAction) throw new Error(`Step role ${step.role} cannot act`);
  authorize(actor, roleAction, taskSubject(actor, taskAgencyId));
  if (step.feature) authorize(actor, FEATURE_ACTION[step.feature], { agencyId: subjectAgencyId });
}

/** For the inbox query: per role, does the actor act for any agency, only its own, or not at all. */
export function inboxScopes(actor: Actor): { role: Role; agencyId: string | null }[] {
  const out: { role: Role; agencyId: string | null }[] = [];
  for (const [role, action] of Object.entries(ROLE_TASK_ACTION) as [Role, Action | null][]) {
    if (!action) continue;
    const scope = grantScope(actor, action);
    if (scope === 'any') out.push({ role, agencyId: null });
    else if (scope === 'own_agency' && actor.agencyId) out.push({ role, agencyId: actor.agencyId });
  }
  return out;
}
