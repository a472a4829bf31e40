/**
 * Update frequencies (Periodisitas), with the EU frequency vocabulary code used in DCAT-AP
 * (dct:accrualPeriodicity) and labels in both languages.
 */
export const FREQUENCIES = {
  annual: { euCode: 'ANNUAL', id: 'Tahunan', en: 'Annual' },
  semiannual: { euCode: 'ANNUAL_2', id: 'Semesteran', en: 'Semiannual' },
  quarterly: { euCode: 'QUARTERLY', id: 'Triwulanan', en: 'Quarterly' },
  monthly: { euCode: 'MONTHLY', id: 'Bulanan', en: 'Monthly' },
  weekly: { euCode: 'WEEKLY', id: 'Mingguan', en: 'Weekly' },
  daily: { euCode: 'DAILY', id: 'Harian', en: 'Daily' },
  irregular: { euCode: 'IRREG', id: 'Tidak tentu', en: 'Irregular' },
  once: { euCode: 'NEVER', id: 'Sekali', en: 'Once' },
} as const;
export type Frequency = keyof typeof FREQUENCIES;
export const FREQUENCY_IDS = Object.keys(FREQUENCIES) as Frequency[];
