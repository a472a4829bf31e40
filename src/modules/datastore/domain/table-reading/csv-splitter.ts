/**
 * Splits CSV text into records the way papaparse does (RFC 4180 quotes, the file's delimiter
 * and line break), without an array or object per record: each record's cells land in one
 * reused array, trimmed and aligned to the table as toTableRow gives them, and are handed to a
 * callback. For the ingest's fast path (issue #20): at a million rows, the record arrays and
 * row objects papaparse and the reader make cost more than the checks.
 *
 * It splits only what it is sure papaparse splits the same way. At anything else — a quote
 * inside an unquoted cell, text after a closing quote, a bare line feed in a CRLF file, a quote
 * that never closes — it stops (`bailed`) at the start of that record, and the caller reads the
 * rest with the papaparse reader (read-csv.ts csvRestBatches).
 */
import type { Newline } from './read-csv.js';
import type { TableSpan } from './table-reading.js';

/**
 * Hears each record that is not blank: its `count` cells (≥ the table's width), cell `i` being
 * `sources[i].slice(starts[i], ends[i])` of the splitter (CsvSplitter.cell), trimmed.
 * `plain`: no cell holds a backslash, tab, carriage return or line feed.
 */
export type RecordHandler = (count: number, rowNumber: number, plain: boolean) => void;

/**
 * Offered first each line with no backslash, tab or carriage return (in CRLF files, each line
 * that ends in one): `s[start, end)`, its line break excluded. True when it read the record itself (the splitter
 * then moves on); false to have it split and handed to the RecordHandler as usual.
 */
export type LineHandler = (s: string, start: number, end: number, rowNumber: number) => boolean;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const TAB = 9;

/** ASCII whitespace String.prototype.trim removes. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** An indexOf result, with `none` for not found. */
function found(at: number, none: number): number {
  return at < 0 ? none : at;
}

const COPY_SPECIAL = /[\\\t\n\r]/;

export class CsvSplitter {
  /**
   * The record's cells as ranges, left of the table dropped, reused for every record: the text
   * a cell is in (the chunk, or its own string for a quoted cell with doubled quotes or one
   * trimmed of non-ASCII space) and where it starts and ends there.
   */
  sources: string[] = [];
  starts: number[] = [];
  ends: number[] = [];
  /** Number of the next record (blank ones counted, as the reader counts them). */
  rowNumber: number;
  /** Set when a record was left to papaparse (see the file's comment). */
  bailed = false;
  private readonly delimiter: number;
  private readonly delimiterText: string;
  private readonly crlf: boolean;
  private readonly firstColumn: number;
  private readonly width: number;

  constructor(options: { delimiter: string; newline: Newline; span: TableSpan; nextRowNumber: number }) {
    if (options.newline === '\r')
      throw new Error('CsvSplitter: files with CR line breaks are read by papaparse');
    this.delimiter = options.delimiter.charCodeAt(0);
    this.delimiterText = options.delimiter;
    this.crlf = options.newline === '\r\n';
    this.firstColumn = options.span.firstColumn;
    this.width = options.span.width;
    for (let i = 0; i < this.width; i++) this.place(i, '', 0, 0);
    this.rowNumber = options.nextRowNumber;
  }

  /** Cell `i` of the last record, as a string. */
  cell(i: number): string {
    return (this.sources[i] as string).slice(this.starts[i], this.ends[i]);
  }

  /** The last record's `count` cells as strings, as toTableRow gives them. */
  cellTexts(count: number): string[] {
    const cells = new Array<string>(count);
    for (let i = 0; i < count; i++) cells[i] = this.cell(i);
    return cells;
  }

  private place(at: number, source: string, start: number, end: number): void {
    this.sources[at] = source;
    this.starts[at] = start;
    this.ends[at] = end;
  }

  /**
   * Splits the complete records of `s`, handing each non-blank one to `take`. Returns where
   * the first record not split starts: the cut record at the end (all of `s` is split when
   * `final`), or the record left to papaparse (then `bailed`).
   *
   * A line with no quote is split with indexOf (the platform's fast search), which is several
   * times faster than reading it character by character; a line with a quote is read by
   * `quotedRecord`. Either is offered to `line` first (the ingest's line reader, fast-lines.ts,
   * which splits and checks a record that is one line in one pass).
   */
  split(s: string, final: boolean, take: RecordHandler, line?: LineHandler): number {
    const n = s.length;
    const crlf = this.crlf;
    const delimiter = this.delimiterText;
    const first = this.firstColumn;
    // Where the next quote, backslash, tab and CR are (n: none left), found once and reused.
    let nextQuote = -1;
    this.nextBackslash = -1;
    this.nextTab = this.delimiter === TAB ? n : -1;
    this.nextCr = -1;
    this.nextQuote = -1;
    let start = 0;
    while (start < n) {
      const lineEnd = s.indexOf('\n', start);
      if (nextQuote < start) nextQuote = found(s.indexOf('"', start), n);
      let end = lineEnd;
      if (lineEnd >= 0 && crlf) end = lineEnd > start && s.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : -1;
      if (end < 0 || nextQuote < lineEnd) {
        // A line whose quoted cells all close on it is still offered to `line` first.
        if (
          end >= 0 &&
          line !== undefined &&
          !this.special(s, start, end) &&
          line(s, start, end, this.rowNumber)
        ) {
          this.rowNumber++;
          start = lineEnd + 1;
          continue;
        }
        if (lineEnd < 0 && !final) return start;
        const next = this.quotedRecord(s, start, final, take);
        if (next < 0) return start;
        start = next;
        continue;
      }
      const plain = !this.special(s, start, end);
      if (plain && line?.(s, start, end, this.rowNumber)) {
        this.rowNumber++;
        start = lineEnd + 1;
        continue;
      }
      let a = start;
      let field = 0;
      let filled = -1;
      let nonBlank = false;
      for (;;) {
        let d = s.indexOf(delimiter, a);
        if (d < 0 || d > end) d = end;
        let x = a;
        let y = d;
        while (x < y && isSpace(s.charCodeAt(x))) x++;
        while (y > x && isSpace(s.charCodeAt(y - 1))) y--;
        if (field < first) {
          if (x < y) nonBlank = true;
        } else {
          const at = field - first;
          if (x < y && (s.charCodeAt(x) >= 160 || s.charCodeAt(y - 1) >= 160)) {
            const cell = s.slice(x, y).trim();
            this.place(at, cell, 0, cell.length);
          } else this.place(at, s, x, y);
          if (this.starts[at] !== this.ends[at]) {
            nonBlank = true;
            filled = at;
          }
        }
        if (d === end) break;
        a = d + 1;
        field++;
      }
      this.endRecord(field, filled, nonBlank, plain, take);
      start = lineEnd + 1;
    }
    return start;
  }

  // Where the next backslash, tab and CR are in the text being split (its length: none left).
  private nextBackslash = -1;
  private nextTab = -1;
  private nextCr = -1;
  private nextQuote = -1;

  /** Is there a backslash, tab or CR in `s[start, end)`? (COPY escapes them.) */
  private special(s: string, start: number, end: number): boolean {
    const n = s.length;
    if (this.nextBackslash < start) this.nextBackslash = found(s.indexOf('\\', start), n);
    if (this.nextTab < start) this.nextTab = found(s.indexOf('\t', start), n);
    if (this.nextCr < start) this.nextCr = found(s.indexOf('\r', start), n);
    return this.nextBackslash < end || this.nextTab < end || this.nextCr < end;
  }

  /** After a record's last field: pad the cells, hand them over, count the record. */
  private endRecord(field: number, filled: number, nonBlank: boolean, plain: boolean, take: RecordHandler) {
    const count = Math.max(this.width, filled + 1);
    for (let at = Math.max(0, field + 1 - this.firstColumn); at < count; at++) this.place(at, '', 0, 0);
    if (nonBlank) take(count, this.rowNumber, plain);
    this.rowNumber++;
  }

  /**
   * One record read character by character (quotes, line breaks in cells). Returns where the
   * next record starts, or -1 when the record is cut at the end of `s` (not `final`) or left
   * to papaparse (then `bailed`).
   */
  private quotedRecord(s: string, start: number, final: boolean, take: RecordHandler): number {
    const n = s.length;
    const d = this.delimiter;
    const crlf = this.crlf;
    const first = this.firstColumn;
    let p = start;
    let field = 0;
    let plain = true;
    let filled = -1;
    let nonBlank = false;
    for (;;) {
      let source = s;
      let a: number;
      let b: number;
      if (p < n && s.charCodeAt(p) === QUOTE) {
        let q = p + 1;
        let doubled = false;
        for (;;) {
          q = s.indexOf('"', q);
          if (q < 0 || q + 1 >= n) {
            if (!final) return -1;
            if (q < 0) return this.bail();
            break;
          }
          if (s.charCodeAt(q + 1) !== QUOTE) break;
          doubled = true;
          q += 2;
        }
        a = p + 1;
        b = q;
        p = q + 1;
        if (doubled) {
          source = s.slice(a, b).replaceAll('""', '"');
          a = 0;
          b = source.length;
        }
        if (plain && COPY_SPECIAL.test(source.slice(a, b))) plain = false;
      } else {
        // To the next delimiter or line break; a quote before it is papaparse's to read.
        let q = s.indexOf(this.delimiterText, p);
        if (q < 0) q = n;
        const lf = s.indexOf('\n', p);
        if (lf >= 0 && lf < q) q = crlf && lf > p && s.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
        else if (crlf && q === n && s.charCodeAt(n - 1) === CR) q = n - 1;
        if (this.nextQuote < p) this.nextQuote = found(s.indexOf('"', p), n);
        if (this.nextQuote < q) return this.bail();
        if (plain && this.special(s, p, q)) plain = false;
        a = p;
        b = q;
        p = q;
      }
      while (a < b && isSpace(source.charCodeAt(a))) a++;
      while (b > a && isSpace(source.charCodeAt(b - 1))) b--;
      if (a < b && (source.charCodeAt(a) >= 160 || source.charCodeAt(b - 1) >= 160)) {
        source = source.slice(a, b).trim();
        a = 0;
        b = source.length;
      }
      if (field < first) {
        if (a < b) nonBlank = true;
      } else {
        const at = field - first;
        this.place(at, source, a, b);
        if (a < b) {
          nonBlank = true;
          filled = at;
        }
      }
      if (p >= n) {
        if (!final) return -1;
        break;
      }
      const c = s.charCodeAt(p);
      if (c === d) {
        p++;
        field++;
        continue;
      }
      if (c === LF && !crlf) {
        p++;
        break;
      }
      if (c === CR && crlf && p + 1 < n && s.charCodeAt(p + 1) === LF) {
        p += 2;
        break;
      }
      if (c === CR && crlf && p + 1 >= n && !final) return -1;
      return this.bail();
    }
    this.endRecord(field, filled, nonBlank, plain, take);
    return p;
  }

  private bail(): number {
    this.bailed = true;
    return -1;
  }
}
