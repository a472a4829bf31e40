import type { TimeZone } from './working-calendar.js';

/**
 * Indonesia's three time zones by region code (Keppres 41/1987, in force since 1988):
 * WIB (UTC+7) for Sumatra, Java, West and Central Kalimantan; WITA (UTC+8) for Bali, the
 * Nusa Tenggara, South/East/North Kalimantan and Sulawesi; WIT (UTC+9) for Maluku, North
 * Maluku and every Papua province. A regency or city lies in its province's zone, so the
 * first two digits of a Kemendagri code decide.
 */
const PROVINCE_ZONE: Record<string, TimeZone> = {
  // Sumatra, Riau Islands, Java, Banten
  '11': 'Asia/Jakarta', // Aceh
  '12': 'Asia/Jakarta', // Sumatera Utara
  '13': 'Asia/Jakarta', // Sumatera Barat
  '14': 'Asia/Jakarta', // Riau
  '15': 'Asia/Jakarta', // Jambi
  '16': 'Asia/Jakarta', // Sumatera Selatan
  '17': 'Asia/Jakarta', // Bengkulu
  '18': 'Asia/Jakarta', // Lampung
  '19': 'Asia/Jakarta', // Kepulauan Bangka Belitung
  '21': 'Asia/Jakarta', // Kepulauan Riau
  '31': 'Asia/Jakarta', // DKI Jakarta
  '32': 'Asia/Jakarta', // Jawa Barat
  '33': 'Asia/Jakarta', // Jawa Tengah
  '34': 'Asia/Jakarta', // DI Yogyakarta
  '35': 'Asia/Jakarta', // Jawa Timur
  '36': 'Asia/Jakarta', // Banten
  // Bali and Nusa Tenggara
  '51': 'Asia/Makassar', // Bali
  '52': 'Asia/Makassar', // Nusa Tenggara Barat
  '53': 'Asia/Makassar', // Nusa Tenggara Timur
  // Kalimantan: West and Central keep WIB, the rest is WITA
  '61': 'Asia/Jakarta', // Kalimantan Barat
  '62': 'Asia/Jakarta', // Kalimantan Tengah
  '63': 'Asia/Makassar', // Kalimantan Selatan
  '64': 'Asia/Makassar', // Kalimantan Timur
  '65': 'Asia/Makassar', // Kalimantan Utara
  // Sulawesi
  '71': 'Asia/Makassar', // Sulawesi Utara
  '72': 'Asia/Makassar', // Sulawesi Tengah
  '73': 'Asia/Makassar', // Sulawesi Selatan
  '74': 'Asia/Makassar', // Sulawesi Tenggara
  '75': 'Asia/Makassar', // Gorontalo
  '76': 'Asia/Makassar', // Sulawesi Barat
  // Maluku and Papua
  '81': 'Asia/Jayapura', // Maluku
  '82': 'Asia/Jayapura', // Maluku Utara
  '91': 'Asia/Jayapura', // Papua
  '92': 'Asia/Jayapura', // Papua Barat
  '93': 'Asia/Jayapura', // Papua Selatan
  '94': 'Asia/Jayapura', // Papua Tengah
  '95': 'Asia/Jayapura', // Papua Pegunungan
  '96': 'Asia/Jayapura', // Papua Barat Daya
};

/** Every province code this table knows (the test checks it against the official list). */
export const ZONED_PROVINCES: readonly string[] = Object.keys(PROVINCE_ZONE);

/**
 * The default time zone of a region ('82', '35.20', '3520'): its province's zone. A province
 * created after this table (a new Papua split) falls back by the code's first digit (8–9 → WIT,
 * 5 and 7 → WITA, 6x → WITA east of Central Kalimantan), else WIB.
 */
export function timeZoneForRegion(regionCode: string): TimeZone {
  const province = regionCode.replace(/\D/g, '').slice(0, 2);
  const known = PROVINCE_ZONE[province];
  if (known) return known;
  const first = province[0];
  if (first === '8' || first === '9') return 'Asia/Jayapura';
  if (first === '5' || first === '7' || (first === '6' && Number(province) > 62)) return 'Asia/Makassar';
  return 'Asia/Jakarta';
}

/** What people write after a time: WIB, WITA, WIT (the same in both languages). */
export const ZONE_ABBREVIATION: Record<TimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** The abbreviation of one of the three zones, or undefined for any other zone name. */
export function zoneAbbreviation(timeZone: string): string | undefined {
  return (ZONE_ABBREVIATION as Record<string, string>)[timeZone];
}
