import type { AddProblem } from './check-steps.js';
import { isBilingual, isObject } from './check-steps.js';
import { isPosition, POSITIONS, SCOPE_KINDS, STEP_CHOICES } from './routing.js';

/**
 * The optional routing fields of a step (issue #12): scope, position, supervisor position, the
 * steps it approves, what it chooses, its requirements. `stepsById` maps ids to raw steps, so a
 * scope's `chosenAt` must name a step that chooses the right thing.
 */
export function checkRoutingFields(
  raw: Record<string, unknown>,
  path: string,
  s: string,
  stepsById: Map<string, Record<string, unknown>>,
  add: AddProblem,
): void {
  if (raw.scope !== undefined) checkScope(raw.scope, `${path}.scope`, s, stepsById, add);
  for (const field of ['position', 'supervisorPosition'] as const) {
    if (raw[field] !== undefined && !isPosition(raw[field]))
      add(
        `${path}.${field}`,
        `langkah ${s}: jabatan '${String(raw[field])}' tidak dikenal; pilih salah satu dari ${POSITIONS.join(', ')}`,
        `step ${s}: position '${String(raw[field])}' is unknown; choose one of ${POSITIONS.join(', ')}`,
      );
  }
  if (
    raw.approves !== undefined &&
    (!Array.isArray(raw.approves) || !raw.approves.every((a) => typeof a === 'string' && stepsById.has(a)))
  )
    add(
      `${path}.approves`,
      `langkah ${s}: 'approves' harus daftar id langkah yang ada`,
      `step ${s}: 'approves' must list existing step ids`,
    );
  if (raw.chooses !== undefined && !(STEP_CHOICES as readonly unknown[]).includes(raw.chooses))
    add(
      `${path}.chooses`,
      `langkah ${s}: 'chooses' harus salah satu dari ${STEP_CHOICES.join(', ')}`,
      `step ${s}: 'chooses' must be one of ${STEP_CHOICES.join(', ')}`,
    );
  if (
    raw.requirements !== undefined &&
    (!Array.isArray(raw.requirements) ||
      !raw.requirements.every(
        (r) =>
          isObject(r) &&
          (r.kind === 'document' || r.kind === 'record') &&
          isBilingual(r.title) &&
          typeof r.required === 'boolean',
      ))
  )
    add(
      `${path}.requirements`,
      `langkah ${s}: persyaratan harus daftar {kind: document|record, title: {id, en}, required: true|false}`,
      `step ${s}: requirements must be a list of {kind: document|record, title: {id, en}, required: true|false}`,
    );
  if (raw.cycle !== undefined && typeof raw.cycle !== 'boolean')
    add(
      `${path}.cycle`,
      `langkah ${s}: 'cycle' harus true atau false`,
      `step ${s}: 'cycle' must be true or false`,
    );
}

const CHOICE_FOR: Record<string, string> = {
  chosen_agency: 'agency',
  fan_out: 'agencies',
  chosen_person: 'person',
};

function checkScope(
  scope: unknown,
  path: string,
  s: string,
  stepsById: Map<string, Record<string, unknown>>,
  add: AddProblem,
): void {
  if (!isObject(scope) || !(SCOPE_KINDS as readonly unknown[]).includes(scope.kind)) {
    add(
      path,
      `langkah ${s}: cakupan pelaksana harus salah satu dari ${SCOPE_KINDS.join(', ')}`,
      `step ${s}: the actor scope must be one of ${SCOPE_KINDS.join(', ')}`,
    );
    return;
  }
  const need = CHOICE_FOR[scope.kind as string];
  if (!need) return;
  if (scope.kind === 'fan_out' && scope.chosenAt === undefined) return;
  const chooser = typeof scope.chosenAt === 'string' ? stepsById.get(scope.chosenAt) : undefined;
  if (!chooser || chooser.chooses !== need)
    add(
      `${path}.chosenAt`,
      `langkah ${s}: cakupan '${String(scope.kind)}' harus menunjuk langkah sebelumnya yang memilih '${need}'`,
      `step ${s}: scope '${String(scope.kind)}' must name an earlier step that chooses '${need}'`,
    );
}
