/**
 * A small curated English → Indonesian word list for the portal's search: the catalogue is written
 * in Indonesian, so an English reader's "population" finds nothing until it becomes "penduduk".
 * Kept as data; add a pair here when a common English search comes back empty.
 */
export const ENGLISH_TO_INDONESIAN: Readonly<Record<string, string>> = {
  population: 'penduduk',
  people: 'penduduk',
  poverty: 'kemiskinan',
  poor: 'miskin',
  health: 'kesehatan',
  hospital: 'rumah sakit',
  education: 'pendidikan',
  school: 'sekolah',
  student: 'siswa',
  students: 'siswa',
  teacher: 'guru',
  unemployment: 'pengangguran',
  employment: 'ketenagakerjaan',
  labor: 'tenaga kerja',
  labour: 'tenaga kerja',
  agriculture: 'pertanian',
  rice: 'padi',
  farm: 'pertanian',
  fishery: 'perikanan',
  livestock: 'peternakan',
  road: 'jalan',
  roads: 'jalan',
  budget: 'anggaran',
  revenue: 'pendapatan',
  income: 'pendapatan',
  tourism: 'pariwisata',
  village: 'desa',
  villages: 'desa',
  district: 'kecamatan',
  districts: 'kecamatan',
  birth: 'kelahiran',
  death: 'kematian',
  stunting: 'stunting',
  nutrition: 'gizi',
  water: 'air',
  environment: 'lingkungan hidup',
  waste: 'sampah',
  forest: 'hutan',
  crime: 'kriminalitas',
  transport: 'transportasi',
  industry: 'industri',
  trade: 'perdagangan',
  price: 'harga',
  prices: 'harga',
  inflation: 'inflasi',
  housing: 'perumahan',
  disaster: 'bencana',
  election: 'pemilu',
  religion: 'agama',
  gender: 'gender',
  women: 'perempuan',
  children: 'anak',
  child: 'anak',
  vaccination: 'imunisasi',
  immunization: 'imunisasi',
  covid: 'covid',
  development: 'pembangunan',
  'human development': 'pembangunan manusia',
  infrastructure: 'infrastruktur',
};

/** Indonesian terms for the English words of a query, each once: [{ en, id }]. */
export function indonesianTerms(query: string): { en: string; id: string }[] {
  const lower = query.toLowerCase();
  const out = new Map<string, string>();
  for (const phrase of Object.keys(ENGLISH_TO_INDONESIAN).filter((k) => k.includes(' ')))
    if (lower.includes(phrase)) out.set(phrase, ENGLISH_TO_INDONESIAN[phrase] as string);
  for (const w of lower.split(/[^\p{L}\p{N}]+/u)) {
    const id = ENGLISH_TO_INDONESIAN[w];
    if (id && id !== w && ![...out.keys()].some((k) => k.includes(w))) out.set(w, id);
  }
  return [...out].map(([en, id]) => ({ en, id }));
}

/** The query's words with each near-miss replaced by its suggestion; null when nothing changed. */
export function correctedQuery(words: string[], suggestions: (string | null)[]): string | null {
  let changed = false;
  const out = words.map((w, i) => {
    const s = suggestions[i];
    if (s && s !== w.toLowerCase()) {
      changed = true;
      return s;
    }
    return w;
  });
  return changed ? out.join(' ') : null;
}

/** The plain words of a query worth correcting (no field syntax, at least three letters). */
export function queryWords(q: string): string[] {
  if (/[:"()*]/.test(q)) return [];
  return q
    .split(/\s+/)
    .filter((w) => /^[\p{L}\p{N}-]{3,40}$/u.test(w))
    .slice(0, 5);
}
