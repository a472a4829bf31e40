import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { EPSS_LEVEL_CRITERIA } from '../../../kernel/db/migrations/epss-reference.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { weightProblem } from '../domain/epss.js';
import {
  deleteIndicator,
  insertIndicator,
  lockAspect,
  lockStructureItem,
  type StructureItem,
  type StructureLevel,
  scoredYears,
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
 * aspect or indicator weight shares what the others leave. Indicators may be added under an
 * aspect (the generic level criteria until edited) and removed while no assessment scored them;
 * additions, removals and weights of one request are judged together, so a removed indicator's
 * weight can move to its siblings in the same save.
 */
const change = z.object({
  level: z.enum(['domain', 'aspect', 'indicator']),
  code: z.string().regex(/^\d{1,5}$/, 'kode / code'),
  name_id: z.string().trim().min(1).max(300).optional(),
  name_en: z.string().trim().min(1).max(300).optional(),
  /** Percent within the parent; null: an equal share of what the others leave (not for domains). */
  weight: z.coerce.number().min(0).max(100).nullable().optional(),
});

const addition = z.object({
  aspect_code: z.string().regex(/^\d{3}$/, 'kode aspek / aspect code'),
  code: z.string().regex(/^\d{5}$/, 'Kode indikator lima angka / A five-digit indicator code'),
  name_id: z.string().trim().min(1).max(300),
  name_en: z.string().trim().min(1).max(300),
  weight: z.coerce.number().min(0).max(100).nullable().default(null),
});

const inUse = (code: string, name: string, years: number[]) =>
  new ConflictError({
    id: `Indikator ${code} "${name}" sudah dinilai pada penilaian ${years.join(', ')} dan tidak dapat dihapus`,
    en: `Indicator ${code} "${name}" is already scored in the assessment of ${years.join(', ')} and cannot be removed`,
  });

export const epssStructureUpdate = defineAction({
  name: 'epss_structure_update',
  sideEffectFree: false,
  requires: 'epss:configure',
  // Several changes at once: moving weight between siblings keeps their sum at 100.
  input: z
    .object({
      changes: z.array(change).max(60).default([]),
      add: z.array(addition).max(10).default([]),
      /** Indicators to remove (codes). */
      remove: z
        .array(z.string().regex(/^\d{5}$/))
        .max(10)
        .default([]),
    })
    .refine((v) => v.changes.length + v.add.length + v.remove.length > 0, {
      message: 'Tidak ada perubahan / Nothing to change',
    }),
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
      for (const code of input.remove) {
        const before = await lockStructureItem(trx, 'indicator', code);
        if (!before)
          throw new NotFoundError({
            id: `Indikator EPSS ${code} tidak ada`,
            en: `EPSS indicator ${code} does not exist`,
          });
        const years = await scoredYears(trx, code);
        if (years.length) throw inUse(code, before.name_id, years);
        await deleteIndicator(trx, code);
        reweighed.set(`indicator:${before.parent}`, { level: 'indicator', item: { ...before, weight: 0 } });
        await audit({
          action: 'epss_structure_update',
          subjectType: 'epss_indicator',
          subjectId: null,
          summary: { level: 'indicator', code, removed: before },
        });
        saved.push({ level: 'indicator' as const, code, removed: true });
      }
      for (const a of input.add) {
        const aspect = await lockAspect(trx, a.aspect_code);
        if (!aspect)
          throw new NotFoundError({
            id: `Aspek EPSS ${a.aspect_code} tidak ada`,
            en: `EPSS aspect ${a.aspect_code} does not exist`,
          });
        if (!a.code.startsWith(a.aspect_code))
          throw new ValidationError({
            code: [
              {
                id: `Kode indikator diawali kode aspeknya (${a.aspect_code})`,
                en: `An indicator's code starts with its aspect's (${a.aspect_code})`,
              },
            ],
          });
        if (await lockStructureItem(trx, 'indicator', a.code))
          throw new ConflictError({
            id: `Indikator EPSS ${a.code} sudah ada`,
            en: `EPSS indicator ${a.code} already exists`,
          });
        const { aspect_code, ...v } = a;
        await insertIndicator(trx, { ...v, aspect_code }, [...EPSS_LEVEL_CRITERIA]);
        reweighed.set(`indicator:${aspect_code}`, {
          level: 'indicator',
          item: {
            code: a.code,
            name_id: a.name_id,
            name_en: a.name_en,
            weight: a.weight,
            parent: aspect_code,
          },
        });
        await audit({
          action: 'epss_structure_update',
          subjectType: 'epss_indicator',
          subjectId: null,
          summary: { level: 'indicator', code: a.code, added: a },
        });
        saved.push({ level: 'indicator' as const, code: a.code, added: true });
      }
      // Checked once every change is in, so weights moved between siblings are judged together.
      for (const { level, item } of reweighed.values()) {
        const problem = weightProblem(level, item.weight, await siblingWeights(trx, level, item));
        if (problem) throw new ValidationError({ weight: [problem] });
      }
      return { changes: saved };
    }),
});
