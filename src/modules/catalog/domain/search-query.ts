import { SearchQueryError } from '../../../kernel/errors.js';

/**
 * CKAN `package_search` queries (`q`, `fq`) in the subset of Solr's Lucene syntax clients and
 * harvesters send, parsed into clauses the repository turns into SQL with bound parameters.
 * Terms are ANDed; `OR` joins neighbours; `-` negates; values may be bare, "quoted",
 * `(a OR b)` or a range `[from TO to]`.
 */
export const SEARCH_FIELDS = [
  'organization',
  'owner_org',
  'groups',
  'tags',
  'res_format',
  'license_id',
  'name',
  'id',
  'title',
  'text',
  'capacity',
  'metadata_modified',
  'metadata_created',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export const RANGE_FIELDS = ['metadata_modified', 'metadata_created'] as const;
export type RangeField = (typeof RANGE_FIELDS)[number];

export type Clause =
  | { kind: 'term'; field: Exclude<SearchField, RangeField>; value: string; negate: boolean }
  | {
      kind: 'range';
      field: RangeField;
      from: Date | null;
      to: Date | null;
      negate: boolean;
      /** Solr's `{` / `}`: the bound itself is left out (`[` / `]` include it). */
      fromExclusive?: true;
      toExclusive?: true;
    }
  | { kind: 'any'; clauses: Clause[]; negate: boolean };

export interface ParsedQuery {
  clauses: Clause[];
  /** Free words for full-text search, in order. */
  text: string[];
}

/** `detail` is written "Indonesian / English"; each language gets its own half. */
function invalid(detail: string): SearchQueryError {
  const [idText, enText] = detail.split(' / ');
  return new SearchQueryError({
    id: `Kueri pencarian tidak valid: ${idText}`,
    en: `Search Query is invalid: ${enText ?? idText}`,
  });
}

/** Split at top-level spaces, keeping "quoted", [ranges], {exclusive ranges} and (groups) whole. */
export function tokenize(input: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let depthParen = 0;
  let inRange = false;
  let inQuote = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (ch === '\\' && i + 1 < input.length) {
      current += ch + input[++i];
      continue;
    }
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && (ch === '[' || ch === '{')) inRange = true;
    else if (!inQuote && (ch === ']' || ch === '}')) inRange = false;
    else if (!inQuote && !inRange && ch === '(') depthParen++;
    else if (!inQuote && !inRange && ch === ')') depthParen = Math.max(0, depthParen - 1);
    if (/\s/.test(ch) && !inQuote && !inRange && depthParen === 0) {
      if (current) tokens.push(current);
      current = '';
    } else current += ch;
  }
  if (inQuote) throw invalid('tanda petik tidak ditutup / unclosed quote');
  if (inRange) throw invalid('rentang tidak ditutup / unclosed range');
  if (depthParen > 0) throw invalid('kurung tidak ditutup / unclosed parenthesis');
  if (current) tokens.push(current);
  return tokens;
}

function unquote(value: string): string {
  const v = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  return v.replace(/\\(.)/g, '$1');
}

/** `*`, `NOW`, `NOW-7DAYS`, an ISO date or date-time (with or without Z). */
function parseBound(raw: string): Date | null {
  const v = raw.trim();
  if (v === '*') return null;
  const now = /^NOW(?:([+-])(\d+)(DAY|DAYS|HOUR|HOURS|MONTH|MONTHS|YEAR|YEARS))?(?:\/DAY)?$/i.exec(v);
  if (now) {
    const d = new Date();
    if (now[1] && now[2] && now[3]) {
      const n = Number(now[2]) * (now[1] === '-' ? -1 : 1);
      const unit = now[3].toUpperCase();
      if (unit.startsWith('DAY')) d.setUTCDate(d.getUTCDate() + n);
      else if (unit.startsWith('HOUR')) d.setUTCHours(d.getUTCHours() + n);
      else if (unit.startsWith('MONTH')) d.setUTCMonth(d.getUTCMonth() + n);
      else d.setUTCFullYear(d.getUTCFullYear() + n);
    }
    return d;
  }
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/.test(v))
    throw invalid(`tanggal "${v}" / date "${v}"`);
  const iso = v.length === 10 ? `${v}T00:00:00Z` : v.endsWith('Z') ? v : `${v}Z`;
  const d = new Date(iso.replace(' ', 'T'));
  if (Number.isNaN(d.getTime())) throw invalid(`tanggal "${v}" / date "${v}"`);
  return d;
}

function parseClause(token: string): Clause | string {
  const negate = token.startsWith('-') || token.startsWith('!');
  const body = token.replace(/^[+\-!]/, '');
  const m = /^([A-Za-z_]+):(.+)$/s.exec(body);
  if (!m) return unquote(body);
  const field = (m[1] as string).toLowerCase();
  const raw = m[2] as string;
  if (!(SEARCH_FIELDS as readonly string[]).includes(field))
    throw invalid(`kolom "${field}" / unknown field "${field}"`);
  if ((RANGE_FIELDS as readonly string[]).includes(field)) {
    const r = /^([[{])(.+?)\s+TO\s+(.+?)([\]}])$/i.exec(raw);
    if (!r) throw invalid(`${field} harus berupa rentang / must be a range [from TO to]`);
    return {
      kind: 'range',
      field: field as RangeField,
      from: parseBound(r[2] as string),
      to: parseBound(r[3] as string),
      negate,
      ...(r[1] === '{' ? { fromExclusive: true as const } : {}),
      ...(r[4] === '}' ? { toExclusive: true as const } : {}),
    };
  }
  const f = field as Exclude<SearchField, RangeField>;
  if (raw.startsWith('(') && raw.endsWith(')')) {
    const values = tokenize(raw.slice(1, -1)).filter((v) => !/^(OR|AND)$/i.test(v));
    return {
      kind: 'any',
      negate,
      clauses: values.map((v) => ({ kind: 'term', field: f, value: unquote(v), negate: false })),
    };
  }
  return { kind: 'term', field: f, value: unquote(raw), negate };
}

/** Parse a `q` or `fq` string. `*:*` and blanks match everything. */
export function parseSearchQuery(input: string | undefined): ParsedQuery {
  const result: ParsedQuery = { clauses: [], text: [] };
  if (!input || input.trim() === '' || input.trim() === '*:*') return result;
  if (input.length > 2000) throw invalid('terlalu panjang / too long');
  let joinNext = false;
  for (const token of tokenize(input)) {
    if (token === '*:*' || /^(AND|&&)$/i.test(token)) continue;
    if (/^(OR|\|\|)$/i.test(token)) {
      joinNext = true;
      continue;
    }
    const parsed = parseClause(token);
    if (typeof parsed === 'string') {
      if (parsed.trim()) result.text.push(parsed);
      joinNext = false;
      continue;
    }
    const previous = result.clauses.at(-1);
    if (joinNext && previous) {
      const group: Clause =
        previous.kind === 'any' && !previous.negate
          ? previous
          : { kind: 'any', negate: false, clauses: [previous] };
      group.clauses.push(parsed);
      result.clauses[result.clauses.length - 1] = group;
    } else result.clauses.push(parsed);
    joinNext = false;
  }
  return result;
}

/** Sort keys `package_search` accepts, mapped to what the repository orders by. */
export const SORT_FIELDS = {
  score: 'score',
  id: 'id',
  name: 'name',
  title_string: 'title',
  title: 'title',
  metadata_modified: 'metadata_modified',
  metadata_created: 'metadata_created',
  views_recent: 'view_count',
  views_total: 'view_count',
} as const;
export type SortKey = (typeof SORT_FIELDS)[keyof typeof SORT_FIELDS];
export interface SortTerm {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** Parse `score desc, metadata_modified desc` into sort terms; unknown fields and a missing direction are refused, as Solr refuses them. */
export function parseSort(sort: string | undefined): SortTerm[] {
  const input = sort?.trim() || 'score desc, metadata_modified desc';
  return input.split(',').map((part) => {
    const [field = '', dir = '', ...rest] = part.trim().split(/\s+/);
    const key = SORT_FIELDS[field.toLowerCase() as keyof typeof SORT_FIELDS];
    const d = dir.toLowerCase();
    if (!key || rest.length || (d !== 'asc' && d !== 'desc'))
      throw invalid(`urutan "${part.trim()}" / sort "${part.trim()}"`);
    return { key, dir: d };
  });
}
