import type { SopIdentity, WorkflowDefinition, WorkflowStep } from '../../workflows/index.js';

/**
 * What the procedure table of an SOP document shows, computed from a stored definition: one
 * row per step in definition order (the SOP's own order), its executor column, its flowchart
 * shape, and where each outcome leads. Pure, so the PDF and its tests read one model.
 */
export type Shape = 'terminator' | 'process' | 'decision';

export interface ProcedureRow {
  stepId: string;
  /** The SOP row number; +1, +2 … for steps the SOP has no row for; 1…n when no step has one. */
  no: string;
  text: string;
  /** Index into the executor columns. */
  column: number;
  shape: Shape;
  requirements: string[];
  time: string;
  outputs: string[];
  /** Keterangan: where each decision outcome (or a jump to another row) leads. */
  notes: string[];
  /** Whether an arrow goes from this row straight to the next. */
  flowsToNext: boolean;
}

export interface ProcedureModel {
  executors: string[];
  rows: ProcedureRow[];
}

const squeeze = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The executor column of a step: the first column whose name the actor label contains (or that
 * contains the label), else one sharing its first word or a long common prefix ("Sub Koordinator"
 * and "Subkoord"), else a new column named by the label.
 */
function columnOf(step: WorkflowStep, executors: string[]): number {
  const actor = squeeze(step.actorLabel.id);
  const first = (s: string) => squeeze(s.split(/\s+/)[0] ?? '');
  const tests = [
    (e: string) => actor.includes(squeeze(e)) || squeeze(e).includes(actor),
    (e: string) => first(e) === first(step.actorLabel.id),
    (e: string) => commonPrefix(squeeze(e), actor) >= 8,
  ];
  for (const test of tests) {
    const i = executors.findIndex(test);
    if (i >= 0) return i;
  }
  executors.push(step.actorLabel.id);
  return executors.length - 1;
}

/** The identity a definition without one is documented with: its title and region only. */
export function identityOf(def: WorkflowDefinition): SopIdentity {
  return (
    def.identity ?? {
      header: [def.source.region],
      name: def.title.id,
      number: null,
      madeOn: null,
      revisedOn: null,
      ratifiedOn: null,
      effectiveOn: null,
      ratifiedBy: [],
      legalBasis: [],
      qualifications: [],
      relatedSops: [],
      equipment: [],
      warnings: [],
      records: [],
      executors: [],
    }
  );
}

export function procedureModel(def: WorkflowDefinition): ProcedureModel {
  const executors = [...identityOf(def).executors];
  const numbered = def.steps.some((s) => s.sopNo);
  let added = 0;
  const noOf = new Map(
    def.steps.map((s, i) => [s.id, numbered ? (s.sopNo ?? `+${++added}`) : String(i + 1)]),
  );
  const target = (to: string) => (to === 'end' ? 'selesai' : `ke langkah ${noOf.get(to) ?? to}`);
  const rows = def.steps.map((s, i): ProcedureRow => {
    const next = def.steps[i + 1];
    const ends = s.transitions.every((t) => t.to === 'end');
    const decision = s.transitions.length > 1;
    const notes = decision
      ? s.transitions.map((t) => `${t.label.id}: ${target(t.to)}`)
      : s.transitions.filter((t) => t.to !== next?.id && t.to !== 'end').map((t) => `Lanjut ${target(t.to)}`);
    if (!s.sopNo && numbered) notes.unshift('Langkah tambahan platform (+), bukan baris SOP asal');
    return {
      stepId: s.id,
      no: noOf.get(s.id) ?? '',
      text: s.title.id,
      column: columnOf(s, executors),
      shape: decision ? 'decision' : s.id === def.start || ends ? 'terminator' : 'process',
      requirements: s.inputs.map((x) => x.id),
      time: s.duration ?? '-',
      outputs: s.outputs.map((o) => o.title.id),
      notes,
      flowsToNext: !!next && s.transitions.some((t) => t.to === next.id),
    };
  });
  return { executors, rows };
}
