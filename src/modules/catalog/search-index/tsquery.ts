/**
 * PostgreSQL's tsquery text form (`'kota' & !'desa' | 'jalan' <-> 'raya'`), read into a tree the
 * in-memory search can match and rank with.
 *
 * The tree keeps what ts_rank and `@@` depend on: the root operator (tsrank.c's calc_rank picks
 * calc_rank_and for an AND or PHRASE root, calc_rank_or otherwise) and every operand, NOT ones
 * included (SortAndUniqItems collects them all). Operators of equal priority are read
 * left-associatively; PostgreSQL may hold them nested the other way, which changes neither the
 * root operator, the operand list nor the boolean result.
 */

/** One lexeme of the query. */
export interface TsOperand {
  readonly kind: 'operand';
  readonly lexeme: string;
  /** `:*`, a prefix match. */
  readonly prefix: boolean;
  /** `:AB…` as PostgreSQL's bitmask (A=8, B=4, C=2, D=1); 0 means any weight. */
  readonly weights: number;
}

export interface TsNot {
  readonly kind: 'not';
  readonly operand: TsQuery;
}

export interface TsBinary {
  readonly kind: 'and' | 'or';
  readonly left: TsQuery;
  readonly right: TsQuery;
}

export interface TsPhrase {
  readonly kind: 'phrase';
  /** `<->` is 1, `<N>` is N. */
  readonly distance: number;
  readonly left: TsQuery;
  readonly right: TsQuery;
}

/** A parsed, non-empty tsquery. */
export type TsQuery = TsOperand | TsNot | TsBinary | TsPhrase;

/** tsquery.c's tsearch_op_priority: NOT binds tightest, then PHRASE, AND, OR. */
const PRIORITY = { not: 4, phrase: 3, and: 2, or: 1 } as const;
const WEIGHT_BITS: Readonly<Record<string, number>> = { A: 8, B: 4, C: 2, D: 1, a: 8, b: 4, c: 2, d: 1 };

/**
 * Parses tsquery text output into a tree; null for the empty query (all stop words, or no
 * words at all), which matches nothing and ranks 0 in PostgreSQL. Throws on text PostgreSQL
 * would not have produced.
 */
export function parseTsquery(text: string): TsQuery | null {
  const parser = new Parser(text);
  if (parser.peek() === undefined) return null;
  const q = parser.parseOr();
  if (parser.peek() !== undefined) throw parser.error('unexpected');
  return q;
}

/**
 * True when the query has no phrase operator, no prefix and no weight restriction: then `@@` is a
 * plain AND/OR/NOT over which lexemes a document has, and `matches` can evaluate it.
 */
export function isSimple(q: TsQuery): boolean {
  switch (q.kind) {
    case 'operand':
      return !q.prefix && q.weights === 0;
    case 'not':
      return isSimple(q.operand);
    case 'phrase':
      return false;
    default:
      return isSimple(q.left) && isSimple(q.right);
  }
}

/**
 * `doc @@ q` for a simple query (TS_execute without positions): AND, OR and NOT over lexeme
 * presence. Throws for a query that is not simple, whose answer would need positions or weights.
 */
export function matches(q: TsQuery, doc: ReadonlyMap<string, Uint16Array>): boolean {
  switch (q.kind) {
    case 'operand':
      if (q.prefix || q.weights !== 0) throw new Error('matches() evaluates only simple queries');
      return doc.has(q.lexeme);
    case 'not':
      return !matches(q.operand, doc);
    case 'and':
      return matches(q.left, doc) && matches(q.right, doc);
    case 'or':
      return matches(q.left, doc) || matches(q.right, doc);
    case 'phrase':
      throw new Error('matches() evaluates only simple queries');
  }
}

/** Every operand of the query, NOT ones included, duplicates kept, in text order. */
export function queryOperands(q: TsQuery, into: TsOperand[] = []): TsOperand[] {
  if (q.kind === 'operand') into.push(q);
  else if (q.kind === 'not') queryOperands(q.operand, into);
  else {
    queryOperands(q.left, into);
    queryOperands(q.right, into);
  }
  return into;
}

/**
 * The text PostgreSQL prints for the query (tsquery.c's infix): parentheses only where a lower
 * priority sits under a higher one, or a phrase is the right side of a phrase.
 */
export function formatTsquery(q: TsQuery): string {
  return formatNode(q, 0, false);
}

function formatNode(q: TsQuery, parentPriority: number, rightOfPhrase: boolean): string {
  if (q.kind === 'operand') return formatOperand(q);
  if (q.kind === 'not') return `!${formatNode(q.operand, PRIORITY.not, false)}`;
  const priority = PRIORITY[q.kind];
  const operator =
    q.kind === 'phrase' ? (q.distance === 1 ? '<->' : `<${q.distance}>`) : q.kind === 'and' ? '&' : '|';
  const text = `${formatNode(q.left, priority, false)} ${operator} ${formatNode(q.right, priority, q.kind === 'phrase')}`;
  return priority < parentPriority || (q.kind === 'phrase' && rightOfPhrase) ? `( ${text} )` : text;
}

function formatOperand(q: TsOperand): string {
  let text = `'${q.lexeme.replace(/['\\]/g, (c) => c + c)}'`;
  if (q.prefix || q.weights !== 0) {
    text += ':';
    if (q.prefix) text += '*';
    for (const [letter, bit] of [
      ['A', 8],
      ['B', 4],
      ['C', 2],
      ['D', 1],
    ] as const) {
      if (q.weights & bit) text += letter;
    }
  }
  return text;
}

type Token =
  | { type: 'operand'; operand: TsOperand }
  | { type: '!' | '&' | '|' | '(' | ')' }
  | { type: 'phrase'; distance: number };

/** Recursive descent over the tokens, one level per priority (OR < AND < PHRASE < NOT). */
class Parser {
  private readonly tokens: Token[];
  private at = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  peek(): Token | undefined {
    return this.tokens[this.at];
  }

  error(what: string): SyntaxError {
    return new SyntaxError(`${what} token ${this.at} in tsquery: ${this.text}`);
  }

  parseOr(): TsQuery {
    let left = this.parseAnd();
    while (this.peek()?.type === '|') {
      this.at++;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): TsQuery {
    let left = this.parsePhrase();
    while (this.peek()?.type === '&') {
      this.at++;
      left = { kind: 'and', left, right: this.parsePhrase() };
    }
    return left;
  }

  private parsePhrase(): TsQuery {
    let left = this.parseUnary();
    for (let t = this.peek(); t?.type === 'phrase'; t = this.peek()) {
      this.at++;
      left = { kind: 'phrase', distance: t.distance, left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): TsQuery {
    const t = this.tokens[this.at++];
    if (t?.type === 'operand') return t.operand;
    if (t?.type === '!') return { kind: 'not', operand: this.parseUnary() };
    if (t?.type === '(') {
      const inner = this.parseOr();
      if (this.tokens[this.at++]?.type !== ')') throw this.error('missing ) at');
      return inner;
    }
    this.at--;
    throw this.error('operand expected at');
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const c = text[at] ?? '';
    if (/\s/.test(c)) {
      at++;
    } else if (c === '!' || c === '&' || c === '|' || c === '(' || c === ')') {
      tokens.push({ type: c });
      at++;
    } else if (c === '<') {
      const m = /^<(-|\d+)>/.exec(text.slice(at, at + 8));
      if (!m?.[1]) throw new SyntaxError(`bad phrase operator at ${at} in tsquery: ${text}`);
      tokens.push({ type: 'phrase', distance: m[1] === '-' ? 1 : Number(m[1]) });
      at += m[0].length;
    } else {
      const read = readOperand(text, at);
      tokens.push({ type: 'operand', operand: read.operand });
      at = read.end;
    }
  }
  return tokens;
}

/** A quoted (`'it''s'`) or bare lexeme with its optional `:*AB` flags. */
function readOperand(text: string, start: number): { operand: TsOperand; end: number } {
  const quoted = text[start] === "'";
  let at = quoted ? start + 1 : start;
  let lexeme = '';
  for (;;) {
    const c = text[at];
    if (c === undefined) {
      if (quoted) throw new SyntaxError(`unterminated quoted lexeme in tsquery: ${text}`);
      break;
    }
    if (c === '\\' && at + 1 < text.length) {
      lexeme += text[at + 1];
      at += 2;
    } else if (quoted && c === "'") {
      at++;
      if (text[at] !== "'") break;
      lexeme += "'";
      at++;
    } else if (!quoted && /[\s!&|()<:']/.test(c)) {
      break;
    } else {
      lexeme += c;
      at++;
    }
  }
  if (lexeme === '') throw new SyntaxError(`empty operand at ${start} in tsquery: ${text}`);
  let prefix = false;
  let weights = 0;
  if (text[at] === ':') {
    for (at++; at < text.length; at++) {
      const c = text[at] ?? '';
      const bit = WEIGHT_BITS[c];
      if (c === '*') prefix = true;
      else if (bit !== undefined) weights |= bit;
      else break;
    }
  }
  return { operand: { kind: 'operand', lexeme, prefix, weights }, end: at };
}
