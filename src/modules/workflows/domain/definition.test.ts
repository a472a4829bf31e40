import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../kernel/errors.js';
import { nextStepId, validateWorkflowDefinition, type WorkflowDefinition } from './definition.js';

/** A small valid definition: submit → verify (approve → publish, return → submit) … */
function base(): WorkflowDefinition {
  const b = (id: string) => ({ id, en: id });
  const plain = (id: string, role: WorkflowDefinition['steps'][number]['role'], to: string) => ({
    id,
    title: b(id),
    role,
    actorLabel: b(role),
    agencyScope: 'any' as const,
    inputs: [],
    outputs: [],
    duration: '1 hari',
    transitions: [{ outcome: 'done', label: b('done'), to }],
  });
  return {
    key: 'test-flow',
    version: 1,
    processKind: 'dataset_collection',
    title: b('Test'),
    source: { seed: 'x.txt', region: 'Test' },
    start: 'submit',
    steps: [
      { ...plain('submit', 'producer', 'verify'), agencyScope: 'subject', feature: 'dataset_submit' },
      {
        ...plain('verify', 'custodian', 'review'),
        feature: 'dataset_verify',
        transitions: [
          { outcome: 'approve', label: b('approve'), to: 'review' },
          { outcome: 'return', label: b('return'), to: 'submit' },
        ],
      },
      { ...plain('review', 'supervisor', 'publish'), feature: 'dataset_review' },
      { ...plain('publish', 'custodian', 'end'), feature: 'dataset_publish' },
    ],
  };
}

/** Validation error of `def`; fails the test when it is accepted. */
function rejection(def: unknown): ValidationError {
  try {
    validateWorkflowDefinition(def);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected the definition to be rejected');
}

function edit(change: (def: WorkflowDefinition) => void): WorkflowDefinition {
  const def = base();
  change(def);
  return def;
}

describe('validateWorkflowDefinition', () => {
  it('accepts a valid definition and returns it', () => {
    const def = base();
    expect(validateWorkflowDefinition(def)).toBe(def);
    expect(nextStepId(def, 'verify', 'return')).toBe('submit');
    expect(() => nextStepId(def, 'verify', 'done')).toThrow(/no outcome 'done'/);
  });

  it('rejects a value that is not an object', () => {
    expect(rejection('nope').text.en).toMatch(/must be a JSON object/);
  });

  it('rejects a missing start', () => {
    const error = rejection(edit((d) => Reflect.deleteProperty(d, 'start')));
    expect(error.text.id).toMatch(/Definisi alur kerja tidak valid: langkah awal \(start\) belum diisi/);
    expect(error.text.en).toMatch(/the start step is missing/);
    expect(error.fields.start).toBeDefined();
  });

  it('rejects an unknown start', () => {
    const error = rejection(edit((d) => Object.assign(d, { start: 'begin' })));
    expect(error.text.en).toMatch(/start step 'begin' is not one of the steps/);
    expect(error.text.id).toMatch(/langkah awal 'begin' tidak ada/);
  });

  it('rejects an unreachable step', () => {
    const error = rejection(
      edit((d) => {
        d.steps.push({ ...structuredClone(d.steps[3]), id: 'orphan' } as WorkflowDefinition['steps'][number]);
        Reflect.deleteProperty(d.steps[4] as object, 'feature');
      }),
    );
    expect(error.text.en).toMatch(/step 'orphan' cannot be reached from the start step 'submit'/);
    expect(error.fields['steps.4']).toBeDefined();
  });

  it('rejects a step with a missing actor role', () => {
    const error = rejection(edit((d) => Reflect.deleteProperty(d.steps[1] as object, 'role')));
    expect(error.text.en).toMatch(/step 'verify': the actor role is missing/);
    expect(error.text.id).toMatch(/peran pelaksana belum diisi/);
    expect(error.fields['steps.1.role']).toBeDefined();
  });

  it('rejects an unknown role', () => {
    const error = rejection(edit((d) => Object.assign(d.steps[1] as object, { role: 'walidata' })));
    expect(error.text.en).toMatch(
      /step 'verify': role 'walidata' is unknown; choose one of public, producer/,
    );
  });

  it('rejects a dead end: a step with no transition', () => {
    const error = rejection(edit((d) => Object.assign(d.steps[3] as object, { transitions: [] })));
    expect(error.text.en).toMatch(/step 'publish' is a dead end: it has no transition/);
    expect(error.text.id).toMatch(/langkah 'publish' buntu/);
  });

  it('rejects a dead end: a cycle with no path to end', () => {
    const error = rejection(
      edit((d) => {
        // verify's return goes to fix ⇄ limbo, a loop that never comes back or reaches 'end'.
        const loop = (id: string, to: string) => ({
          ...structuredClone(d.steps[0] as WorkflowDefinition['steps'][number]),
          id,
          feature: undefined,
          transitions: [{ outcome: 'done', label: { id: 'x', en: 'x' }, to }],
        });
        d.steps.push(loop('fix', 'limbo'), loop('limbo', 'fix'));
        Object.assign((d.steps[1] as WorkflowDefinition['steps'][number]).transitions[1] as object, {
          to: 'fix',
        });
      }),
    );
    expect(error.text.en).toMatch(
      /^Invalid workflow definition: step 'fix' is a dead end: from it the flow never reaches 'end' \(a cycle with no way out\) \(and 1 more\)$/,
    );
    expect(error.text.id).toMatch(/langkah 'fix' buntu: dari langkah ini alur tidak pernah sampai ke 'end'/);
    expect(Object.keys(error.fields)).toEqual(['steps.4.transitions', 'steps.5.transitions']);
  });

  it('rejects a transition to an unknown step', () => {
    const error = rejection(
      edit((d) =>
        Object.assign((d.steps[1] as WorkflowDefinition['steps'][number]).transitions[1] as object, {
          to: 'fix',
        }),
      ),
    );
    expect(error.text.en).toMatch(/step 'verify': transition 'return' goes to unknown step 'fix'/);
    expect(error.fields['steps.1.transitions.1.to']).toBeDefined();
  });

  it('rejects duplicate step ids', () => {
    const error = rejection(edit((d) => Object.assign(d.steps[2] as object, { id: 'verify' })));
    expect(error.text.en).toMatch(/step id 'verify' is used twice \(steps 2 and 3\)/);
  });

  it('rejects duplicate outcomes in a step', () => {
    const error = rejection(
      edit((d) =>
        Object.assign((d.steps[1] as WorkflowDefinition['steps'][number]).transitions[1] as object, {
          outcome: 'approve',
        }),
      ),
    );
    expect(error.text.en).toMatch(/step 'verify': outcome 'approve' is used twice/);
  });

  it('rejects an unparsable duration', () => {
    const error = rejection(edit((d) => Object.assign(d.steps[0] as object, { duration: 'dua hari' })));
    expect(error.text.en).toMatch(/step 'submit': Standard time 'dua hari' is not recognised/);
    expect(error.text.id).toMatch(/Waktu baku 'dua hari' tidak dikenali/);
  });

  it('rejects a decision whose outcomes are not named', () => {
    const error = rejection(
      edit((d) => {
        const verify = d.steps[1] as WorkflowDefinition['steps'][number];
        Object.assign(verify.transitions[0] as object, { outcome: 'done' });
        Object.assign(verify.transitions[1] as object, { outcome: '' });
      }),
    );
    expect(error.text.en).toMatch(/step 'verify' is a decision: transition 1's outcome must be named/);
    expect(error.fields['steps.1.transitions.1.outcome']).toBeDefined();
  });

  it.each(['dataset_submit', 'dataset_verify', 'dataset_review', 'dataset_publish'])(
    'rejects a dataset_collection definition without the %s step',
    (feature) => {
      const error = rejection(
        edit((d) => {
          for (const s of d.steps) if (s.feature === feature) Reflect.deleteProperty(s, 'feature');
        }),
      );
      expect(error.text.en).toContain(`a dataset collection workflow needs a step with feature '${feature}'`);
    },
  );

  it('does not ask other process kinds for dataset features', () => {
    const def = edit((d) => {
      d.processKind = 'data_request';
      for (const s of d.steps) Reflect.deleteProperty(s, 'feature');
    });
    expect(validateWorkflowDefinition(def)).toBe(def);
  });

  it('rejects an unknown process kind, a bad key and a missing title, and counts the rest', () => {
    const error = rejection(
      edit((d) => Object.assign(d, { processKind: 'survey', key: 'Bad Key', title: { id: '', en: 'x' } })),
    );
    expect(error.fields.processKind).toBeDefined();
    expect(error.fields.key).toBeDefined();
    expect(error.fields.title).toBeDefined();
    expect(error.text.en).toMatch(/\(and 2 more\)$/);
  });
});
