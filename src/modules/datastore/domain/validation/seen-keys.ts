/**
 * The keys a column (`unique`) or the primary key has seen, with the row each was first seen
 * in, kept compact so a file of millions of rows stays within the ingest's memory bound (issue
 * #20 item 4): a JavaScript Map of the key strings costs about 100 bytes a key, this about 24.
 *
 * Each key is kept as a 64-bit hash (two independent 32-bit hashes of its text) in an
 * open-addressing table of typed arrays, never as the string. Two different keys with the same
 * 64 bits would be taken for a duplicate: among ten million keys that happens about once in
 * 370,000 such files, and the error names both rows, so the producer can see it.
 */

const EMPTY = 0;
const MAX_LOAD = 0.5;

/** Murmur3's finalizer: spreads every input bit over the 32 output bits. */
function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The last key's hash, left by find (no object per key). */
let hashHigh = 0;
let hashLow = 0;

export class SeenKeys {
  private high: Uint32Array;
  private low: Uint32Array;
  /** Row number first seen, plus one; EMPTY marks a free slot. */
  private rows: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity) size *= 2;
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.rows = new Uint32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /**
   * The row `key` was first seen in; undefined when it is new, and then it is recorded as seen
   * in `row` (a row number, ≥ 0).
   */
  firstRowOrAdd(key: string, row: number): number | undefined {
    const slot = this.find(key);
    const seen = this.rows[slot] as number;
    if (seen !== EMPTY) return seen - 1;
    this.high[slot] = hashHigh;
    this.low[slot] = hashLow;
    this.rows[slot] = row + 1;
    if (++this.count > this.rows.length * MAX_LOAD) this.grow();
    return undefined;
  }

  /** The row `key` was first seen in, or undefined; records nothing. */
  firstRow(key: string): number | undefined {
    const seen = this.rows[this.find(key)] as number;
    return seen === EMPTY ? undefined : seen - 1;
  }

  /** The slot holding `key`, or the free slot where it would go (its hash left in hashHigh/Low). */
  private find(key: string): number {
    let a = 0x811c9dc5;
    let b = 0x9747b28c ^ key.length;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    const high = mix(a);
    const low = mix(b ^ high);
    hashHigh = high;
    hashLow = low;
    let slot = high & this.mask;
    for (;;) {
      const seen = this.rows[slot] as number;
      if (seen === EMPTY) return slot;
      if (this.high[slot] === high && this.low[slot] === low) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { high, low, rows } = this;
    const size = rows.length * 2;
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.rows = new Uint32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      if (row === EMPTY) continue;
      const h = high[i] as number;
      let slot = h & this.mask;
      while (this.rows[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.high[slot] = h;
      this.low[slot] = low[i] as number;
      this.rows[slot] = row;
    }
  }
}
