import { describe, expect, it } from 'vitest';
import { checkWorkflowDefinition } from '../../workflows/domain/definition.js';
import {
  BANYUWANGI_PERMINTAAN_DATA,
  MAGETAN_STATISTIK_SEKTORAL,
} from '../../workflows/domain/presets/index.js';
import type { WorkflowDefinition } from '../../workflows/index.js';
import { identityOf, procedureModel } from './procedure-model.js';

describe(procedureModel.name, () => {
  it("numbers rows by the SOP's row numbers, marks added steps, and says where each decision leads", () => {
    const m = procedureModel(BANYUWANGI_PERMINTAAN_DATA);
    expect(m.rows.map((r) => r.no)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const check = m.rows.find((r) => r.stepId === 'check_availability');
    expect(check?.shape).toBe('decision');
    expect(check?.notes).toEqual(['Tersedia: ke langkah 8', 'Tidak tersedia: ke langkah 4']);
    expect(m.rows.map((r) => r.shape)).toEqual([
      'terminator',
      'process',
      'decision',
      'process',
      'decision',
      'process',
      'process',
      'terminator',
      'terminator',
    ]);
    // Row 8 ends the flow: no arrow from it to row 9.
    expect(m.rows[7]?.flowsToNext).toBe(false);
    const magetan = procedureModel(MAGETAN_STATISTIK_SEKTORAL);
    expect(magetan.rows.map((r) => r.no)).toEqual(['1', '1b', '2', '2b', '2c', '3', '+1', '+2', '4']);
    expect(magetan.rows.find((r) => r.stepId === 'verify_data')?.notes).toEqual([
      'Setujui: ke langkah +2',
      'Kembalikan ke produsen data: ke langkah +1',
    ]);
    expect(magetan.rows.find((r) => r.stepId === 'fix_data')?.notes[0]).toMatch(/bukan baris SOP/);
  });

  it("puts each step in its SOP executor's column", () => {
    const m = procedureModel(BANYUWANGI_PERMINTAAN_DATA);
    const col = (id: string) => m.executors[m.rows.find((r) => r.stepId === id)?.column ?? -1];
    expect(col('submit_request')).toBe('Pengguna Data');
    expect(col('assign_staff')).toBe('Subkoord Statistik');
    expect(col('check_availability')).toBe('Staf Statistik');
    expect(col('agency_confirms')).toBe('OPD / Produsen Data');
  });

  it("documents a region's own definition without identity: numbered 1…n, one column per actor", () => {
    const custom: WorkflowDefinition = structuredClone(MAGETAN_STATISTIK_SEKTORAL);
    delete custom.identity;
    for (const s of custom.steps) delete s.sopNo;
    const m = procedureModel(custom);
    expect(m.rows.map((r) => r.no)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(m.executors).toEqual([...new Set(custom.steps.map((s) => s.actorLabel.id))]);
    expect(identityOf(custom).name).toBe(custom.title.id);
  });
});

describe('SOP identity in a definition', () => {
  it('refuses a malformed identity and duplicate SOP row numbers, naming the field in both languages', () => {
    const def = structuredClone(MAGETAN_STATISTIK_SEKTORAL) as unknown as Record<string, unknown>;
    def.identity = {
      ...MAGETAN_STATISTIK_SEKTORAL.identity,
      name: '',
      legalBasis: 'Perpres 39/2019',
      number: 7,
    };
    const steps = def.steps as { sopNo?: string }[];
    if (steps[1]) steps[1].sopNo = '1';
    const problems = checkWorkflowDefinition(def);
    expect(problems['identity.name']?.[0]?.id).toBe('nama SOP pada identitas belum diisi');
    expect(problems['identity.legalBasis']?.[0]?.en).toBe('legal basis must be a list of text');
    expect(problems['identity.number']?.[0]?.id).toBe('Nomor SOP harus berupa teks atau kosong');
    expect(problems['steps.1.sopNo']?.[0]?.en).toBe("SOP row number '1' is used twice (steps 1 and 2)");
  });

  it('accepts a definition with no identity at all', () => {
    const def = structuredClone(MAGETAN_STATISTIK_SEKTORAL);
    delete def.identity;
    expect(checkWorkflowDefinition(def)).toEqual({});
  });
});
