import type { Bilingual as ErrorBilingual } from '../../errors.js';
import { ValidationError } from '../../errors.js';
import type { Role } from '../access/roles.js';
import { ROLES } from '../access/roles.js';
import { parseStandardDuration } from '../calendar/duration.js';

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
  /** First step id. */
  start: string;
  steps: WorkflowStep[];
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

/**
 * Check a definition read from a preset, a form or the database, and return it typed.
 * Throws ValidationError whose fields are keyed by path (`steps.3.role`) and whose message
 * names the first problem in both languages. See checkWorkflowDefinition for the rules.
 */
export function validateWorkflowDefinition(def: unknown): WorkflowDefinition {
  const problems = checkWorkflowDefinition(def);
  const first = Object.values(problems)[0]?.[0];
  if (first) {
    const count = Object.values(problems).reduce((n, list) => n + list.length, 0);
    const more =
      count > 1
        ? { id: ` (dan ${count - 1} masalah lain)`, en: ` (and ${count - 1} more)` }
        : { id: '', en: '' };
    throw new ValidationError(problems, {
      id: `Definisi alur kerja tidak valid: ${first.id}${more.id}`,
      en: `Invalid workflow definition: ${first.en}${more.en}`,
    });
  }
  return def as WorkflowDefinition;
}

/**
 * All problems of a definition, keyed by path; empty when it is valid. Rejected: a missing or
 * unknown start; duplicate step ids; a step without an actor role or with an unknown one;
 * an unparsable standard time; a transition to an unknown step; duplicate outcomes in a step;
 * a decision (a step with more than one transition) whose outcomes are not named; a step
 * with no transition (dead end); a step unreachable from the start; a step from which 'end'
 * cannot be reached (a cycle with no way out); a dataset_collection definition without
 * a step for each of the four dataset features (a return loop may have a second
 * `dataset_submit` step: the producer's fix-and-resubmit).
 */
export function checkWorkflowDefinition(def: unknown): DefinitionProblems {
  const problems: DefinitionProblems = {};
  const add = (path: string, id: string, en: string) => {
    problems[path] = [...(problems[path] ?? []), { id, en }];
  };
  if (!isObject(def)) {
    add('', 'definisi harus berupa objek JSON', 'the definition must be a JSON object');
    return problems;
  }
  if (typeof def.key !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(def.key)) {
    add(
      'key',
      `kunci '${String(def.key ?? '')}' harus huruf kecil, angka dan tanda hubung, misalnya 'magetan-statistik-sektoral'`,
      `key '${String(def.key ?? '')}' must be lower-case letters, digits and hyphens, e.g. 'magetan-statistik-sektoral'`,
    );
  }
  if (typeof def.version !== 'number' || !Number.isInteger(def.version) || def.version < 1) {
    add('version', 'versi harus bilangan bulat ≥ 1', 'version must be a whole number ≥ 1');
  }
  if (typeof def.processKind !== 'string' || !isProcessKind(def.processKind)) {
    add(
      'processKind',
      `jenis proses '${String(def.processKind ?? '')}' tidak dikenal; pilih salah satu dari ${PROCESS_KINDS.join(', ')}`,
      `process kind '${String(def.processKind ?? '')}' is unknown; choose one of ${PROCESS_KINDS.join(', ')}`,
    );
  }
  checkBilingual(def.title, 'title', { id: 'judul alur kerja', en: 'workflow title' }, add);
  if (!isObject(def.source) || typeof def.source.seed !== 'string' || typeof def.source.region !== 'string') {
    add(
      'source',
      'sumber (berkas SOP dan daerah) harus diisi',
      'the source (SOP file and region) is required',
    );
  }
  if (def.reviewNonPriority !== undefined && typeof def.reviewNonPriority !== 'boolean') {
    add(
      'reviewNonPriority',
      'reviewNonPriority harus true atau false',
      'reviewNonPriority must be true or false',
    );
  }
  if (!Array.isArray(def.steps) || def.steps.length === 0) {
    add('steps', 'alur kerja harus memiliki minimal satu langkah', 'a workflow needs at least one step');
    return problems;
  }

  const steps: Record<string, unknown>[] = [];
  const indexById = new Map<string, number>();
  def.steps.forEach((raw: unknown, i: number) => {
    const path = `steps.${i}`;
    if (!isObject(raw)) {
      add(path, `langkah ${i + 1} harus berupa objek`, `step ${i + 1} must be an object`);
      return;
    }
    steps.push(raw);
    const id = raw.id;
    if (typeof id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(id) || id === END) {
      add(
        `${path}.id`,
        `langkah ${i + 1}: id '${String(id ?? '')}' harus snake_case (huruf kecil, angka, garis bawah) dan bukan 'end'`,
        `step ${i + 1}: id '${String(id ?? '')}' must be snake_case (lower-case letters, digits, underscores) and not 'end'`,
      );
    } else if (indexById.has(id)) {
      add(
        `${path}.id`,
        `id langkah '${id}' dipakai dua kali (langkah ${(indexById.get(id) ?? 0) + 1} dan ${i + 1})`,
        `step id '${id}' is used twice (steps ${(indexById.get(id) ?? 0) + 1} and ${i + 1})`,
      );
    } else {
      indexById.set(id, i);
    }
  });

  const name = (raw: Record<string, unknown>, i: number) =>
    typeof raw.id === 'string' ? `'${raw.id}'` : `${i + 1}`;
  def.steps.forEach((raw: unknown, i: number) => {
    if (!isObject(raw)) return;
    const path = `steps.${i}`;
    const s = name(raw, i);
    checkBilingual(raw.title, `${path}.title`, { id: `langkah ${s}: judul`, en: `step ${s}: title` }, add);
    if ([undefined, null, ''].includes(raw.role as string)) {
      add(
        `${path}.role`,
        `langkah ${s}: peran pelaksana belum diisi`,
        `step ${s}: the actor role is missing`,
      );
    } else if (typeof raw.role !== 'string' || !(ROLES as readonly string[]).includes(raw.role)) {
      add(
        `${path}.role`,
        `langkah ${s}: peran '${String(raw.role)}' tidak dikenal; pilih salah satu dari ${ROLES.join(', ')}`,
        `step ${s}: role '${String(raw.role)}' is unknown; choose one of ${ROLES.join(', ')}`,
      );
    }
    checkBilingual(
      raw.actorLabel,
      `${path}.actorLabel`,
      { id: `langkah ${s}: nama pelaksana`, en: `step ${s}: actor name` },
      add,
    );
    if (raw.agencyScope !== 'subject' && raw.agencyScope !== 'any') {
      add(
        `${path}.agencyScope`,
        `langkah ${s}: agencyScope harus 'subject' atau 'any'`,
        `step ${s}: agencyScope must be 'subject' or 'any'`,
      );
    }
    if (!Array.isArray(raw.inputs) || !raw.inputs.every((x: unknown) => isBilingual(x))) {
      add(
        `${path}.inputs`,
        `langkah ${s}: masukan harus daftar teks {id, en}`,
        `step ${s}: inputs must be a list of {id, en} texts`,
      );
    }
    if (
      !Array.isArray(raw.outputs) ||
      !raw.outputs.every(
        (o: unknown) =>
          isObject(o) && (OUTPUT_KINDS as readonly unknown[]).includes(o.kind) && isBilingual(o.title),
      )
    ) {
      add(
        `${path}.outputs`,
        `langkah ${s}: keluaran harus daftar {kind: document|record|note, title: {id, en}}`,
        `step ${s}: outputs must be a list of {kind: document|record|note, title: {id, en}}`,
      );
    }
    if (raw.duration !== null) {
      if (typeof raw.duration !== 'string') {
        add(
          `${path}.duration`,
          `langkah ${s}: waktu baku harus teks atau null`,
          `step ${s}: the standard time must be text or null`,
        );
      } else {
        const parsed = parseStandardDuration(raw.duration);
        if (!parsed.ok)
          add(`${path}.duration`, `langkah ${s}: ${parsed.error.id}`, `step ${s}: ${parsed.error.en}`);
      }
    }
    if (raw.feature !== undefined && !(STEP_FEATURES as readonly unknown[]).includes(raw.feature)) {
      add(
        `${path}.feature`,
        `langkah ${s}: fitur '${String(raw.feature)}' tidak dikenal; pilih salah satu dari ${STEP_FEATURES.join(', ')}`,
        `step ${s}: feature '${String(raw.feature)}' is unknown; choose one of ${STEP_FEATURES.join(', ')}`,
      );
    }
    checkTransitions(raw, path, s, indexById, add);
  });

  // Start, reachability and the way out.
  if (typeof def.start !== 'string' || def.start === '') {
    add('start', 'langkah awal (start) belum diisi', 'the start step is missing');
  } else if (!indexById.has(def.start)) {
    add(
      'start',
      `langkah awal '${def.start}' tidak ada di antara langkah-langkah`,
      `start step '${def.start}' is not one of the steps`,
    );
  } else {
    const next = new Map<string, string[]>();
    for (const raw of steps) {
      if (typeof raw.id !== 'string') continue;
      const targets = Array.isArray(raw.transitions)
        ? raw.transitions
            .filter(isObject)
            .map((t) => t.to)
            .filter((t): t is string => typeof t === 'string')
        : [];
      next.set(raw.id, targets);
    }
    const reachable = new Set<string>([def.start]);
    const queue = [def.start];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      for (const to of next.get(id) ?? []) {
        if (to !== END && indexById.has(to) && !reachable.has(to)) {
          reachable.add(to);
          queue.push(to);
        }
      }
    }
    // Steps from which 'end' can be reached: fixpoint over the edges.
    const finishes = new Set<string>();
    let grew = true;
    while (grew) {
      grew = false;
      for (const [id, targets] of next) {
        if (!finishes.has(id) && targets.some((t) => t === END || finishes.has(t))) {
          finishes.add(id);
          grew = true;
        }
      }
    }
    for (const [id, i] of indexById) {
      const raw = steps.find((s) => s.id === id);
      const hasTransitions = Array.isArray(raw?.transitions) && raw.transitions.length > 0;
      if (!reachable.has(id)) {
        add(
          `steps.${i}`,
          `langkah '${id}' tidak dapat dicapai dari langkah awal '${def.start}'`,
          `step '${id}' cannot be reached from the start step '${def.start}'`,
        );
      } else if (hasTransitions && !finishes.has(id)) {
        add(
          `steps.${i}.transitions`,
          `langkah '${id}' buntu: dari langkah ini alur tidak pernah sampai ke 'end' (siklus tanpa jalan keluar)`,
          `step '${id}' is a dead end: from it the flow never reaches 'end' (a cycle with no way out)`,
        );
      }
    }
  }

  if (def.processKind === 'dataset_collection') {
    for (const feature of STEP_FEATURES) {
      if (!steps.some((s) => s.feature === feature)) {
        add(
          'steps',
          `alur pengumpulan dataset harus memiliki langkah dengan fitur '${feature}'`,
          `a dataset collection workflow needs a step with feature '${feature}'`,
        );
      }
    }
  }
  return problems;
}

function checkTransitions(
  raw: Record<string, unknown>,
  path: string,
  s: string,
  indexById: Map<string, number>,
  add: (path: string, id: string, en: string) => void,
): void {
  const transitions = raw.transitions;
  if (!Array.isArray(transitions) || transitions.length === 0) {
    add(
      `${path}.transitions`,
      `langkah ${s} buntu: tidak ada transisi; tambahkan transisi ke langkah berikutnya atau ke 'end'`,
      `step ${s} is a dead end: it has no transition; add one to the next step or to 'end'`,
    );
    return;
  }
  const decision = transitions.length > 1;
  const seen = new Set<string>();
  transitions.forEach((t: unknown, j: number) => {
    const tp = `${path}.transitions.${j}`;
    if (!isObject(t)) {
      add(
        tp,
        `langkah ${s}: transisi ${j + 1} harus berupa objek`,
        `step ${s}: transition ${j + 1} must be an object`,
      );
      return;
    }
    const outcome = t.outcome;
    if (typeof outcome !== 'string' || outcome.trim() === '' || (decision && outcome === DONE)) {
      add(
        `${tp}.outcome`,
        `langkah ${s} adalah keputusan: hasil transisi ${j + 1} harus diberi nama (misalnya 'approve', 'return', 'available'), bukan '${String(outcome ?? '')}'`,
        `step ${s} is a decision: transition ${j + 1}'s outcome must be named (e.g. 'approve', 'return', 'available'), not '${String(outcome ?? '')}'`,
      );
    } else if (!/^[a-z][a-z0-9_]*$/.test(outcome)) {
      add(
        `${tp}.outcome`,
        `langkah ${s}: hasil '${outcome}' harus snake_case`,
        `step ${s}: outcome '${outcome}' must be snake_case`,
      );
    } else if (seen.has(outcome)) {
      add(
        `${tp}.outcome`,
        `langkah ${s}: hasil '${outcome}' dipakai dua kali`,
        `step ${s}: outcome '${outcome}' is used twice`,
      );
    } else {
      seen.add(outcome);
    }
    checkBilingual(
      t.label,
      `${tp}.label`,
      { id: `langkah ${s}: label transisi ${j + 1}`, en: `step ${s}: transition ${j + 1} label` },
      add,
    );
    if (typeof t.to !== 'string' || (t.to !== END && !indexById.has(t.to))) {
      add(
        `${tp}.to`,
        `langkah ${s}: transisi '${String(outcome ?? j + 1)}' menuju langkah '${String(t.to ?? '')}' yang tidak ada`,
        `step ${s}: transition '${String(outcome ?? j + 1)}' goes to unknown step '${String(t.to ?? '')}'`,
      );
    }
  });
}

function checkBilingual(
  value: unknown,
  path: string,
  what: Bilingual,
  add: (path: string, id: string, en: string) => void,
): void {
  if (!isBilingual(value) || value.id.trim() === '' || value.en.trim() === '') {
    add(
      path,
      `${what.id} harus diisi dalam Bahasa Indonesia dan Inggris`,
      `${what.en} must be given in Indonesian and English`,
    );
  }
}

function isBilingual(value: unknown): value is Bilingual {
  return isObject(value) && typeof value.id === 'string' && typeof value.en === 'string';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
