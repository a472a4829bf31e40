import { parseStandardDuration } from '../../../kernel/calendar/duration.js';
import { ValidationError } from '../../../kernel/errors.js';
import { checkRoutingFields } from './check-routing.js';
import { type AddProblem as Add, checkBilingual, checkStepFields, isObject } from './check-steps.js';
import {
  type DefinitionProblems,
  END,
  isProcessKind,
  PROCESS_KINDS,
  STEP_FEATURES,
  type WorkflowDefinition,
} from './definition.js';
import { recurrenceProblems } from './recurrence.js';
import { checkIdentity, checkSopNumbers } from './sop-identity.js';

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
  const add: Add = (path, id, en) => {
    problems[path] = [...(problems[path] ?? []), { id, en }];
  };
  if (!isObject(def)) {
    add('', 'definisi harus berupa objek JSON', 'the definition must be a JSON object');
    return problems;
  }
  checkHeader(def, add);
  checkTimeFields(def, add);
  if (!Array.isArray(def.steps) || def.steps.length === 0) {
    add('steps', 'alur kerja harus memiliki minimal satu langkah', 'a workflow needs at least one step');
    return problems;
  }
  const { steps, indexById } = checkStepIds(def.steps, add);
  const stepsById = new Map(steps.map((raw) => [String(raw.id), raw]));
  def.steps.forEach((raw: unknown, i: number) => {
    if (!isObject(raw)) return;
    checkStepFields(raw, i, indexById, add);
    const s = typeof raw.id === 'string' ? `'${raw.id}'` : `${i + 1}`;
    checkRoutingFields(raw, `steps.${i}`, s, stepsById, add);
  });
  checkSopNumbers(def.steps, add);
  checkFlow(def.start, steps, indexById, add);
  if (def.processKind === 'dataset_collection') checkDatasetFeatures(steps, add);
  return problems;
}

/** The optional whole-process standard time and recurrence (issue #12 item 5). */
function checkTimeFields(def: Record<string, unknown>, add: Add): void {
  if (def.standardTime !== undefined && def.standardTime !== null) {
    const parsed =
      typeof def.standardTime === 'string'
        ? parseStandardDuration(def.standardTime)
        : ({
            ok: false,
            error: { id: 'waktu baku proses harus teks', en: 'the process standard time must be text' },
          } as const);
    if (!parsed.ok) add('standardTime', parsed.error.id, parsed.error.en);
  }
  if (def.recurrence !== undefined && def.recurrence !== null) {
    for (const [path, id, en] of recurrenceProblems(def.recurrence)) add(`recurrence.${path}`, id, en);
  }
}

/** Key, version, process kind, title, source and the review flag. */
function checkHeader(def: Record<string, unknown>, add: Add): void {
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
  if (def.directUpdates !== undefined && typeof def.directUpdates !== 'boolean') {
    add('directUpdates', 'directUpdates harus true atau false', 'directUpdates must be true or false');
  }
  checkIdentity(def.identity, add);
}

/** Each step an object with a unique snake_case id; returns the steps and their index by id. */
function checkStepIds(
  rawSteps: unknown[],
  add: Add,
): { steps: Record<string, unknown>[]; indexById: Map<string, number> } {
  const steps: Record<string, unknown>[] = [];
  const indexById = new Map<string, number>();
  rawSteps.forEach((raw: unknown, i: number) => {
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
  return { steps, indexById };
}

/** Each step's transition targets, by step id. */
function edgesOf(steps: Record<string, unknown>[]): Map<string, string[]> {
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
  return next;
}

/** Steps reachable from `start` (breadth first). */
function reachableFrom(start: string, next: Map<string, string[]>, indexById: Map<string, number>) {
  const reachable = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const to of next.get(id) ?? []) {
      if (to !== END && indexById.has(to) && !reachable.has(to)) {
        reachable.add(to);
        queue.push(to);
      }
    }
  }
  return reachable;
}

/** Steps from which 'end' can be reached: fixpoint over the edges. */
function finishing(next: Map<string, string[]>): Set<string> {
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
  return finishes;
}

/** Start, reachability and the way out. */
function checkFlow(
  start: unknown,
  steps: Record<string, unknown>[],
  indexById: Map<string, number>,
  add: Add,
): void {
  if (typeof start !== 'string' || start === '') {
    add('start', 'langkah awal (start) belum diisi', 'the start step is missing');
    return;
  }
  if (!indexById.has(start)) {
    add(
      'start',
      `langkah awal '${start}' tidak ada di antara langkah-langkah`,
      `start step '${start}' is not one of the steps`,
    );
    return;
  }
  const next = edgesOf(steps);
  const reachable = reachableFrom(start, next, indexById);
  const finishes = finishing(next);
  for (const [id, i] of indexById) {
    const raw = steps.find((s) => s.id === id);
    const hasTransitions = Array.isArray(raw?.transitions) && raw.transitions.length > 0;
    if (!reachable.has(id)) {
      add(
        `steps.${i}`,
        `langkah '${id}' tidak dapat dicapai dari langkah awal '${start}'`,
        `step '${id}' cannot be reached from the start step '${start}'`,
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

/** A dataset collection needs a step for each of the four dataset features. */
function checkDatasetFeatures(steps: Record<string, unknown>[], add: Add): void {
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
