import { describe, expect, it } from 'vitest';
import {
  PROCESS_KINDS,
  validateWorkflowDefinition,
  type WorkflowDefinition,
  type WorkflowStep,
} from '../definition.js';
import {
  BANYUWANGI_DISEMINASI,
  BANYUWANGI_PERMINTAAN_DATA,
  DEFAULT_PRESET_BY_KIND,
  defaultPresetsFor,
  JAWA_TENGAH_FORUM_DATA,
  MAGETAN_STATISTIK_SEKTORAL,
  NATIONAL_DISEMINASI,
  NATIONAL_PENGUMPULAN_DATA,
  NATIONAL_PERMINTAAN_DATA,
  NATIONAL_PRESETS,
  NATIONAL_SIKLUS_DAFTAR_DATA,
  REGION_PRESETS,
  SHIPPED_PRESETS,
} from './index.js';

/** Words that name a region, its head or its regulations: none may appear in a national default. */
const REGION_WORDS = [
  'magetan',
  'jember',
  'banyuwangi',
  'jawa tengah',
  'maluku',
  'gubernur',
  'pergub',
  'bupati',
  'perbup',
  'provinsi',
  'kabupaten',
  'kab/kota',
  'dasatama',
  'romantik',
];

/** Every region word a preset's text contains, except those of `allowed` (its own region). */
function regionWordsIn(def: WorkflowDefinition, allowed: string[] = []): string[] {
  const text = JSON.stringify(def).toLowerCase();
  return REGION_WORDS.filter((w) => text.includes(w) && !allowed.includes(w));
}

const shape = (s: WorkflowStep) => ({
  id: s.id,
  role: s.role,
  transitions: s.transitions.map((t) => [t.outcome, t.to]),
  scope: s.scope,
  chooses: s.chooses,
  position: s.position,
  approves: s.approves,
  feature: s.feature,
});

const byKey = (key: string) => SHIPPED_PRESETS.find((p) => p.key === key) as WorkflowDefinition;

describe('national default presets (issue #17 item 10)', () => {
  it('one per process kind, each valid, and the default of a region with no SOP of its own', () => {
    expect(NATIONAL_PRESETS.map((p) => p.processKind).sort()).toEqual([...PROCESS_KINDS].sort());
    for (const p of NATIONAL_PRESETS) expect(validateWorkflowDefinition(structuredClone(p))).toEqual(p);
    expect(Object.values(DEFAULT_PRESET_BY_KIND).sort()).toEqual(NATIONAL_PRESETS.map((p) => p.key).sort());
    expect(defaultPresetsFor('34.71')).toEqual(DEFAULT_PRESET_BY_KIND);
    expect(defaultPresetsFor(null)).toEqual(DEFAULT_PRESET_BY_KIND);
  });

  it.each(NATIONAL_PRESETS.map((p) => [p.key, p] as const))(
    '%s names no region and no seed file',
    (_k, p) => {
      expect(regionWordsIn(p)).toEqual([]);
      expect(p.source.seed).toBe('');
      expect(p.identity?.legalBasis.join(' ')).toContain('39 Tahun 2019');
      for (const s of p.steps) expect(s.title.en.length).toBeGreaterThan(0);
    },
  );

  it('the data request default keeps the steps and decisions the data-requests module drives', () => {
    expect(NATIONAL_PERMINTAAN_DATA.steps.map(shape)).toEqual(BANYUWANGI_PERMINTAAN_DATA.steps.map(shape));
    expect(NATIONAL_PERMINTAAN_DATA.start).toBe(BANYUWANGI_PERMINTAAN_DATA.start);
  });

  it('the dissemination default keeps the steps, positions and four-eyes checks the dissemination module drives', () => {
    expect(NATIONAL_DISEMINASI.steps.map(shape)).toEqual(BANYUWANGI_DISEMINASI.steps.map(shape));
  });

  it('the dataset collection default has the dataset flow: submit, check (return to fix), supervisor review, publish', () => {
    const features = (d: WorkflowDefinition) => d.steps.filter((s) => s.feature).map(shape);
    expect(features(NATIONAL_PENGUMPULAN_DATA)).toEqual(features(MAGETAN_STATISTIK_SEKTORAL));
    expect(NATIONAL_PENGUMPULAN_DATA.steps.every((s) => s.feature)).toBe(true);
  });

  it('the data-list cycle default opens the planning screens, enacting chooses the agencies that collect in lanes', () => {
    const d = NATIONAL_SIKLUS_DAFTAR_DATA;
    expect(d.steps.filter((s) => s.planning).map((s) => [s.id, s.planning])).toEqual([
      ['collect_proposals', 'proposals'],
      ['data_forum', 'forum'],
      ['agreement_record', 'records'],
      ['enact_data_list', 'enact'],
      ['collect_data', 'collect'],
    ]);
    expect(d.steps.find((s) => s.planning === 'enact')?.chooses).toBe('agencies');
    for (const id of ['collect_data', 'check_data'])
      expect(d.steps.find((s) => s.id === id)?.scope).toEqual({
        kind: 'fan_out',
        chosenAt: 'enact_data_list',
      });
    expect(d.steps.find((s) => s.id === 'check_data')?.transitions.map((t) => [t.outcome, t.to])).toEqual([
      ['approve', 'publish_data'],
      ['return', 'collect_data'],
    ]);
  });
});

describe('a region runs its own shipped SOP, otherwise the national default', () => {
  it('the demo region (Magetan, 35.20) runs its own SOP for dataset collection and names no other region anywhere', () => {
    const chosen = defaultPresetsFor('35.20');
    expect(chosen.dataset_collection).toBe(MAGETAN_STATISTIK_SEKTORAL.key);
    for (const key of Object.values(chosen)) {
      expect(regionWordsIn(byKey(key), ['magetan', 'kabupaten', 'romantik', 'dasatama', 'bupati'])).toEqual(
        [],
      );
    }
    expect(chosen.data_list_cycle).toBe(NATIONAL_SIKLUS_DAFTAR_DATA.key);
    expect(chosen.infographic_dissemination).toBe(NATIONAL_DISEMINASI.key);
    expect(chosen.data_request).toBe(NATIONAL_PERMINTAAN_DATA.key);
    expect(JSON.stringify(chosen)).not.toMatch(/jawa-tengah|banyuwangi/);
  });

  it('every region whose SOP is shipped gets its own for the kinds it covers, the national default for the rest', () => {
    for (const [code, own] of Object.entries(REGION_PRESETS)) {
      const chosen = defaultPresetsFor(code);
      for (const p of own) expect(chosen[p.processKind]).toBe(p.key);
      const covered = new Set(own.map((p) => p.processKind));
      for (const kind of PROCESS_KINDS.filter((k) => !covered.has(k)))
        expect(chosen[kind]).toBe(DEFAULT_PRESET_BY_KIND[kind]);
    }
    expect(defaultPresetsFor('33').data_list_cycle).toBe(JAWA_TENGAH_FORUM_DATA.key);
    expect(defaultPresetsFor('35.10').data_request).toBe(BANYUWANGI_PERMINTAAN_DATA.key);
    // A regency of Central Java does not run its province's SOP.
    expect(defaultPresetsFor('33.01').data_list_cycle).toBe(NATIONAL_SIKLUS_DAFTAR_DATA.key);
  });
});
