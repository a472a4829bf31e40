import Holidays from 'date-holidays';
import { HOLIDAYS_2026_2027 } from './holidays-2026-2027.js';
import type { Holiday } from './working-calendar.js';

/**
 * The national holidays of any year, and the collective leave (cuti bersama) the government
 * decrees for it. A region's editable holiday list is seeded from here, one year at a time.
 *
 * Years with a joint decree at hand (SKB 3 Menteri) use the decree: its holidays and its cuti
 * bersama, each carrying the decree's reference. Other years come from the maintained
 * `date-holidays` library (Indonesia): fixed-date, Easter-derived and Chinese-calendar
 * holidays are exact; Hijri-calendar dates are the library's estimate and stay `tentative`
 * until the region checks them against the decree (the isbat can move them by a day). Nyepi
 * and Waisak follow the Balinese and Buddhist councils and the library lists them only for
 * the years it knows; the region adds them by hand otherwise. No year after a decree gets
 * cuti bersama: they exist only by decree, so they are data, never computed.
 */

/** A holiday as seeded: the domain's Holiday with its English name. */
export interface SeedHoliday extends Holiday {
  nameEn: string | null;
}

/** The joint decrees (SKB Menag, Menaker, MenPAN-RB) behind the years we hold as data. */
export const HOLIDAY_DECREES: Readonly<Record<number, string>> = Object.freeze({
  2026: 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025',
  2027: 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1205 Tahun 2026, Nomor 3 Tahun 2026, Nomor 2 Tahun 2026',
});

/** Indonesian names by the library's English name: its own Indonesian names have slips. */
const NAME_ID: Record<string, string> = {
  "New Year's Day": 'Tahun Baru Masehi',
  'Chinese New Year': 'Tahun Baru Imlek',
  'End of Ramadan (Eid al-Fitr)': 'Idul Fitri',
  'Good Friday': 'Wafat Yesus Kristus',
  'Easter Sunday': 'Kebangkitan Yesus Kristus (Paskah)',
  'Labour Day': 'Hari Buruh Internasional',
  'Feast of the Sacrifice (Eid al-Adha)': 'Idul Adha',
  'Islamic New Year': '1 Muharam Tahun Baru Islam',
  'Ascension Day': 'Kenaikan Yesus Kristus',
  'Pancasila Day': 'Hari Lahir Pancasila',
  'Birthday of Muhammad (Mawlid)': 'Maulid Nabi Muhammad S.A.W.',
  'Independence Day': 'Proklamasi Kemerdekaan',
  "Laylat al-Mi'raj": 'Isra Mikraj Nabi Muhammad S.A.W.',
  'Christmas Day': 'Kelahiran Yesus Kristus',
  Nyepi: 'Hari Suci Nyepi',
  'Vesak Day': 'Hari Raya Waisak',
};

/** Hijri-calendar rules ("1 Shawwal", "27 Rajab"): dates the isbat may still move. */
const HIJRI_RULE = /\b(Muharram|Safar|Rabi|Jumada|Rajab|Shaban|Ramadan|Shawwal|Dhu)/;

let library: Holidays | undefined;

/** The library's public holidays of Indonesia in `year`, one entry per date (two on a day are joined). */
export function libraryHolidays(year: number): SeedHoliday[] {
  library ??= new Holidays('ID', { types: ['public'] });
  const byDate = new Map<string, SeedHoliday>();
  for (const h of library.getHolidays(year, 'en')) {
    const date = h.date.slice(0, 10);
    const nameId = NAME_ID[h.name] ?? h.name;
    const tentative = HIJRI_RULE.test(h.rule);
    const known = byDate.get(date);
    if (known) {
      known.name = `${known.name}; ${nameId}`;
      known.nameEn = `${known.nameEn}; ${h.name}`;
      if (tentative) known.tentative = true;
      continue;
    }
    byDate.set(date, {
      date,
      name: nameId,
      nameEn: h.name,
      kind: 'national',
      ...(tentative ? { tentative } : {}),
    });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The holidays and cuti bersama to seed for `year`: the decree's list when we hold it (every
 * entry names the decree), else the library's national holidays.
 */
export function nationalHolidaysOf(year: number): SeedHoliday[] {
  const decree = HOLIDAY_DECREES[year];
  if (!decree) return libraryHolidays(year);
  return HOLIDAYS_2026_2027.filter((h) => h.date.startsWith(`${year}-`)).map((h) => ({
    ...h,
    nameEn: null,
    decree,
  }));
}
