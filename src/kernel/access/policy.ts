import { NotAuthorizedError } from '../errors.js';
import { type Action, CLASSIFIED_READ, ROLE_GRANTS, type Scope } from './permission.js';
import { AGENCY_BOUND_ROLES, type Role } from './roles.js';

/** Who is acting: a signed-in user or the anonymous public. */
export interface Actor {
  userId: string | null;
  username: string;
  roles: readonly Role[];
  /** The agency a producer works for; null for region-wide roles and the public. */
  agencyId: string | null;
}

/** What is acted on. `agencyId` is the owning agency, when the subject has one. */
export interface Subject {
  agencyId?: string | null;
}

export const ANONYMOUS: Actor = Object.freeze({
  userId: null,
  username: 'anonim',
  roles: ['public'] as const,
  agencyId: null,
});

/**
 * The one authorization policy: may `actor` do `action` to `subject`?
 *
 * A grant with scope `own_agency` holds only when the actor belongs to an agency and the
 * subject belongs to the same agency; a subject without an agency (e.g. "create a dataset"
 * before it has one) is judged against the actor's agency by the caller passing it.
 */
export function can(actor: Actor, action: Action, subject: Subject = {}): boolean {
  const roles: Role[] = actor.roles.includes('public') ? [...actor.roles] : ['public', ...actor.roles];
  for (const role of roles) {
    const scope = ROLE_GRANTS[role][action];
    if (scope === 'any') return true;
    if (scope === 'own_agency' && actor.agencyId !== null && subject.agencyId === actor.agencyId) return true;
  }
  return false;
}

/** Access classification of data: a dataset's, or one column's (Table Schema `x-classification`). */
export type DataClassification = 'open' | 'restricted' | 'closed';

/**
 * THE rule for reading classified data, the same for a whole dataset and for one column of it:
 * open data everybody; restricted data `dataset:read_private` or an agency in `sharedWith` (the
 * agencies a restricted dataset is shared with); closed data only `dataset:read_closed` (the
 * producing agency and the custodian). Whether a dataset is public is a separate question.
 */
export function canReadClassified(
  actor: Actor,
  classification: DataClassification,
  subject: Subject & { sharedWith?: readonly string[] } = {},
): boolean {
  if (classification === 'open') return true;
  if (can(actor, CLASSIFIED_READ[classification], subject)) return true;
  return (
    classification === 'restricted' &&
    actor.agencyId !== null &&
    (subject.sharedWith ?? []).includes(actor.agencyId)
  );
}

/** Throw NotAuthorizedError unless `can(actor, action, subject)`. */
export function authorize(actor: Actor, action: Action, subject: Subject = {}): void {
  if (!can(actor, action, subject)) throw new NotAuthorizedError(action);
}

/** Does the actor act for one agency only (a producer)? Used to word pages, not to guard them. */
export function isAgencyBound(actor: Actor): boolean {
  return actor.agencyId !== null && actor.roles.some((r) => AGENCY_BOUND_ROLES.includes(r));
}

/**
 * How far the actor's grant of `action` reaches: 'any', 'own_agency' or null (not granted).
 * Queries use it to filter lists (e.g. which private datasets a search may return) with the
 * same rules `can` applies to one subject.
 */
export function grantScope(actor: Actor, action: Action): Scope | null {
  const roles: Role[] = actor.roles.includes('public') ? [...actor.roles] : ['public', ...actor.roles];
  let scope: Scope | null = null;
  for (const role of roles) {
    const s = ROLE_GRANTS[role][action];
    if (s === 'any') return 'any';
    if (s === 'own_agency' && actor.agencyId !== null) scope = 'own_agency';
  }
  return scope;
}
