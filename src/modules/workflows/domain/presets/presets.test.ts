import { describe, expect, it } from 'vitest';
import { END, nextStepId, type WorkflowDefinition } from '../definition.js';
import {
  BANYUWANGI_DISEMINASI,
  BANYUWANGI_PERMINTAAN_DATA,
  JAWA_TENGAH_FORUM_DATA,
  JEMBER_PERENCANAAN_PENYELENGGARAAN,
  MAGETAN_STATISTIK_SEKTORAL,
  MALUKU_UTARA_PENGUMPULAN_DISEMINASI,
  WORKFLOW_PRESETS,
} from './index.js';

/** Decisions as SOPS.md gives them: step id → outcome → next step id. */
const DECISIONS: Record<string, Record<string, Record<string, string>>> = {
  'magetan-statistik-sektoral': {
    verify_data: { approve: 'review_data', return: 'fix_data' },
    review_data: { recommend: 'disseminate_data', return: 'fix_data' },
  },
  'jember-perencanaan-penyelenggaraan': {
    custodian_check: { approve: 'supervisor_check', return: 'upload_national' },
    supervisor_check: { recommend: 'publish_portal', return: 'upload_national' },
    approve_report: { approve: 'report_to_head', return: 'evaluate_year' },
  },
  'banyuwangi-layanan-permintaan-data': {
    // "available → 8, not → 4" and "available → 6, not → 9"
    check_availability: { available: 'deliver_result', not_available: 'contact_agency' },
    agency_confirms: { available: 'agency_sends_data', not_available: 'confirm_closure' },
  },
  'maluku-utara-pengumpulan-diseminasi': {
    // Step 2: each producer hands in; the section head returns an incomplete one to it (issue #12).
    check_completeness: { complete: 'compile_analyse', incomplete: 'receive_data' },
  },
  'banyuwangi-diseminasi-data': {
    // Checks by the sub-coordinator and the division head can send the work back (issue #12).
    subcoordinator_check: { approve: 'division_head_approval', return: 'make_infographic' },
    division_head_approval: { approve: 'upload_portal', return: 'make_infographic', reject: 'draft_concept' },
  },
};

/**
 * A pure walker: follow `choices` (one outcome per decision visited, in order; plain steps
 * take 'done') from the start until 'end'. Returns the visited step ids. Throws when a choice
 * is missing or the walk does not end within a bound.
 */
function walk(def: WorkflowDefinition, choices: string[]): string[] {
  const visited: string[] = [];
  const pending = [...choices];
  let at = def.start;
  while (at !== END) {
    if (visited.length > 200) throw new Error(`walk of ${def.key} does not end`);
    visited.push(at);
    const step = def.steps.find((s) => s.id === at);
    if (!step) throw new Error(`no step ${at}`);
    const decision = step.transitions.length > 1;
    const choice = decision ? pending.shift() : 'done';
    if (choice === undefined) throw new Error(`no choice left for decision ${at}`);
    at = nextStepId(def, at, choice);
  }
  expect(pending).toEqual([]);
  return visited;
}

/** Shortest list of (step, outcome) moves from `from` to `to` ('end' allowed), by BFS. */
function route(def: WorkflowDefinition, from: string, to: string): { step: string; outcome: string }[] {
  const previous = new Map<string, { step: string; outcome: string }>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const at = queue.shift() as string;
    if (at === to) break;
    if (at === END) continue;
    for (const t of def.steps.find((s) => s.id === at)?.transitions ?? []) {
      if (seen.has(t.to)) continue;
      seen.add(t.to);
      previous.set(t.to, { step: at, outcome: t.outcome });
      queue.push(t.to);
    }
  }
  const path: { step: string; outcome: string }[] = [];
  for (let at = to; at !== from; ) {
    const move = previous.get(at);
    if (!move) throw new Error(`no route from ${from} to ${to} in ${def.key}`);
    path.unshift(move);
    at = move.step;
  }
  return path;
}

const ids = (def: WorkflowDefinition) => def.steps.map((s) => s.id);

describe('workflow presets: decisions and walks', () => {
  describe.each(WORKFLOW_PRESETS.map((p) => [p.key, p] as const))('%s', (key, preset) => {
    it('declares exactly the decisions the SOP gives', () => {
      const decisions = Object.fromEntries(
        preset.steps
          .filter((s) => s.transitions.length > 1)
          .map((s) => [s.id, Object.fromEntries(s.transitions.map((t) => [t.outcome, t.to]))]),
      );
      expect(decisions).toEqual(DECISIONS[key] ?? {});
    });

    it('walks from start to end through every decision branch', () => {
      for (const s of preset.steps) {
        for (const t of s.transitions) {
          // start → s, take t, then t.to → end: every move checked by nextStepId.
          const moves = [...route(preset, preset.start, s.id), { step: s.id, outcome: t.outcome }];
          if (t.to !== END) moves.push(...route(preset, t.to, END));
          let at = preset.start;
          for (const move of moves) {
            expect(move.step).toBe(at);
            at = nextStepId(preset, move.step, move.outcome);
          }
          expect(at).toBe(END);
        }
      }
    });
  });

  it('Magetan: submit, return, fix and resubmit, approve, supervisor recommends, publish', () => {
    const def = MAGETAN_STATISTIK_SEKTORAL;
    expect(walk(def, ['return', 'approve', 'return', 'approve', 'recommend'])).toEqual([
      'set_data_list',
      'agree_data_list',
      'recommend_collection',
      'collect_data',
      'upload_data',
      'verify_data',
      'fix_data',
      'verify_data',
      'review_data',
      'fix_data',
      'verify_data',
      'review_data',
      'disseminate_data',
    ]);
    expect(def.steps.filter((s) => s.feature).map((s) => [s.id, s.feature])).toEqual([
      ['upload_data', 'dataset_submit'],
      ['verify_data', 'dataset_verify'],
      ['fix_data', 'dataset_submit'],
      ['review_data', 'dataset_review'],
      ['disseminate_data', 'dataset_publish'],
    ]);
    expect(def.reviewNonPriority).toBe(false);
  });

  it('Jember: both checks return to the upload; the supervisor reviews every dataset', () => {
    const def = JEMBER_PERENCANAAN_PENYELENGGARAAN;
    const visited = walk(def, ['return', 'approve', 'return', 'approve', 'recommend', 'return', 'approve']);
    expect(visited.slice(16)).toEqual([
      'upload_national',
      'custodian_check',
      'upload_national',
      'custodian_check',
      'supervisor_check',
      'upload_national',
      'custodian_check',
      'supervisor_check',
      'publish_portal',
      'evaluate_year',
      'approve_report',
      'evaluate_year',
      'approve_report',
      'report_to_head',
    ]);
    expect(def.reviewNonPriority).toBe(true);
  });

  it('Banyuwangi data request: the four ways through the two decisions', () => {
    const def = BANYUWANGI_PERMINTAAN_DATA;
    const start = ['submit_request', 'assign_staff', 'check_availability'];
    expect(walk(def, ['available'])).toEqual([...start, 'deliver_result']);
    expect(walk(def, ['not_available', 'available'])).toEqual([
      ...start,
      'contact_agency',
      'agency_confirms',
      'agency_sends_data',
      'hand_to_staff',
      'deliver_result',
    ]);
    expect(walk(def, ['not_available', 'not_available'])).toEqual([
      ...start,
      'contact_agency',
      'agency_confirms',
      'confirm_closure',
    ]);
  });

  it('North Maluku: incomplete data goes back to the producers until complete', () => {
    expect(walk(MALUKU_UTARA_PENGUMPULAN_DISEMINASI, ['incomplete', 'incomplete', 'complete'])).toEqual([
      'list_and_request',
      'receive_data',
      'check_completeness',
      'receive_data',
      'check_completeness',
      'receive_data',
      'check_completeness',
      'compile_analyse',
      'draft_report',
      'approve_report',
      'publish_portal',
    ]);
  });

  it('linear presets visit every step once, in SOP order', () => {
    expect(walk(JAWA_TENGAH_FORUM_DATA, [])).toEqual(ids(JAWA_TENGAH_FORUM_DATA));
    expect(walk(BANYUWANGI_DISEMINASI, ['approve', 'approve'])).toEqual(ids(BANYUWANGI_DISEMINASI));
  });

  it('Banyuwangi dissemination: returned by the sub-coordinator, rejected by the division head, then approved', () => {
    const walked = walk(BANYUWANGI_DISEMINASI, ['return', 'approve', 'reject', 'approve', 'approve']);
    expect(walked).toEqual([
      'draft_concept',
      'make_infographic',
      'submit_for_correction',
      'subcoordinator_check',
      'make_infographic',
      'submit_for_correction',
      'subcoordinator_check',
      'division_head_approval',
      'draft_concept',
      'make_infographic',
      'submit_for_correction',
      'subcoordinator_check',
      'division_head_approval',
      'upload_portal',
    ]);
  });
});
