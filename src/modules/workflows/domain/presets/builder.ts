import { AGENCY_BOUND_ROLES, type Role } from '../../../../kernel/access/roles.js';
import type { Bilingual, StepFeature, StepOutput, StepTransition, WorkflowStep } from '../definition.js';

/** Small helpers so that each preset file reads like its SOP table. */

export function t(id: string, en: string): Bilingual {
  return { id, en };
}

export const doc = (id: string, en: string): StepOutput => ({ kind: 'document', title: t(id, en) });
export const rec = (id: string, en: string): StepOutput => ({ kind: 'record', title: t(id, en) });
export const note = (id: string, en: string): StepOutput => ({ kind: 'note', title: t(id, en) });

/** A plain step's single transition. */
export function continueTo(to: string): StepTransition[] {
  return [{ outcome: 'done', label: t('Selesai', 'Done'), to }];
}

/** One named outcome of a decision. */
export function outcome(name: string, id: string, en: string, to: string): StepTransition {
  return { outcome: name, label: t(id, en), to };
}

export interface StepSpec {
  title: Bilingual;
  role: Role;
  actor: Bilingual;
  /** Defaults to 'subject' for agency-bound roles (producer steps) and 'any' for the others. */
  agencyScope?: 'subject' | 'any';
  inputs?: Bilingual[];
  outputs?: StepOutput[];
  duration: string | null;
  transitions: StepTransition[];
  feature?: StepFeature;
  /** The SOP table's row number (see WorkflowStep.sopNo). */
  sopNo?: string;
  /** Routing fields (issue #12), copied as given: see WorkflowStep. */
  routing?: StepRouting;
}

/** A step's optional routing fields: who within the role acts, what it approves, chooses, requires. */
export type StepRouting = Partial<
  Pick<
    WorkflowStep,
    | 'scope'
    | 'position'
    | 'supervisorPosition'
    | 'approves'
    | 'chooses'
    | 'requirements'
    | 'cycle'
    | 'planning'
  >
>;

/** Every agency gets its own task (a data-list cycle's producer step). */
export const FAN_OUT_ALL: StepRouting = { scope: { kind: 'fan_out' } };

export function step(id: string, spec: StepSpec): WorkflowStep {
  const s: WorkflowStep = {
    id,
    title: spec.title,
    role: spec.role,
    actorLabel: spec.actor,
    agencyScope: spec.agencyScope ?? (AGENCY_BOUND_ROLES.includes(spec.role) ? 'subject' : 'any'),
    inputs: spec.inputs ?? [],
    outputs: spec.outputs ?? [],
    duration: spec.duration,
    transitions: spec.transitions,
  };
  if (spec.feature) s.feature = spec.feature;
  if (spec.sopNo) s.sopNo = spec.sopNo;
  return { ...s, ...spec.routing };
}
