import { createHash } from 'node:crypto';
import type { BookContent } from './book-spec.js';

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The edition's content hash: everything printed, the data versions included. */
export const bookHash = (content: BookContent) => sha256(canonicalJson(content));

/** What the verification page lists: each table's code and the data it was made from. */
export interface BookSource {
  code: string;
  title: string;
  dataset: string;
  datasetTitle: string;
  resourceId: string;
  versionId: string;
  versionNumber: number;
  dataSha: string;
}

export function sourcesOf(content: BookContent): BookSource[] {
  return content.chapters.flatMap((c) =>
    c.tables.map((t) => ({
      code: t.code,
      title: t.title,
      dataset: t.dataset.name,
      datasetTitle: t.dataset.title,
      resourceId: t.resourceId,
      versionId: t.versionId,
      versionNumber: t.versionNumber,
      dataSha: t.dataSha,
    })),
  );
}

/** Tables whose data differ between two editions (by code): changed, added or removed. */
export function changedSources(
  current: BookSource[],
  previous: BookSource[],
): { code: string; title: string; change: 'changed' | 'added' | 'removed'; from?: number; to?: number }[] {
  const prev = new Map(previous.map((s) => [s.code, s]));
  const out: ReturnType<typeof changedSources> = [];
  for (const s of current) {
    const p = prev.get(s.code);
    if (!p) out.push({ code: s.code, title: s.title, change: 'added', to: s.versionNumber });
    else if (p.dataSha !== s.dataSha || p.versionId !== s.versionId)
      out.push({
        code: s.code,
        title: s.title,
        change: 'changed',
        from: p.versionNumber,
        to: s.versionNumber,
      });
    prev.delete(s.code);
  }
  for (const p of prev.values())
    out.push({ code: p.code, title: p.title, change: 'removed', from: p.versionNumber });
  return out;
}
