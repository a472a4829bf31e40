/**
 * CKAN `package_revise` (ckan/logic/action/update.py `package_revise`), as ckanapi and
 * automation use it: `match` names the dataset and must equal its current values, `filter`
 * removes fields (`-field`), `update` merges new values, `include` picks what is returned.
 * The change runs as `package_patch` with the metadata_modified that was matched, so a write
 * between the read and the change is refused (409), never lost.
 */
import { z } from 'zod';
import { defineAction, executeAction } from '../../../kernel/actions/action.js';
import { ValidationError } from '../../../kernel/errors.js';
import { packagePatch } from './package-patch.js';
import { packageShow } from './package-read.js';

/** A dict, or its JSON text (a form post). */
const Dict = z.preprocess(
  (v) => (typeof v === 'string' ? safeJson(v) : v),
  z.record(z.string(), z.unknown()),
);
const List = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim().startsWith('[') ? safeJson(v) : v.split(/\s+/)) : v),
  z.array(z.string().max(200)).max(100),
);

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/** `match__name=x` and `update__title=y` (ckanapi's flattened keys) folded into their dicts. */
function fold(input: Record<string, unknown>, prefix: string, base: Record<string, unknown> = {}) {
  const out = { ...base };
  for (const [k, v] of Object.entries(input))
    if (k.startsWith(`${prefix}__`)) out[k.slice(prefix.length + 2)] = v;
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What a removed field becomes: an empty list or dict, or null. */
function emptied(v: unknown): unknown {
  if (Array.isArray(v)) return [];
  return null;
}

export const packageRevise = defineAction({
  name: 'package_revise',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: z
    .object({
      match: Dict.optional(),
      filter: List.optional(),
      update: Dict.optional(),
      include: List.optional(),
    })
    .catchall(z.unknown()),
  // package_patch authorizes the loaded dataset.
  authorize: () => {},
  async run(ctx, input) {
    const match = fold(input, 'match', input.match);
    const update = fold(input, 'update', input.update);
    const id = match.id ?? match.name;
    if (typeof id !== 'string' || !id)
      throw new ValidationError({
        match: [{ id: 'match harus memuat id atau name', en: 'match must include id or name' }],
      });
    const current = (await executeAction(ctx, packageShow, { id })) as Record<string, unknown>;
    const unmatched = Object.keys(match).filter((k) => !same(current[k], match[k]));
    if (unmatched.length) throw new ValidationError({ match: unmatched.map((k) => ({ id: k, en: k })) });
    const patch: Record<string, unknown> = {};
    for (const pattern of input.filter ?? []) {
      // `-field` removes a top-level field; `+field` keeps one (nothing to do).
      if (pattern.startsWith('-') && pattern.length > 1) {
        const field = pattern.slice(1);
        if (Object.hasOwn(current, field)) patch[field] = emptied(current[field]);
      }
    }
    Object.assign(patch, update);
    for (const [k, v] of Object.entries(patch))
      if (v === null && typeof current[k] === 'string') patch[k] = '';
    const saved = (await executeAction(ctx, packagePatch, {
      ...patch,
      id: current.id,
      if_unmodified_since: current.metadata_modified,
    })) as Record<string, unknown>;
    if (!input.include?.length) return { package: saved };
    const keep = input.include.filter((f) => !f.startsWith('-'));
    const drop = new Set(input.include.filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
    const picked = Object.fromEntries(
      Object.entries(saved).filter(([k]) => (keep.length ? keep.includes(k) : true) && !drop.has(k)),
    );
    return { package: picked };
  },
});
