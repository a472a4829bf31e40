import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, ValidationError } from '../../../kernel/errors.js';
import {
  findDefinition,
  getDefinition,
  insertDefinitionVersion,
  listDefinitions,
  nextVersion,
  regionChoices,
  type StoredDefinition,
  setRegionChoice,
} from '../definitions.js';
import { PROCESS_KINDS, type ProcessKind, validateWorkflowDefinition } from '../domain/definition.js';

const KEY = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "Kunci: huruf kecil, angka dan tanda hubung, mis. 'magetan-2026' / Key: lower-case letters, digits and hyphens, e.g. 'magetan-2026'",
  )
  .max(100);
const PROCESS_KIND = z.enum(PROCESS_KINDS);
/** A definition as an object (API) or as JSON text (the advanced form). */
const DEFINITION = z.unknown().transform((value, ctx) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `Definisi bukan JSON yang valid / The definition is not valid JSON: ${(error as Error).message}`,
    });
    return z.NEVER;
  }
});
const REF = z.object({
  id: z.string().trim().optional(),
  key: KEY.optional(),
  version: z.coerce.number().int().min(1).optional(),
});

function refOf(input: z.infer<typeof REF>): { id: string } | { key: string; version?: number } {
  if (input.id) return { id: input.id };
  if (input.key)
    return input.version === undefined ? { key: input.key } : { key: input.key, version: input.version };
  throw new ValidationError(
    { id: [{ id: 'Isi id atau key', en: 'Give id or key' }] },
    { id: 'Isi id atau key definisi', en: "Give the definition's id or key" },
  );
}

function present(stored: StoredDefinition, activeIds: Set<string>, withSteps = false) {
  return {
    id: stored.id,
    key: stored.key,
    version: stored.version,
    process_kind: stored.processKind,
    title: stored.definition.title,
    source: stored.definition.source,
    preset: stored.preset,
    based_on: stored.basedOn,
    created: stored.createdAt,
    active: activeIds.has(stored.id),
    ...(withSteps ? { definition: stored.definition } : {}),
  };
}

export const workflowDefinitionList = defineAction({
  name: 'workflow_definition_list',
  requires: 'workflow:configure',
  sideEffectFree: true,
  input: z.object({ process_kind: PROCESS_KIND.optional() }),
  authorize: (ctx) => authorize(ctx.actor, 'workflow:configure'),
  async run(ctx, input) {
    const all = await listDefinitions(ctx.db);
    const choices = await regionChoices(ctx.db);
    const active = new Set(Object.values(choices));
    return {
      region: choices,
      definitions: all
        .filter((d) => !input.process_kind || d.processKind === input.process_kind)
        .map((d) => present(d, active)),
    };
  },
});

export const workflowDefinitionShow = defineAction({
  name: 'workflow_definition_show',
  requires: 'workflow:configure',
  sideEffectFree: true,
  input: REF,
  authorize: (ctx) => authorize(ctx.actor, 'workflow:configure'),
  async run(ctx, input) {
    const stored = await getDefinition(ctx.db, refOf(input));
    const active = new Set(Object.values(await regionChoices(ctx.db)));
    return present(stored, active, true);
  },
});

async function keyTaken(key: string, db: Parameters<typeof findDefinition>[0]) {
  if (await findDefinition(db, { key }))
    throw new ConflictError({
      id: `Kunci alur kerja '${key}' sudah dipakai; pilih kunci lain`,
      en: `Workflow key '${key}' is taken; choose another key`,
    });
}

export const workflowDefinitionCopy = defineAction({
  name: 'workflow_definition_copy',
  requires: 'workflow:configure',
  sideEffectFree: false,
  input: REF.extend({
    new_key: KEY,
    title: z.string().trim().max(300).optional(),
    title_en: z.string().trim().max(300).optional(),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'workflow:configure'),
  run: (ctx, input) =>
    mutate(ctx, async (trx, audit) => {
      const source = await getDefinition(trx, refOf(input));
      await keyTaken(input.new_key, trx);
      const definition = validateWorkflowDefinition({
        ...structuredClone(source.definition),
        key: input.new_key,
        version: 1,
        title: {
          id: input.title || source.definition.title.id,
          en: input.title_en || source.definition.title.en,
        },
      });
      const stored = await insertDefinitionVersion(trx, definition, source.id, ctx.actor.userId);
      await audit({
        action: 'workflow_definition_copy',
        subjectType: 'workflow_definition',
        subjectId: stored.id,
        summary: { from: `${source.key} v${source.version}`, key: stored.key, version: 1 },
      });
      return present(stored, new Set(), true);
    }),
});

export const workflowDefinitionUpdate = defineAction({
  name: 'workflow_definition_update',
  requires: 'workflow:configure',
  sideEffectFree: false,
  input: z.object({ key: KEY, definition: DEFINITION }),
  authorize: (ctx) => authorize(ctx.actor, 'workflow:configure'),
  run: (ctx, input) =>
    mutate(ctx, async (trx, audit) => {
      const current = await getDefinition(trx, { key: input.key }, { forUpdate: true });
      if (current.preset) {
        throw new ConflictError({
          id: `'${input.key}' adalah preset bawaan dan tidak diubah; salin dulu ke kunci baru lalu sesuaikan`,
          en: `'${input.key}' is a shipped preset and is not edited; copy it to a new key first, then adjust the copy`,
        });
      }
      const version = await nextVersion(trx, input.key);
      const raw = typeof input.definition === 'object' && input.definition !== null ? input.definition : {};
      const definition = validateWorkflowDefinition({ ...raw, key: input.key, version });
      if (definition.processKind !== current.processKind) {
        throw new ValidationError(
          { processKind: [{ id: 'Jenis proses tidak boleh berubah', en: 'The process kind cannot change' }] },
          {
            id: `Jenis proses '${definition.processKind}' berbeda dengan '${current.processKind}'; buat salinan baru untuk jenis lain`,
            en: `Process kind '${definition.processKind}' differs from '${current.processKind}'; copy a definition of that kind instead`,
          },
        );
      }
      const stored = await insertDefinitionVersion(trx, definition, current.id, ctx.actor.userId);
      await audit({
        action: 'workflow_definition_update',
        subjectType: 'workflow_definition',
        subjectId: stored.id,
        summary: {
          key: stored.key,
          version: stored.version,
          based_on_version: current.version,
          steps: definition.steps.length,
        },
      });
      return present(stored, new Set(), true);
    }),
});

export const regionWorkflowSet = defineAction({
  name: 'region_workflow_set',
  requires: 'workflow:configure',
  sideEffectFree: false,
  input: z.object({ process_kind: PROCESS_KIND, definition_id: z.string().trim() }),
  authorize: (ctx) => authorize(ctx.actor, 'workflow:configure'),
  run: (ctx, input) =>
    mutate(ctx, async (trx, audit) => {
      const stored = await getDefinition(trx, { id: input.definition_id });
      if (stored.processKind !== input.process_kind) {
        throw new ValidationError(
          { definition_id: [{ id: 'Jenis proses tidak cocok', en: 'Process kind does not match' }] },
          {
            id: `'${stored.key}' v${stored.version} adalah alur '${stored.processKind}', bukan '${input.process_kind}'`,
            en: `'${stored.key}' v${stored.version} is a '${stored.processKind}' workflow, not '${input.process_kind}'`,
          },
        );
      }
      validateWorkflowDefinition(stored.definition);
      const before = (await regionChoices(trx))[input.process_kind as ProcessKind];
      await setRegionChoice(trx, input.process_kind, stored.id, ctx.actor.userId);
      await audit({
        action: 'region_workflow_set',
        subjectType: 'region_workflow',
        subjectId: stored.id,
        summary: {
          process_kind: input.process_kind,
          before,
          after: stored.id,
          key: stored.key,
          version: stored.version,
        },
      });
      return {
        process_kind: input.process_kind,
        definition_id: stored.id,
        key: stored.key,
        version: stored.version,
      };
    }),
});

export const WORKFLOW_DEFINITION_ACTIONS = [
  workflowDefinitionList,
  workflowDefinitionShow,
  workflowDefinitionCopy,
  workflowDefinitionUpdate,
  regionWorkflowSet,
];
