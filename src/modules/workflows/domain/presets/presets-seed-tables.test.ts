import { describe, expect, it } from 'vitest';
import { parseStandardDuration } from '../../../../kernel/calendar/duration.js';
import { validateWorkflowDefinition, type WorkflowStep } from '../definition.js';
import { DEFAULT_PRESET_BY_KIND, SHIPPED_PRESETS, WORKFLOW_PRESETS } from './index.js';
import { SEED_TABLES } from './seed-tables/index.js';

/**
 * Each preset against its seed SOP's procedure table as transcribed in seed-tables/ (committed,
 * so this runs without ../shared): per SOP row the preset step that carries its number, with the
 * seed's text, time, requirements (inputs), outputs and, where the seed text shows it, executor.
 * Steps the SOP has no row for are listed here with the reason the preset adds them.
 */
const ADDED_STEPS: Record<string, string[]> = {
  // The service standard's flow "5b Memperbaiki Data" (the producer fixes what the check
  // returned) and the supervisor's review Perpres 39/2019 art. 13 requires for priority data.
  'magetan-statistik-sektoral': ['fix_data', 'review_data'],
  // Step 2's text returns incomplete data ("yang belum lengkap dikembalikan"): the section head
  // checks each agency's hand-in and returns it to that agency only (issue #12).
  'maluku-utara-pengumpulan-diseminasi': ['check_completeness'],
  // The leader approves the yearly report before step 22 sends it to the head of region
  // (PRODUCT.md: the leader approves publications and reports; issue #16 item 4).
  'jember-perencanaan-penyelenggaraan': ['approve_report'],
};

/** Lower-case letters and digits only: "Sub Koordinator" and "Subkoordinator" are one name. */
const squeeze = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

describe('workflow presets against the seed SOP tables', () => {
  it('ships one preset per seed table, each naming its seed file, and a valid default per process kind', () => {
    expect(WORKFLOW_PRESETS.map((p) => p.key).sort()).toEqual(SEED_TABLES.map((t) => t.presetKey).sort());
    for (const [kind, key] of Object.entries(DEFAULT_PRESET_BY_KIND)) {
      expect(SHIPPED_PRESETS.find((p) => p.key === key)?.processKind).toBe(kind);
    }
  });

  describe.each(SEED_TABLES.map((t) => [t.presetKey, t] as const))('%s', (key, table) => {
    const preset = WORKFLOW_PRESETS.find((p) => p.key === key);
    if (!preset) throw new Error(`no preset ${key}`);
    const numbered = preset.steps.filter((s): s is WorkflowStep & { sopNo: string } => !!s.sopNo);
    const byNo = new Map(numbered.map((s) => [s.sopNo, s]));

    it('is a valid definition naming its seed, with the SOP name and executors in its identity', () => {
      expect(validateWorkflowDefinition(structuredClone(preset))).toEqual(preset);
      expect(preset.version).toBeGreaterThanOrEqual(1);
      expect(preset.source.seed).toBe(table.seed);
      expect(preset.identity?.name).toBe(table.name);
      expect(preset.identity?.executors).toEqual(table.executors);
    });

    it('has one step per SOP row, in the seed order, and only the listed added steps', () => {
      expect(numbered.map((s) => s.sopNo)).toEqual(table.rows.map((r) => r.no));
      expect(preset.steps.filter((s) => !s.sopNo).map((s) => s.id)).toEqual(ADDED_STEPS[key] ?? []);
    });

    it.each(table.rows.map((r) => [r.no, r] as const))(
      "row %s: the seed's text, time, requirements and output",
      (_no, r) => {
        const s = byNo.get(r.no);
        expect(s, `no step carries row ${r.no}`).toBeDefined();
        if (!s) return;
        expect(s.title.id).toBe(r.text);
        expect(s.duration?.toLowerCase() ?? null).toBe(r.time?.toLowerCase() ?? null);
        expect(s.inputs.map((i) => i.id)).toEqual(r.requirements);
        expect(s.outputs.map((o) => o.title.id)).toEqual(r.output);
      },
    );

    it.each(table.rows.filter((r) => r.executor).map((r) => [r.no, r] as const))(
      'row %s: the actor is the executor the seed names',
      (_no, r) => {
        const s = byNo.get(r.no);
        expect(squeeze(s?.actorLabel.id ?? '')).toContain(squeeze(r.executor ?? ''));
      },
    );

    it('gives every step an English title, an actor, a parsable time and the agency scope of its role', () => {
      for (const s of preset.steps) {
        expect(s.duration === null || parseStandardDuration(s.duration).ok).toBe(true);
        expect(s.actorLabel.id.length).toBeGreaterThan(0);
        expect(s.title.en.length).toBeGreaterThan(0);
        expect(s.inputs.every((i) => i.en.length > 0)).toBe(true);
        expect(s.outputs.every((o) => o.title.en.length > 0)).toBe(true);
      }
    });
  });
});
