/**
 * Text encodings that CSV files from Indonesian offices arrive in, and a stream that turns any
 * of them into JavaScript strings. Excel writes UTF-8 with a BOM ("CSV UTF-8"), Windows-1252
 * ("CSV (Comma delimited)" on an Indonesian Windows), and UTF-16 LE with a BOM ("Unicode Text");
 * other tools write UTF-8 without a BOM.
 *
 * UTF-8 and UTF-16 are decoded by the platform's TextDecoder. Windows-1252 is not, because
 * Node 20.18.3 and later 20.x decode it as Latin-1 on some paths: bytes 0x80–0x9F (€ “ ” – —
 * …) come out as control characters or vanish (nodejs/node#60888); see decodeWindows1252.
 */
import { isAscii } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark at the start (the decoder drops them). */
  bomLength: number;
}

/** How many bytes the decoding stream looks at before it decides. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

/**
 * Decides the encoding from the first bytes of a file: a BOM if there is one; else UTF-16 when
 * every other byte is NUL, as plain text in UTF-16 is; else UTF-8 if the bytes are valid UTF-8
 * (a cut multi-byte character at the end of the sample is allowed); else Windows-1252.
 * Undefined for binary data (NUL bytes that are not UTF-16, or mostly control characters), so
 * that a PDF or image uploaded as CSV is refused instead of read as garbage.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding | undefined {
  const [b0, b1, b2] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = detectUtf16ByNuls(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (looksBinary(head)) return undefined;
  return { encoding: isValidUtf8(head) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** UTF-16 without a BOM: most high bytes of ASCII text are NUL, on one side only. */
function detectUtf16ByNuls(head: Uint8Array): TextEncodingName | undefined {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return 'utf-16le';
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Any NUL byte, or more than 10% control characters other than tab, CR, LF and form feed. */
function looksBinary(head: Uint8Array): boolean {
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return controls > head.length * 0.1;
}

function isValidUtf8(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Why a byte stream could not be decoded; the readers turn it into a message naming the file. */
export class DecodingError extends Error {
  constructor(
    readonly problem: 'binary' | 'invalid-utf8',
    readonly byteOffset: number,
  ) {
    super(`${problem} at byte ${byteOffset}`);
    this.name = 'DecodingError';
  }
}

/** A Transform from bytes to strings that also tells which encoding it chose. */
export interface DecodingStream extends Transform {
  /** Known once the first sample has been seen. */
  readonly detected: DetectedEncoding | undefined;
}

/**
 * Creates a stream that takes bytes in any supported encoding and gives strings, deciding the
 * encoding from the first {@link ENCODING_SAMPLE_BYTES} (or from `encoding` when the caller
 * knows it). A file that looked like UTF-8 but turns out not to be, further on, is read as
 * Windows-1252 from there when everything before was plain ASCII (the two agree on ASCII);
 * after real UTF-8 text it fails with a {@link DecodingError}, because a silently garbled name
 * is worse than a clear refusal.
 */
export function createDecodingStream(encoding?: TextEncodingName): DecodingStream {
  return new DecoderTransform(encoding);
}

/** Any character beyond ASCII (U+0080 and up). */
const NON_ASCII = /[\u0080-\uffff]/;

/** Decodes a byte stream chunk by chunk, keeping characters cut between chunks. */
interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/**
 * Windows-1252 is Latin-1 except for bytes 0x80–0x9F. Those 32 characters are taken from
 * iconv-lite once; decoding is then Node's native Latin-1 plus a replace that only runs when
 * such a byte occurs, several times faster than iconv-lite's decoder on large files.
 */
const WINDOWS_1252_C1 = new Map<string, string>(
  Array.from({ length: 32 }, (_, i) => [
    String.fromCharCode(0x80 + i),
    iconv.decode(Buffer.of(0x80 + i), 'windows-1252'),
  ]),
);

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return /[\x80-\x9f]/.test(latin1)
    ? latin1.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_C1.get(c) ?? c)
    : latin1;
}

function createChunkDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding === 'windows-1252') return { write: decodeWindows1252, end: () => '' };
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  if (encoding !== 'utf-8')
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  // An all-ASCII chunk is its own text byte for byte: copied as Latin-1 (a one-byte string made
  // with a copy) instead of decoded, when the decoder holds no part of a character from before
  // (the last chunk it read ended in an ASCII byte). Most uploads are ASCII throughout.
  let holdsNothing = true;
  return {
    write(bytes) {
      if (holdsNothing && isAscii(bytes))
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      holdsNothing = bytes.length > 0 ? (bytes[bytes.length - 1] as number) < 0x80 : holdsNothing;
      return decoder.decode(bytes, { stream: true });
    },
    end: () => decoder.decode(),
  };
}

class DecoderTransform extends Transform implements DecodingStream {
  detected: DetectedEncoding | undefined;
  private decoder: ChunkDecoder | undefined;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private bytesSeen = 0;
  private hasNonAsciiText = false;
  /** Bytes ≥ 0x80 at the end of the last chunk that a UTF-8 decoder may still hold. */
  private heldTail: Uint8Array = new Uint8Array(0);

  constructor(forced: TextEncodingName | undefined) {
    super({ decodeStrings: true, encoding: 'utf8' });
    if (forced) this.start({ encoding: forced, bomLength: 0 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.decoder) {
      done(this.decodeChunk(chunk));
      return;
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    done(this.pendingBytes < ENCODING_SAMPLE_BYTES ? undefined : this.decideAndDecodeSample());
  }

  override _flush(done: TransformCallback): void {
    const error = this.decoder ? undefined : this.decideAndDecodeSample();
    done(error ?? this.decodeEnd());
  }

  private start(detected: DetectedEncoding): void {
    this.detected = detected;
    this.decoder = createChunkDecoder(detected.encoding);
  }

  private decideAndDecodeSample(): Error | undefined {
    const sample = Buffer.concat(this.pending);
    this.pending = [];
    const detected = detectEncoding(sample);
    if (!detected) return new DecodingError('binary', 0);
    this.start(detected);
    return this.decodeChunk(sample);
  }

  private decodeChunk(chunk: Uint8Array): Error | undefined {
    let text: string;
    try {
      text = this.decoder?.write(chunk) ?? '';
    } catch {
      if (this.hasNonAsciiText) return new DecodingError('invalid-utf8', this.bytesSeen);
      text = this.switchToWindows1252(chunk);
    }
    this.bytesSeen += chunk.length;
    // UTF-8 gives one character per byte only for ASCII (any longer sequence gives fewer), so
    // then the text need not be searched for the first non-ASCII character.
    const ascii =
      this.detected?.encoding === 'utf-8' && this.heldTail.length === 0 && text.length === chunk.length;
    if (!ascii) this.pushText(text);
    else if (text.length > 0) this.push(text);
    this.heldTail = trailingHighBytes(chunk);
    return undefined;
  }

  private decodeEnd(): Error | undefined {
    try {
      this.pushText(this.decoder?.end() ?? '');
      return undefined;
    } catch {
      if (this.hasNonAsciiText) return new DecodingError('invalid-utf8', this.bytesSeen);
      this.pushText(this.switchToWindows1252(new Uint8Array(0)) + (this.decoder?.end() ?? ''));
      return undefined;
    }
  }

  private pushText(text: string): void {
    if (!this.hasNonAsciiText && NON_ASCII.test(text)) this.hasNonAsciiText = true;
    if (text.length > 0) this.push(text);
  }

  /** Re-reads the bytes a UTF-8 decoder held back, then this chunk, as Windows-1252. */
  private switchToWindows1252(chunk: Uint8Array): string {
    this.start({ encoding: 'windows-1252', bomLength: 0 });
    return this.decoder?.write(Buffer.concat([this.heldTail, chunk])) ?? '';
  }
}

/** The bytes ≥ 0x80 at the very end of a chunk (at most 3: the start of a cut UTF-8 character). */
function trailingHighBytes(chunk: Uint8Array): Uint8Array {
  let start = chunk.length;
  while (start > 0 && chunk.length - start < 3 && (chunk[start - 1] ?? 0) >= 0x80) start--;
  return new Uint8Array(chunk.subarray(start));
}
