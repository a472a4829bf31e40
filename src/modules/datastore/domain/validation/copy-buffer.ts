/**
 * COPY text (tab-separated, `\N` for null, backslash escapes) written straight into a byte
 * buffer as UTF-8, from ranges of the file's text: the ingest's fast path (fast-rows.ts)
 * makes no string per cell or per row on its way to the database.
 */

export class CopyBuffer {
  buf: Buffer;
  pos = 0;

  constructor(private readonly capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Room for `extra` more bytes. */
  ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + extra));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  byte(c: number): void {
    this.ensure(1);
    this.buf[this.pos++] = c;
  }

  /** `s[a, b)` as UTF-8; with `escape`, backslash, tab, LF and CR as COPY escapes them. */
  text(s: string, a: number, b: number, escaped: boolean): void {
    this.ensure((b - a) * 3);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = a; i < b; i++) {
      const c = s.charCodeAt(i);
      if (c < 128) {
        if (escaped && (c === 92 || c === 9 || c === 10 || c === 13)) {
          buf[pos++] = 92;
          buf[pos++] = c === 92 ? 92 : c === 9 ? 116 : c === 10 ? 110 : 114;
        } else buf[pos++] = c;
      } else if (c < 0x800) {
        buf[pos++] = 0xc0 | (c >> 6);
        buf[pos++] = 0x80 | (c & 63);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < b ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          buf[pos++] = 0xf0 | (cp >> 18);
          buf[pos++] = 0x80 | ((cp >> 12) & 63);
          buf[pos++] = 0x80 | ((cp >> 6) & 63);
          buf[pos++] = 0x80 | (cp & 63);
          i++;
        } else {
          // A lone surrogate: U+FFFD, as Buffer.from writes it.
          buf[pos++] = 0xef;
          buf[pos++] = 0xbf;
          buf[pos++] = 0xbd;
        }
      } else {
        buf[pos++] = 0xe0 | (c >> 12);
        buf[pos++] = 0x80 | ((c >> 6) & 63);
        buf[pos++] = 0x80 | (c & 63);
      }
    }
    this.pos = pos;
  }

  /** Text already in COPY form (copyLine's). */
  string(text: string): void {
    this.ensure(text.length * 3);
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }

  /** The bytes written since `from`, as text (ASCII values: numbers, dates). */
  ascii(from: number): string {
    return this.buf.toString('latin1', from, this.pos);
  }

  /** The bytes written so far; the buffer starts again empty (the bytes are the caller's). */
  take(): Buffer {
    const bytes = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(Math.max(this.capacity, Math.ceil(this.pos * 1.1)));
    this.pos = 0;
    return bytes;
  }
}
