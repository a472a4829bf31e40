import { describe, expect, it } from 'vitest';
import { parseStandardDuration } from '../../calendar/duration.js';
import {
  END,
  nextStepId,
  type ProcessKind,
  validateWorkflowDefinition,
  type WorkflowDefinition,
} from '../definition.js';
import {
  BANYUWANGI_DISEMINASI,
  BANYUWANGI_PERMINTAAN_DATA,
  DEFAULT_PRESET_BY_KIND,
  JAWA_TENGAH_FORUM_DATA,
  JEMBER_PERENCANAAN_PENYELENGGARAAN,
  MAGETAN_STATISTIK_SEKTORAL,
  MALUKU_UTARA_PENGUMPULAN_DISEMINASI,
  WORKFLOW_PRESETS,
} from './index.js';

/**
 * Each preset against SOPS.md, copied by hand (this test never reads ../shared): per step the
 * SOP's number, the acting platform role, the SOP's standard time as written, and the number
 * of outputs. `+` marks a step that is not an SOP row (Magetan's flow-diagram fix step 5b
 * and the supervisor's review Perpres 39/2019 requires for priority data).
 */
type Row = [sop: string, role: string, duration: string | null, outputs: number];

const EXPECTED: Record<string, { seed: string; kind: ProcessKind; rows: Row[] }> = {
  'jawa-tengah-forum-data': {
    seed: '000_d7c36ee3170075eb.txt',
    kind: 'data_list_cycle',
    rows: [
      ['1', 'custodian', '2 minggu', 2], // KAK → RKA, RAB
      ['2', 'custodian', '1 minggu', 1], // request letters
      ['3', 'custodian', '1 hari', 1], // letters sent
      ['4', 'leader', null, 1], // SK Gubernur
      ['5', 'custodian', '1 hari', 1], // list of sectoral data
      ['6', 'custodian', '8 bulan', 1], // sectoral data
      ['7', 'custodian', '4 hari', 1], // Notulensi
      ['8', 'custodian', '5 hari', 1], // verified data
      ['9', 'custodian', '3 hari', 1], // final data
      ['10', 'custodian', '2 minggu', 1], // website
      ['11', 'custodian', '4 minggu', 1], // book
    ],
  },
  'magetan-statistik-sektoral': {
    seed: '001_a9073a696656668d.txt',
    kind: 'dataset_collection',
    rows: [
      ['1', 'producer', '2 hari', 1], // draft list
      ['1b', 'secretariat', null, 2], // BA forum, agreed list
      ['2', 'supervisor', '7 hari', 1], // recommendation letter
      ['2b', 'producer', '14 hari', 1], // SDI-conformant data
      ['2c', 'producer', '3 hari', 2], // data on portal + metadata & SDS worksheet
      ['3', 'custodian', '1 hari', 1], // verification report
      ['5b+', 'producer', null, 2], // fix and re-upload
      ['review+', 'supervisor', null, 1], // statistical recommendation
      ['4', 'custodian', '1 hari', 2], // infographics, datasets on portal
    ],
  },
  'jember-perencanaan-penyelenggaraan': {
    seed: '002_7c7df7692fdb570e.txt',
    kind: 'dataset_collection',
    rows: [
      ['1', 'secretariat', '40 menit', 1],
      ['2', 'secretariat', '60 menit', 1],
      ['3', 'secretariat', '180 menit', 1],
      ['4', 'secretariat', '5 hari', 1],
      ['5', 'producer', '1 hari', 1],
      ['6', 'producer', '3 hari', 1],
      ['7', 'producer', '1 hari', 1],
      ['8', 'secretariat', '120 menit', 1],
      ['9', 'secretariat', '2 hari', 1],
      ['10', 'secretariat', '40 menit', 1],
      ['11', 'secretariat', '40 menit', 1],
      ['12', 'secretariat', '1 hari', 0], // output "—"
      ['13', 'secretariat', '2 minggu', 1],
      ['14', 'producer', '2 jam', 1],
      ['15', 'producer', '2 jam', 2], // questionnaire, table template
      ['16', 'producer', '2 jam', 1],
      ['17', 'producer', '2 jam', 1],
      ['18', 'custodian', '3 jam', 1],
      ['19', 'supervisor', '3 jam', 1],
      ['20', 'custodian', '1 jam', 1],
      ['21', 'secretariat', '8 jam', 1],
      ['22', 'secretariat', '3 jam', 1],
    ],
  },
  'banyuwangi-diseminasi-data': {
    seed: '003_31bd3ce15f6acb6b.txt',
    kind: 'infographic_dissemination',
    rows: [
      ['1', 'custodian', '120 menit', 1],
      ['2', 'custodian', '240 menit', 1],
      ['3', 'custodian', '20 menit', 1],
      ['4', 'custodian', '30 menit', 1],
      ['5', 'leader', '30 menit', 1],
      ['6', 'custodian', '15 menit', 1],
    ],
  },
  'banyuwangi-layanan-permintaan-data': {
    seed: '003_31bd3ce15f6acb6b.txt',
    kind: 'data_request',
    rows: [
      ['1', 'public', '30 menit', 1],
      ['2', 'custodian', '10 menit', 1],
      ['3', 'custodian', '30 menit', 1],
      ['4', 'custodian', '120 menit', 1],
      ['5', 'producer', '30 menit', 1],
      ['6', 'producer', '30 menit', 1],
      ['7', 'custodian', '15 menit', 1],
      ['8', 'custodian', '15 menit', 1],
      ['9', 'custodian', '30 menit', 1],
    ],
  },
  'maluku-utara-pengumpulan-diseminasi': {
    seed: '004_0d700b99eb9a4ed5.txt',
    kind: 'data_list_cycle',
    rows: [
      ['1', 'custodian', '5 hari kerja', 2],
      ['2', 'custodian', '60 hari kerja', 1],
      ['3', 'custodian', '60 hari kerja', 1],
      ['4', 'custodian', '15 hari kerja', 1],
      ['5', 'leader', '1 hari kerja', 1],
      ['6', 'custodian', '1 hari kerja', 1],
    ],
  },
};

/** Per step, a phrase of SOPS.md's wording of that step that its English title must contain. */
const STEP_WORDING: Record<string, string[]> = {
  'jawa-tengah-forum-data': [
    'activity plan (KAK)',
    'name data custodian staff',
    'send',
    "governor's decree",
    'socialise the forum',
    'collect, process and analyse',
    'data forum with BPS, Bappeda',
    'verification and validation',
    'finalise',
    'website',
    'printed book',
  ],
  'magetan-statistik-sektoral': [
    'set the data list incl. priority data',
    'agree the data list',
    'recommend and guide',
    'collect data per the SDI principles',
    'upload',
    'SDI conformance and validity',
    'fixes',
    'statistical recommendation',
    'disseminate',
  ],
  'jember-perencanaan-penyelenggaraan': [
    'inventory data needs from RPJMD, RKPD',
    'coordinate the inventory with the custodian and the supervisor',
    'forum meeting on the data list for year n+1',
    'ask producers to identify data and propose new data',
    'producers identify data from the provisional list',
    'producers invite data users to propose data',
    'producers send identifications and proposals to the secretariat',
    'forum meeting on',
    'data desk',
    'receive new or corrected list items',
    'agree the data list and data formats',
    'agreement record per agency',
    "head of region's decree on the data list",
    'collection method',
    'questionnaire / dummy table',
    'access restrictions, continuity, standards, metadata',
    'national systems (INDAH, Romantik, SIPD e-walidata)',
    'custodian checks; approve or return',
    'supervisor checks; recommend or return',
    'regional portal',
    "evaluate the year's Satu Data work",
    'report to the head of region',
  ],
  'banyuwangi-diseminasi-data': [
    'drafts the dissemination concept from processed data',
    'infographic and narrative',
    'submit it for correction',
    'checks and initials',
    'division head checks and approves',
    'upload it to the portal',
  ],
  'banyuwangi-layanan-permintaan-data': [
    'submits a request on the portal',
    'assigns staff',
    'check whether the data is available',
    'contacts the producing agency',
    'confirms availability',
    'sends the data',
    'hands the data to staff',
    'deliver the result to the requester',
    'confirms closure (data not available)',
  ],
  'maluku-utara-pengumpulan-diseminasi': [
    'list the sectoral data to collect',
    'send data and metadata',
    'compile, process and analyse',
    'draft the report and presentation',
    'review and approve',
    'disseminate and publish on the open-data portal',
  ],
};

/** Decisions as SOPS.md gives them: step id → outcome → next step id. */
const DECISIONS: Record<string, Record<string, Record<string, string>>> = {
  'magetan-statistik-sektoral': {
    verify_data: { approve: 'review_data', return: 'fix_data' },
    review_data: { recommend: 'disseminate_data', return: 'fix_data' },
  },
  'jember-perencanaan-penyelenggaraan': {
    custodian_check: { approve: 'supervisor_check', return: 'upload_national' },
    supervisor_check: { recommend: 'publish_portal', return: 'upload_national' },
  },
  'banyuwangi-layanan-permintaan-data': {
    // "available → 8, not → 4" and "available → 6, not → 9"
    check_availability: { available: 'deliver_result', not_available: 'contact_agency' },
    agency_confirms: { available: 'agency_sends_data', not_available: 'confirm_closure' },
  },
  'maluku-utara-pengumpulan-diseminasi': {
    receive_data: { complete: 'compile_analyse', incomplete: 'receive_data' },
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

describe('workflow presets', () => {
  it('ships one preset per seed SOP, each naming its seed file, and a valid default per process kind', () => {
    expect(WORKFLOW_PRESETS.map((p) => p.key).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [kind, key] of Object.entries(DEFAULT_PRESET_BY_KIND)) {
      expect(WORKFLOW_PRESETS.find((p) => p.key === key)?.processKind).toBe(kind);
    }
  });

  describe.each(WORKFLOW_PRESETS.map((p) => [p.key, p] as const))('%s', (key, preset) => {
    const expected = EXPECTED[key];
    if (!expected) throw new Error(`no expected table for ${key}`);

    it('is a valid version-1 definition', () => {
      expect(validateWorkflowDefinition(structuredClone(preset))).toEqual(preset);
      expect(preset.version).toBe(1);
    });

    it("reproduces the SOP's steps, actors, standard times and outputs", () => {
      expect(preset.source.seed).toBe(expected.seed);
      expect(preset.processKind).toBe(expected.kind);
      expect(preset.steps.map((s) => [s.role, s.duration, s.outputs.length])).toEqual(
        expected.rows.map(([, role, duration, outputs]) => [role, duration, outputs]),
      );
      expect(preset.steps.length).toBe(STEP_WORDING[key]?.length);
      preset.steps.forEach((s, i) => {
        expect(s.title.en.toLowerCase()).toContain(STEP_WORDING[key]?.[i]?.toLowerCase());
      });
      for (const s of preset.steps) {
        expect(s.duration === null || parseStandardDuration(s.duration).ok).toBe(true);
        expect(s.actorLabel.id.length).toBeGreaterThan(0);
        expect(s.title.en.length).toBeGreaterThan(0);
        expect(s.agencyScope).toBe(s.role === 'producer' ? 'subject' : 'any');
      }
    });

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
    const visited = walk(def, ['return', 'approve', 'return', 'approve', 'recommend']);
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
      'receive_data',
      'receive_data',
      'compile_analyse',
      'draft_report',
      'approve_report',
      'publish_portal',
    ]);
  });

  it('linear presets visit every step once, in SOP order', () => {
    for (const def of [JAWA_TENGAH_FORUM_DATA, BANYUWANGI_DISEMINASI]) {
      expect(walk(def, [])).toEqual(ids(def));
    }
  });
});
