import type { WorkflowStep } from './definition.js';
import type { StepRequirement, TaskFile } from './routing.js';

/**
 * Step requirements (issue #12 item 4): which required inputs a completion lacks. A file sent
 * for requirement n (`upload_n`) answers it; files sent without one answer the unanswered
 * required documents in order; a required record is answered by the note or a file for it.
 */
export function missingRequirements(
  step: Pick<WorkflowStep, 'requirements'>,
  given: { note: string; files: readonly TaskFile[] },
): { index: number; requirement: StepRequirement }[] {
  const reqs = step.requirements ?? [];
  const answered = new Set(given.files.flatMap((f) => (f.requirement === undefined ? [] : [f.requirement])));
  let loose = given.files.filter((f) => f.requirement === undefined).length;
  const missing: { index: number; requirement: StepRequirement }[] = [];
  reqs.forEach((requirement, index) => {
    if (!requirement.required || answered.has(index)) return;
    if (requirement.kind === 'record' && given.note.trim() !== '') return;
    if (requirement.kind === 'document' && loose > 0) {
      loose--;
      return;
    }
    missing.push({ index, requirement });
  });
  return missing;
}
