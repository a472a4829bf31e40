/**
 * Official region codes (Kemendagri) as the `region` table writes them: `35`, `35.20`,
 * `35.20.01`, `35.20.01.2001`. Spreadsheets often carry the dotless BPS-style forms
 * (`3520`, `352001`, `3520012001`); both are read and written back dotted.
 */
import type { RegionLevel } from '../../../../kernel/db/schema.js';

export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'regency', 'district', 'village'];

const DOTTED = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;
const DOTTED_LEVEL: Record<number, RegionLevel> = {
  2: 'province',
  5: 'regency',
  8: 'district',
  13: 'village',
};
const DOTLESS_LEVEL: Record<number, RegionLevel> = {
  2: 'province',
  4: 'regency',
  6: 'district',
  10: 'village',
};
const DIGITS = /^\d+$/;

/** The dotted code and its level, or undefined when the text is not shaped like a region code. */
export function normaliseRegionCode(text: string): { code: string; level: RegionLevel } | undefined {
  if (text.length > 16) return undefined;
  if (DOTTED.test(text)) return { code: text, level: DOTTED_LEVEL[text.length] as RegionLevel };
  if (!DIGITS.test(text)) return undefined;
  const level = DOTLESS_LEVEL[text.length];
  if (!level) return undefined;
  const parts = [text.slice(0, 2), text.slice(2, 4), text.slice(4, 6), text.slice(6)].filter((p) => p !== '');
  return { code: parts.join('.'), level };
}

/** The dotted form of a region code, or the text unchanged when it is not shaped like one. */
export function dottedRegionCode(text: string): string {
  if (DOTTED.test(text)) return text;
  return normaliseRegionCode(text)?.code ?? text;
}

/** `region:<level>` references name region codes of one level. */
export function regionLevelOf(reference: string): RegionLevel | undefined {
  if (!reference.startsWith('region:')) return undefined;
  const level = reference.slice('region:'.length);
  return (REGION_LEVELS as readonly string[]).includes(level) ? (level as RegionLevel) : undefined;
}
