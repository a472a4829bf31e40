import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { weightProblem } from '../domain/epss.js';
import {
  lockStructureItem,
  type StructureItem,
  type StructureLevel,
  siblingWeights,
  updateStructureItem,
} from '../structure.repository.js';

const LEVEL_NAMES = {
  domain: { id: 'Domain', en: 'Domain' },
  aspect: { id: 'Aspek', en: 'Aspect' },
  indicator: { id: 'Indikator', en: 'Indicator' },
} as const;

/**
 * The administrator changes a domain's, aspect's or indicator's names or weight when BPS changes
 * the worksheet (issue #16 item 2), audited with what it was before. Weights are checked against
 * their siblings so the index stays a weighted mean (domain/epss.ts weightProblem); an empty
 * aspect or indicator weight shares what the others leave.
 */
const change = z.object({
  level: z.enum(['domain', 'aspect', 'indicator']),
  code: z.string().regex(/^\d{1,5}$/, 'kode / code'),
  name_id: z.string().trim().min(1).max(300).optional(),
  name_en: z.string().trim().min(1).max(300).optional(),
  /** Percent within the parent; null: an equal share of what the others leave (not for domains). */
  weight: z.coerce.number().min(0).max(100).nullable().optional(),
});

export const epssStructureUpdate = defineAction({
  name: 'epss_structure_update',
  sideEffectFree: false,
  requires: 'epss:configure',
  // Several changes at once: moving weight between siblings keeps their sum at 100.
  input: z.object({ changes: z.array(change).min(1).max(60) }),
  authorize: (ctx) => authorize(ctx.actor, 'epss:configure'),
  run: (ctx, input) =>
    mutate(ctx, async (trx, audit) => {
      const saved = [];
      const reweighed = new Map<string, { level: StructureLevel; item: StructureItem }>();
      for (const c of input.changes) {
        const before = await lockStructureItem(trx, c.level, c.code);
        if (!before)
          throw new NotFoundError({
            id: `${LEVEL_NAMES[c.level].id} EPSS ${c.code} tidak ada`,
            en: `EPSS ${LEVEL_NAMES[c.level].en.toLowerCase()} ${c.code} does not exist`,
          });
        const after = {
          name_id: c.name_id ?? before.name_id,
          name_en: c.name_en ?? before.name_en,
          weight: c.weight === undefined ? before.weight : c.weight,
        };
        await updateStructureItem(trx, c.level, c.code, after);
        if (after.weight !== before.weight)
          reweighed.set(`${c.level}:${before.parent}`, { level: c.level, item: { ...before, ...after } });
        await audit({
          action: 'epss_structure_update',
          subjectType: `epss_${c.level}`,
          subjectId: null,
          summary: {
            level: c.level,
            code: c.code,
            before: { name_id: before.name_id, name_en: before.name_en, weight: before.weight },
            after,
          },
        });
        saved.push({ level: c.level, code: c.code, ...after });
      }
      // Checked once every change is in, so weights moved between siblings are judged together.
      for (const { level, item } of reweighed.values()) {
        const problem = weightProblem(level, item.weight, await siblingWeights(trx, level, item));
        if (problem) throw new ValidationError({ weight: [problem] });
      }
      return { changes: saved };
    }),
});
