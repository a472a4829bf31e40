import type { PageContext } from '../../../kernel/http/page-context.js';
import { wm } from '../../workflows/index.js';
import type { SDI_CHECKLIST } from '../submissions.js';

/** Helpers shared by the submission pages. */
/** Which automatic SDI conformity checks inform each checklist item. */
export const CHECKLIST_SOURCES: Record<(typeof SDI_CHECKLIST)[number]['key'], readonly string[]> = {
  data_standard: ['standard_linked'],
  metadata_complete: [
    'activity_metadata_complete',
    'variable_metadata_complete',
    'indicator_metadata_complete',
  ],
  open_format_license: ['open_format', 'open_license'],
  reference_codes: ['reference_codes_bound', 'reference_codes_valid'],
  values_plausible: ['classification_set'],
};

export type W = (k: Parameters<typeof wm>[1], p?: Record<string, string | number>) => string;
export const wOf =
  (ctx: PageContext): W =>
  (k, p) =>
    wm(ctx.locale, k, p);

export const show = (v: unknown): string =>
  v === null || v === undefined
    ? '—'
    : Array.isArray(v)
      ? v.join(', ')
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

export function stateLabel(w: W, state: string): string {
  const key = `state.${state}` as Parameters<typeof wm>[1];
  return w(key);
}
