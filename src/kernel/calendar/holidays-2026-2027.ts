import type { Holiday } from './working-calendar.js';

/**
 * National holidays (libur nasional) and collective leave (cuti bersama) for 2026 and 2027,
 * the seed for every region's editable holiday list. Each year comes from the joint decree of
 * the Ministers of Religious Affairs, Manpower and PANRB (SKB 3 Menteri); regions add their
 * own closures (`regional`) and fix dates when a decree is amended.
 *
 * 2026: SKB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025, announced on
 * 19 September 2025: 17 holidays and 8 days of cuti bersama. Cross-checked against several
 * public listings of the decree, which all agree.
 *
 * 2027: SKB Nomor 1205 Tahun 2026, Nomor 3 Tahun 2026, Nomor 2 Tahun 2026 (15 September 2026):
 * 18 holidays (Isra Mikraj falls twice) and 8 days of cuti bersama. Taken from public
 * listings of the decree that agree with one another; the signed text was NOT at hand when
 * this was written, so these are marked `tentative: true`:
 * - every date set by the Hijri calendar (Isra Mikraj, Idul Fitri, Idul Adha, 1 Muharam,
 *   Maulid), because the government's isbat can still move them by a day, and the cuti
 *   bersama attached to them;
 * - Nyepi, on which the listings disagree (8 or 9 March);
 * - every other cuti bersama, because it exists only by the decree we could not read.
 * Fixed dates, Easter-derived dates (Good Friday, Easter, Ascension), Imlek and Waisak are
 * not marked. Check the tentative entries against the signed decree and clear the flag.
 */
export const HOLIDAYS_2026_2027: readonly Holiday[] = Object.freeze([
  // 2026
  holiday('2026-01-01', 'Tahun Baru 2026 Masehi'),
  holiday('2026-01-16', 'Isra Mikraj Nabi Muhammad S.A.W.'),
  leave('2026-02-16', 'Cuti bersama Tahun Baru Imlek 2577 Kongzili'),
  holiday('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  leave('2026-03-18', 'Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  holiday('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  leave('2026-03-20', 'Cuti bersama Idul Fitri 1447 Hijriah'),
  holiday('2026-03-21', 'Idul Fitri 1447 Hijriah'),
  holiday('2026-03-22', 'Idul Fitri 1447 Hijriah'),
  leave('2026-03-23', 'Cuti bersama Idul Fitri 1447 Hijriah'),
  leave('2026-03-24', 'Cuti bersama Idul Fitri 1447 Hijriah'),
  holiday('2026-04-03', 'Wafat Yesus Kristus'),
  holiday('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  holiday('2026-05-01', 'Hari Buruh Internasional'),
  holiday('2026-05-14', 'Kenaikan Yesus Kristus'),
  leave('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'),
  holiday('2026-05-27', 'Idul Adha 1447 Hijriah'),
  leave('2026-05-28', 'Cuti bersama Idul Adha 1447 Hijriah'),
  holiday('2026-05-31', 'Hari Raya Waisak 2570 BE'),
  holiday('2026-06-01', 'Hari Lahir Pancasila'),
  holiday('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'),
  holiday('2026-08-17', 'Proklamasi Kemerdekaan'),
  holiday('2026-08-25', 'Maulid Nabi Muhammad S.A.W.'),
  leave('2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus'),
  holiday('2026-12-25', 'Kelahiran Yesus Kristus'),
  // 2027
  holiday('2027-01-01', 'Tahun Baru 2027 Masehi'),
  holiday('2027-01-05', 'Isra Mikraj Nabi Muhammad S.A.W. 1448 Hijriah', true),
  leave('2027-02-05', 'Cuti bersama Tahun Baru Imlek 2578 Kongzili', true),
  holiday('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili'),
  holiday('2027-03-08', 'Hari Suci Nyepi (Tahun Baru Saka 1949)', true),
  leave('2027-03-09', 'Cuti bersama Idul Fitri 1448 Hijriah', true),
  holiday('2027-03-10', 'Idul Fitri 1448 Hijriah', true),
  holiday('2027-03-11', 'Idul Fitri 1448 Hijriah', true),
  leave('2027-03-12', 'Cuti bersama Idul Fitri 1448 Hijriah', true),
  leave('2027-03-15', 'Cuti bersama Idul Fitri 1448 Hijriah', true),
  leave('2027-03-25', 'Cuti bersama Wafat Yesus Kristus', true),
  holiday('2027-03-26', 'Wafat Yesus Kristus'),
  holiday('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'),
  holiday('2027-05-01', 'Hari Buruh Internasional'),
  holiday('2027-05-06', 'Kenaikan Yesus Kristus'),
  holiday('2027-05-17', 'Idul Adha 1448 Hijriah', true),
  leave('2027-05-18', 'Cuti bersama Idul Adha 1448 Hijriah', true),
  leave('2027-05-19', 'Cuti bersama Hari Raya Waisak 2571 BE', true),
  holiday('2027-05-20', 'Hari Raya Waisak 2571 BE'),
  holiday('2027-06-01', 'Hari Lahir Pancasila'),
  holiday('2027-06-06', '1 Muharam Tahun Baru Islam 1449 Hijriah', true),
  holiday('2027-08-15', 'Maulid Nabi Muhammad S.A.W.', true),
  holiday('2027-08-17', 'Proklamasi Kemerdekaan'),
  leave('2027-12-24', 'Cuti bersama Kelahiran Yesus Kristus', true),
  holiday('2027-12-25', 'Kelahiran Yesus Kristus'),
  holiday('2027-12-26', 'Isra Mikraj Nabi Muhammad S.A.W. 1449 Hijriah', true),
]);

function holiday(date: string, name: string, tentative = false): Holiday {
  return Object.freeze(
    tentative ? { date, name, kind: 'national', tentative } : { date, name, kind: 'national' },
  );
}

function leave(date: string, name: string, tentative = false): Holiday {
  return Object.freeze(
    tentative
      ? { date, name, kind: 'collective_leave', tentative }
      : { date, name, kind: 'collective_leave' },
  );
}
