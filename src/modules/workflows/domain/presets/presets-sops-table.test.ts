import { describe, expect, it } from 'vitest';
import { parseStandardDuration } from '../../../../kernel/calendar/duration.js';
import { type ProcessKind, validateWorkflowDefinition } from '../definition.js';
import { DEFAULT_PRESET_BY_KIND, WORKFLOW_PRESETS } from './index.js';

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
      ['2', 'producer', '60 hari kerja', 1],
      // 2b: the completeness check step 2's text implies (issue #12), by the section head.
      ['2b', 'custodian', null, 1],
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
    'checks each producer',
    'compile, process and analyse',
    'draft the report and presentation',
    'review and approve',
    'disseminate and publish on the open-data portal',
  ],
};

describe('workflow presets against SOPS.md', () => {
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
  });
});
