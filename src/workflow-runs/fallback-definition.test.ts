import { describe, expect, it } from 'vitest';
import { validateWorkflowDefinition } from '../domain/workflow/definition.js';
import { MAGETAN_DATASET_COLLECTION } from './fallback-definition.js';

describe('fallback dataset_collection definition', () => {
  it('is a valid definition with the four dataset feature steps and Magetan’s standard times', () => {
    const def = validateWorkflowDefinition(MAGETAN_DATASET_COLLECTION);
    expect(def.source.seed).toBe('001_a9073a696656668d.txt');
    expect(def.steps.filter((s) => s.feature).map((s) => [s.id, s.role, s.duration])).toEqual([
      ['upload', 'producer', '3 hari'],
      ['verify', 'custodian', '1 hari'],
      ['review', 'supervisor', null],
      ['disseminate', 'custodian', '1 hari'],
    ]);
  });
});
