import type { Bilingual } from './definition.js';

/**
 * Who acts in a step, beyond its role (issue #12 items 2–4). All fields are optional on a step,
 * so a definition stored before them loads as it was: a missing `scope` follows the step's old
 * `agencyScope` ('subject' → the run's agency, 'any' → the region).
 */

/**
 * - region: anyone holding the role in the region (custodian, secretariat, …);
 * - subject_agency: the run's subject agency (an agency-bound step of a dataset run);
 * - chosen_agency: the one agency chosen at step `chosenAt` (disposition to "OPD pengampu");
 * - fan_out: one task per agency of the set chosen at step `chosenAt` (every agency of the region
 *   when `chosenAt` is absent); the step completes when every agency has answered. Consecutive
 *   fan-out steps over the same set run as one lane per agency, so a check that returns the data
 *   of one agency reopens that agency's task only;
 * - chosen_person: the person chosen at step `chosenAt` (disposition to a staff member).
 */
export type StepScope =
  | { kind: 'region' }
  | { kind: 'subject_agency' }
  | { kind: 'chosen_agency'; chosenAt: string }
  | { kind: 'fan_out'; chosenAt?: string }
  | { kind: 'chosen_person'; chosenAt: string };

export const SCOPE_KINDS = ['region', 'subject_agency', 'chosen_agency', 'fan_out', 'chosen_person'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** What the actor of a step chooses for later steps (recorded on the run's routing). */
export const STEP_CHOICES = ['agency', 'agencies', 'person'] as const;
export type StepChoice = (typeof STEP_CHOICES)[number];

/**
 * Positions within a role that a region gives its users: the seeds name staff, section head
 * (Kasi), sub-coordinator, head of division (Kabid) and head of agency (Kadis) as different people.
 */
export const POSITIONS = [
  'staff',
  'section_head',
  'sub_coordinator',
  'division_head',
  'agency_head',
] as const;
export type Position = (typeof POSITIONS)[number];

export const POSITION_LABELS: Record<Position, Bilingual> = {
  staff: { id: 'Staf / pelaksana', en: 'Staff' },
  section_head: { id: 'Kepala Seksi (Kasi)', en: 'Section head' },
  sub_coordinator: { id: 'Subkoordinator', en: 'Sub-coordinator' },
  division_head: { id: 'Kepala Bidang (Kabid)', en: 'Head of division' },
  agency_head: { id: 'Kepala Dinas (Kadis)', en: 'Head of agency' },
};

export function isPosition(value: unknown): value is Position {
  return typeof value === 'string' && (POSITIONS as readonly string[]).includes(value);
}

/** A step's declared input: a document (file) or a record; `required` ones are checked on completion. */
export interface StepRequirement {
  kind: 'document' | 'record';
  title: Bilingual;
  required: boolean;
}

/** A run's routing, stored on the instance: what earlier steps chose, by the choosing step's id. */
export interface RunRouting {
  [stepId: string]: { agencyId?: string; agencyIds?: string[]; userId?: string };
}

/** The initials (paraf) of an approval, kept on its task in order of the run. */
export interface Paraf {
  userId: string;
  name: string;
  position: Position | null;
  stepId: string;
  outcome: string;
  at: string;
}

/** A file attached to a task (a step may take several). */
export interface TaskFile {
  key: string;
  name: string;
  /** The requirement's index in the step's `requirements`, when the file answers one. */
  requirement?: number;
}
