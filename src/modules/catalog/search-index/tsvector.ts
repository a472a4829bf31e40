/**
 * PostgreSQL's tsvector text form, read into a map the in-memory search can rank from.
 *
 * Each position is kept as PostgreSQL's own WordEntryPos (a uint16: weight in the top two bits,
 * A=3 B=2 C=1 D=0, position in the low 14), so the ranking port (ts-rank.ts) reads the same bits
 * PostgreSQL's tsrank.c reads. A lexeme without positions (stripped vectors, array_to_tsvector)
 * maps to an empty array, which is how the ranking tells it apart (PostgreSQL's `haspos`).
 */

const WEIGHT_CODES: Readonly<Record<string, number>> = { A: 3, B: 2, C: 1, D: 0, a: 3, b: 2, c: 1, d: 0 };
const WEIGHT_LETTERS = ['D', 'C', 'B', 'A'] as const;
const NO_POSITIONS = new Uint16Array(0);
const QUOTE = 39;
const BACKSLASH = 92;
const COLON = 58;

/** A position's weight code (0 = D … 3 = A), PostgreSQL's WEP_GETWEIGHT. */
export function weightOf(entryPos: number): number {
  return entryPos >> 14;
}

/** A position's word number (1 … 16383), PostgreSQL's WEP_GETPOS. */
export function positionOf(entryPos: number): number {
  return entryPos & 0x3fff;
}

/**
 * Parses tsvector text output (`'duduk':3A,7 'kota':1A,5B 'x'`) into lexeme → WordEntryPos[].
 * Reads quoting as tsvectorout writes it (`''` and backslash escapes inside quotes) and also
 * unquoted lexemes, so hand-written vectors in tests parse too. Positions keep their given order
 * (PostgreSQL stores them sorted). Throws on text PostgreSQL would not have produced.
 */
export function parseTsvector(text: string): Map<string, Uint16Array> {
  const doc = new Map<string, Uint16Array>();
  readTsvector(text, (lexeme, positions) =>
    doc.set(lexeme, positions.length ? Uint16Array.from(positions) : NO_POSITIONS),
  );
  return doc;
}

/**
 * parseTsvector's reading, entry by entry: `visit` gets each lexeme and its WordEntryPos values
 * in an array reused for the next entry (copy what you keep). The search index is built from
 * every public dataset's vector this way, without a map and a typed array per lexeme.
 */
export function readTsvector(
  text: string,
  visit: (lexeme: string, positions: readonly number[]) => void,
): void {
  const reader = { text, at: 0 };
  const positions: number[] = [];
  for (;;) {
    skipSpaces(reader);
    if (reader.at >= text.length) return;
    const lexeme = readLexeme(reader);
    positions.length = 0;
    if (text.charCodeAt(reader.at) === COLON) readPositions(reader, positions);
    visit(lexeme, positions);
  }
}

/** The tsvector text PostgreSQL would print for `doc` (tsvectorout), lexemes in the map's order. */
export function formatTsvector(doc: ReadonlyMap<string, Uint16Array>): string {
  const parts: string[] = [];
  for (const [lexeme, positions] of doc) {
    let part = `'${lexeme.replace(/['\\]/g, (c) => c + c)}'`;
    if (positions.length > 0) {
      const list = Array.from(positions, (p) => {
        const weight = weightOf(p);
        return `${positionOf(p)}${weight === 0 ? '' : WEIGHT_LETTERS[weight]}`;
      });
      part += `:${list.join(',')}`;
    }
    parts.push(part);
  }
  return parts.join(' ');
}

interface Reader {
  readonly text: string;
  at: number;
}

function skipSpaces(r: Reader): void {
  while (r.at < r.text.length && isSpace(r.text.charCodeAt(r.at))) r.at++;
}

/** Reads one lexeme; copies slices between escapes, since most lexemes have none. */
function readLexeme(r: Reader): string {
  const { text } = r;
  const quoted = text.charCodeAt(r.at) === QUOTE;
  if (quoted) r.at++;
  let lexeme = '';
  let from = r.at;
  for (;;) {
    if (r.at >= text.length) {
      if (quoted) throw new SyntaxError(`unterminated quoted lexeme in tsvector: ${text}`);
      break;
    }
    const c = text.charCodeAt(r.at);
    if (c === BACKSLASH) {
      if (r.at + 1 >= text.length) throw new SyntaxError(`dangling backslash in tsvector: ${text}`);
      lexeme += text.slice(from, r.at) + text[r.at + 1];
      r.at += 2;
      from = r.at;
    } else if (quoted && c === QUOTE) {
      lexeme += text.slice(from, r.at);
      r.at++;
      if (text.charCodeAt(r.at) !== QUOTE) return nonEmpty(lexeme, text);
      // A doubled quote is one quote character of the lexeme.
      from = r.at;
      r.at++;
    } else if (!quoted && (c === COLON || isSpace(c))) {
      break;
    } else {
      r.at++;
    }
  }
  return nonEmpty(lexeme + text.slice(from, r.at), text);
}

function nonEmpty(lexeme: string, text: string): string {
  if (lexeme === '') throw new SyntaxError(`empty lexeme in tsvector: ${text}`);
  return lexeme;
}

/** Reads `:3A,7,12B` (the reader stands on the colon) into WordEntryPos values, appended to `out`. */
function readPositions(r: Reader, out: number[]): void {
  const { text } = r;
  do {
    r.at++; // the ':' or ','
    const start = r.at;
    let position = 0;
    for (let c = text.charCodeAt(r.at); isDigit(c); c = text.charCodeAt(++r.at))
      position = Math.min(position * 10 + (c - 48), 0x3fff);
    if (r.at === start) throw new SyntaxError(`position expected in tsvector: ${text}`);
    const weight = WEIGHT_CODES[text[r.at] ?? ''];
    if (weight !== undefined) r.at++;
    out.push(((weight ?? 0) << 14) | position);
  } while (text[r.at] === ',');
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
