/**
 * Personal identifiers in tabular data (issue #6 item 3): columns that look like NIK, KK
 * numbers, phone numbers or e-mail addresses, by their name or by their values. Flagged
 * columns are blocked from public release unless masked (`maskValue`).
 */

export type PiiKind = 'nik' | 'kk' | 'phone' | 'email';

export interface PiiFlag {
  field: string;
  kinds: PiiKind[];
  /** Why: the column name, the sampled values, or both. */
  reasons: ('name' | 'values')[];
  /** Sampled non-empty values that look like an identifier, of `sampled`. */
  matched: number;
  sampled: number;
}

export interface PiiOptions {
  /**
   * Known region prefixes (`352006`: province, regency, district digits of a Kemendagri code,
   * without dots). Without it only the province digits are checked against the official list.
   */
  regionPrefixes?: ReadonlySet<string>;
  /** Share of sampled values that must match for a column to be flagged (default 0.5). */
  threshold?: number;
}

/** Province codes of Kemendagri (the first two digits of every NIK and KK number). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
  '97',
]);

const NAME_HINTS: [RegExp, PiiKind][] = [
  [/^(nik|no_?nik|nomor_?nik|nomor_induk_kependudukan|ktp|no_?ktp)$/i, 'nik'],
  [/^(kk|no_?kk|nomor_?kk|nomor_kartu_keluarga|no_kartu_keluarga)$/i, 'kk'],
  [
    /^(telepon|telp|tlp|no_?telp|no_?telepon|hp|no_?hp|nomor_?hp|ponsel|handphone|phone|wa|no_?wa|whatsapp)$/i,
    'phone',
  ],
  [/^(email|e_?mail|surel|alamat_?email|alamat_?surel)$/i, 'email'],
];

function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function prefixValid(digits: string, opts: PiiOptions): boolean {
  const prefix = digits.slice(0, 6);
  if (opts.regionPrefixes) return opts.regionPrefixes.has(prefix);
  return PROVINCES.has(prefix.slice(0, 2)) && prefix.slice(2, 4) !== '00' && prefix.slice(4, 6) !== '00';
}

/** DDMMYY, day + 40 for women in a NIK (never in a KK number's issue date). */
function dateValid(ddmmyy: string, allowFemale: boolean): boolean {
  let day = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  if (allowFemale && day > 40) day -= 40;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** A 16-digit NIK: region prefix, birth date (day + 40 for women), a non-zero serial. */
export function looksLikeNik(value: string, opts: PiiOptions = {}): boolean {
  const d = value.replace(/[\s.-]/g, '');
  return (
    /^\d{16}$/.test(d) && prefixValid(d, opts) && dateValid(d.slice(6, 12), true) && d.slice(12) !== '0000'
  );
}

/** A 16-digit KK number: region prefix, issue date, a non-zero serial. */
export function looksLikeKk(value: string, opts: PiiOptions = {}): boolean {
  const d = value.replace(/[\s.-]/g, '');
  return (
    /^\d{16}$/.test(d) && prefixValid(d, opts) && dateValid(d.slice(6, 12), false) && d.slice(12) !== '0000'
  );
}

/** An Indonesian mobile number: 08…, +62 8…, 62 8…, 10–13 digits after the 0. */
export function looksLikePhone(value: string): boolean {
  const d = value.replace(/[\s().-]/g, '');
  return /^(\+62|62|0)8[1-9]\d{6,10}$/.test(d);
}

export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value.trim());
}

function valueKinds(value: string, opts: PiiOptions): PiiKind[] {
  const kinds: PiiKind[] = [];
  if (looksLikeNik(value, opts)) kinds.push('nik');
  if (looksLikeKk(value, opts)) kinds.push('kk');
  if (looksLikePhone(value)) kinds.push('phone');
  if (looksLikeEmail(value)) kinds.push('email');
  return kinds;
}

/**
 * The columns that look like personal identifiers, by name (`nik`, `no_kk`, `telepon`, `hp`,
 * `email` …) or because at least `threshold` of the sampled non-empty values match. A 16-digit
 * column whose values fit both NIK and KK is reported as NIK unless its name says KK.
 */
export function detectPersonalIdentifiers(
  columns: readonly string[],
  sampleRows: readonly (readonly unknown[] | Readonly<Record<string, unknown>>)[],
  opts: PiiOptions = {},
): PiiFlag[] {
  const threshold = opts.threshold ?? 0.5;
  const flags: PiiFlag[] = [];
  columns.forEach((column, index) => {
    const byName = NAME_HINTS.find(([re]) => re.test(normaliseName(column)))?.[1];
    const counts = new Map<PiiKind, number>();
    let sampled = 0;
    let matched = 0;
    for (const row of sampleRows) {
      const raw = Array.isArray(row) ? row[index] : (row as Record<string, unknown>)[column];
      if (raw === null || raw === undefined) continue;
      const value = String(raw).trim();
      if (!value) continue;
      sampled++;
      const kinds = valueKinds(value, opts);
      if (kinds.length) matched++;
      for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const byValues = sampled > 0 && matched / sampled >= threshold;
    if (!byName && !byValues) return;
    const kinds = new Set<PiiKind>();
    if (byName) kinds.add(byName);
    if (byValues) {
      for (const [k, n] of counts) if (n / sampled >= threshold) kinds.add(k);
      // 16 digits fit both; the name decides, NIK otherwise.
      if (kinds.has('nik') && kinds.has('kk')) kinds.delete(byName === 'kk' ? 'nik' : 'kk');
    }
    flags.push({
      field: column,
      kinds: [...kinds],
      reasons: [...(byName ? (['name'] as const) : []), ...(byValues ? (['values'] as const) : [])],
      matched,
      sampled,
    });
  });
  return flags;
}

/**
 * Mask an identifier for public release: NIK/KK keep the 6-digit region prefix, phones the
 * first 4 and last 2 digits, e-mail the first letter and the domain; anything else keeps its
 * first 2 characters. Masking keeps the length, so columns still line up.
 */
export function maskValue(value: string, kind?: PiiKind): string {
  const v = value.trim();
  if (!v) return v;
  const k = kind ?? valueKinds(v, {})[0];
  const stars = (n: number) => '*'.repeat(Math.max(0, n));
  if (k === 'nik' || k === 'kk') {
    const d = v.replace(/[\s.-]/g, '');
    return d.slice(0, 6) + stars(d.length - 6);
  }
  if (k === 'phone') {
    const d = v.replace(/[\s().-]/g, '');
    return d.slice(0, 4) + stars(d.length - 6) + d.slice(-2);
  }
  if (k === 'email') {
    const at = v.lastIndexOf('@');
    if (at > 0) return v.slice(0, 1) + stars(at - 1) + v.slice(at);
  }
  return v.slice(0, 2) + stars(v.length - 2);
}
