import type { Role } from '../../../kernel/access/roles.js';
import type { Bilingual as ErrorBilingual } from '../../../kernel/errors.js';
import type { SopIdentity } from './sop-identity.js';

export type { SopIdentity } from './sop-identity.js';

import type { Recurrence } from './recurrence.js';
import type { Position, StepChoice, StepRequirement, StepScope } from './routing.js';

/**
 * A workflow is data: the steps of one region's SOP, who acts in each, what each needs and
 * produces, its standard time, and where each outcome leads. Definitions are stored as
 * versions (src/workflow/definitions.ts); a running instance keeps the version it started with.
 * This file is the contract between the definitions (issue #5 items 1–3) and the runtime.
 */

export const PROCESS_KINDS = [
  'data_list_cycle',
  'dataset_collection',
  'infographic_dissemination',
  'data_request',
] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];

export interface Bilingual {
  id: string;
  en: string;
}

export interface StepTransition {
  /** 'done' for a plain step; decisions name outcomes: 'approve' | 'return' | 'available' | 'not_available' | … */
  outcome: string;
  label: Bilingual;
  /** A step id, or 'end'. */
  to: string;
}

export const STEP_FEATURES = [
  'dataset_submit',
  'dataset_verify',
  'dataset_review',
  'dataset_publish',
] as const;
export type StepFeature = (typeof STEP_FEATURES)[number];

/**
 * The planning screen a step of a data-list cycle opens (issue #13): the planning module drives
 * these steps from its own records (a forum's minutes close the forum step, enacting the list
 * closes the enact step and chooses the agencies the collection step fans out to).
 */
export const PLANNING_HOOKS = ['proposals', 'forum', 'records', 'enact', 'collect'] as const;
export type PlanningHook = (typeof PLANNING_HOOKS)[number];

export const OUTPUT_KINDS = ['document', 'record', 'note'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export interface StepOutput {
  kind: OutputKind;
  title: Bilingual;
}

export interface WorkflowStep {
  /** Stable snake_case id. */
  id: string;
  title: Bilingual;
  /** Platform role that acts (src/domain/access/roles.ts). */
  role: Role;
  /** The SOP's own wording of the actor ("Kepala Dinas Kominfo", "Produsen Data"). */
  actorLabel: Bilingual;
  /** 'subject' = only users of the subject's agency (producer steps); 'any' = anyone with the role. */
  agencyScope: 'subject' | 'any';
  inputs: Bilingual[];
  outputs: StepOutput[];
  /**
   * Standard time as the SOP writes it ("15 menit", "2 hari", "1 minggu", "3 bulan"), parsed
   * by src/domain/calendar/duration.ts; null when the SOP gives none.
   */
  duration: string | null;
  transitions: StepTransition[];
  /** Ties a step to a platform feature the runtime drives: the dataset flow's steps. */
  feature?: StepFeature;
  /**
   * The row number of the SOP's procedure table this step is ("1", "1b", "12"), shown in the
   * SOP document's No column; absent for a step the SOP does not have as a row.
   */
  sopNo?: string;
  /** Who within the role acts (routing.ts); absent: from `agencyScope`. */
  scope?: StepScope;
  /** The position within the role that acts (a Kabid approves, staff makes). */
  position?: Position;
  /** Where an overdue task escalates: the position supervising this step's actor. */
  supervisorPosition?: Position;
  /**
   * Four eyes: this step approves the work done in these steps; whoever did that work may not
   * act here, and the actor's initials (paraf) are recorded.
   */
  approves?: string[];
  /** The actor of this step chooses an agency, a set of agencies or a person for later steps. */
  chooses?: StepChoice;
  /** Declared inputs with required/optional; completing checks the required ones. */
  requirements?: StepRequirement[];
  /**
   * In a dataset_collection definition: the step belongs to the data-list cycle run of the year
   * (planning, forum, yearly evaluation), not to each dataset's check run.
   */
  cycle?: boolean;
  /** The planning screen this step opens, driven by the planning module (PLANNING_HOOKS). */
  planning?: PlanningHook;
}

export interface WorkflowDefinition {
  /** e.g. 'magetan-statistik-sektoral' */
  key: string;
  version: number;
  processKind: ProcessKind;
  title: Bilingual;
  /** Where it comes from: the seed file name under shared/seeds and the region. */
  source: { seed: string; region: string };
  /** For dataset_collection: does the supervisor (BPS) review non-priority data too? */
  reviewNonPriority?: boolean;
  /**
   * For dataset_collection: may a producer's DataStore write to a published dataset be served
   * at once? Absent or false: it becomes a new submission through the check flow (issue #19).
   */
  directUpdates?: boolean;
  /** First step id. */
  start: string;
  steps: WorkflowStep[];
  /** The SOP's identity sheet (number, dates, legal basis …), from which its document is made. */
  identity?: SopIdentity;
  /**
   * The whole process's service standard as the SOP writes it (Magetan: "3 minggu"), reported
   * against the sum of its steps (domain/process-time.ts); absent when the SOP gives none.
   */
  standardTime?: string | null;
  /** When the region runs the process on a schedule (domain/recurrence.ts); absent: started by hand. */
  recurrence?: Recurrence | null;
}

/** The target of a transition that finishes the instance. */
export const END = 'end';
/** The outcome of a plain (non-decision) step. */
export const DONE = 'done';

export const PROCESS_KIND_LABELS: Record<ProcessKind, Bilingual> = {
  data_list_cycle: { id: 'Siklus daftar data', en: 'Data-list cycle' },
  dataset_collection: { id: 'Pengumpulan dan pemeriksaan data', en: 'Dataset collection and check' },
  infographic_dissemination: { id: 'Diseminasi infografis', en: 'Infographic dissemination' },
  data_request: { id: 'Layanan permintaan data', en: 'Data request service' },
};

export function isProcessKind(value: string): value is ProcessKind {
  return (PROCESS_KINDS as readonly string[]).includes(value);
}

/** Field path → messages, the shape ValidationError takes. */
export type DefinitionProblems = Record<string, ErrorBilingual[]>;

export { checkWorkflowDefinition, validateWorkflowDefinition } from './check-definition.js';
export type {
  Paraf,
  Position,
  RunRouting,
  StepChoice,
  StepRequirement,
  StepScope,
  TaskFile,
} from './routing.js';
export { POSITION_LABELS, POSITIONS } from './routing.js';

/** The step with this id; throws when there is none (definitions are validated on load). */
export function stepById(def: WorkflowDefinition, id: string): WorkflowStep {
  const step = def.steps.find((s) => s.id === id);
  if (!step) throw new Error(`Workflow '${def.key}' v${def.version} has no step '${id}'`);
  return step;
}

/**
 * Where `outcome` of step `stepId` leads: a step id or 'end'. Throws when the step has no
 * such outcome, so a runtime can offer only the outcomes a step declares.
 */
export function nextStepId(def: WorkflowDefinition, stepId: string, outcome: string): string {
  const transition = stepById(def, stepId).transitions.find((t) => t.outcome === outcome);
  if (!transition) {
    throw new Error(`Workflow '${def.key}' v${def.version}: step '${stepId}' has no outcome '${outcome}'`);
  }
  return transition.to;
}

/** The steps that drive a dataset feature, in definition order. */
export function stepsWithFeature(def: WorkflowDefinition, feature: StepFeature): WorkflowStep[] {
  return def.steps.filter((s) => s.feature === feature);
}
