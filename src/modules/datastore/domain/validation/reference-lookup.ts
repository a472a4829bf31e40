/**
 * The code sets a schema's foreign keys point at, loaded once before validation so each row's
 * check is a Set lookup: official region codes of one level (`region:<level>`) and the current
 * items of an administrator's code list (`codelist:<name>`). Loading them is
 * reference-codes.repository.ts's `loadReferenceLookup`.
 */
import type { TableSchema } from '../../../../kernel/table-schema/table-schema.js';

/** Preloaded code sets for the schema's foreign keys (region:<level>, codelist:<name>). */
export interface ReferenceLookup {
  has(reference: string, code: string): boolean;
  /** `has` for the code `text.slice(start, end)`, without making that string (the fast path). */
  hasRange?(reference: string, text: string, start: number, end: number): boolean;
  /** The reference's codes, to look up by range without finding the set each time (the fast path). */
  codes?(reference: string): CodeSet | undefined;
}

/** The references a schema's foreign keys name, each once. */
export function referencesOf(schema: TableSchema): string[] {
  return [...new Set((schema.foreignKeys ?? []).map((fk) => fk.reference.resource))];
}

/** A lookup over sets already in memory (tests, and the result of loadReferenceLookup). */
export function referenceLookupOf(sets: ReadonlyMap<string, ReadonlySet<string>>): ReferenceLookup {
  const codeSets = new Map([...sets].map(([reference, codes]) => [reference, new CodeSet(codes)]));
  return {
    has: (reference, code) => codeSets.get(reference)?.hasRange(code, 0, code.length) ?? false,
    hasRange: (reference, text, start, end) => codeSets.get(reference)?.hasRange(text, start, end) ?? false,
    codes: (reference) => codeSets.get(reference),
  };
}

/**
 * A set of codes looked up by a range of a longer text, so the ingest checks a cell's code
 * without cutting it out of the file's text first (a JavaScript Set needs the string, and
 * looking up a fresh slice in it costs about half a microsecond). Open addressing over the
 * codes' FNV-1a hashes.
 */
export class CodeSet {
  private readonly codes: string[];
  /** Index into codes plus one; 0 marks a free slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(codes: Iterable<string>) {
    this.codes = [...new Set(codes)];
    let size = 16;
    while (size < this.codes.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.codes.forEach((code, i) => {
      let slot = hashRange(code, 0, code.length) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = i + 1;
    });
  }

  /** Index of the code found last: files sorted by code ask for it or the next one again. */
  private last = 0;

  hasRange(text: string, start: number, end: number): boolean {
    const length = end - start;
    const last = this.last;
    if (this.equals(last, text, start, length)) return true;
    if (this.equals(last + 1, text, start, length)) {
      this.last = last + 1;
      return true;
    }
    for (let slot = hashRange(text, start, end) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot] as number;
      if (at === 0) return false;
      if (this.equals(at - 1, text, start, length)) {
        this.last = at - 1;
        return true;
      }
    }
  }

  private equals(index: number, text: string, start: number, length: number): boolean {
    const code = this.codes[index];
    if (code === undefined || code.length !== length) return false;
    // From the end: codes of one level share their start and differ in their last digits.
    let i = length - 1;
    while (i >= 0 && code.charCodeAt(i) === text.charCodeAt(start + i)) i--;
    return i < 0;
  }
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // Murmur3's finalizer: codes differ in their last digits, which FNV leaves in the high bits.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
