import { ROLES } from '../../../kernel/access/roles.js';
import { parseStandardDuration } from '../../../kernel/calendar/duration.js';
import { type Bilingual, DONE, END, OUTPUT_KINDS, PLANNING_HOOKS, STEP_FEATURES } from './definition.js';

export type AddProblem = (path: string, id: string, en: string) => void;

/** One step's own fields and transitions (reachability is checked over the whole graph). */
export function checkStepFields(
  raw: Record<string, unknown>,
  i: number,
  indexById: Map<string, number>,
  add: AddProblem,
): void {
  const s = typeof raw.id === 'string' ? `'${raw.id}'` : `${i + 1}`;
  const path = `steps.${i}`;
  checkBilingual(raw.title, `${path}.title`, { id: `langkah ${s}: judul`, en: `step ${s}: title` }, add);
  if ([undefined, null, ''].includes(raw.role as string)) {
    add(`${path}.role`, `langkah ${s}: peran pelaksana belum diisi`, `step ${s}: the actor role is missing`);
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
  if (raw.planning !== undefined && !(PLANNING_HOOKS as readonly unknown[]).includes(raw.planning))
    add(
      `${path}.planning`,
      `langkah ${s}: layar perencanaan '${String(raw.planning)}' tidak dikenal; pilih salah satu dari ${PLANNING_HOOKS.join(', ')}`,
      `step ${s}: planning screen '${String(raw.planning)}' is unknown; choose one of ${PLANNING_HOOKS.join(', ')}`,
    );
  checkTransitions(raw, path, s, indexById, add);
}

export function checkTransitions(
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

export function checkBilingual(
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

export function isBilingual(value: unknown): value is Bilingual {
  return isObject(value) && typeof value.id === 'string' && typeof value.en === 'string';
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
