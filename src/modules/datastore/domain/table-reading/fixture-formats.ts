/**
 * Writes numbers, dates and text the ways Indonesian (and English) Excel exports them, for the
 * generated test fixtures and the property tests. Formatting goes through the platform's Intl
 * (CLDR data for `id-ID` and `en-US`), not through the parsers' own tables, so a round trip
 * checks the parsers against an independent writer; Windows-1252 bytes come from iconv-lite.
 */
import iconv from 'iconv-lite';

/** `id`: 1.234.567,89 · `id-plain`: 1234567,89 · `id-percent`: 12,5% · `id-accounting`: (3,25) · `en`: 1,234,567.89 · `en-plain`: 1234567.89 */
export type NumberWriting = 'id' | 'id-plain' | 'id-percent' | 'id-accounting' | 'en' | 'en-plain';

/** slash 31/12/2024 · dash 31-12-2024 · iso 2024-12-31 · long-id 31 Desember 2024 · short-id 31 Des 2024 · weekday-id Selasa, 31 Desember 2024 · long-en 31 December 2024 · month-id Des-24 */
export type DateWriting =
  | 'slash'
  | 'dash'
  | 'iso'
  | 'long-id'
  | 'short-id'
  | 'weekday-id'
  | 'long-en'
  | 'month-id';

export type ByteEncoding =
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-16le'
  | 'utf-16le-bom'
  | 'utf-16be-bom'
  | 'windows-1252';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, useGrouping: boolean): Intl.NumberFormat {
  const key = `${locale}:${useGrouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping, maximumFractionDigits: 20 });
    numberFormats.set(key, format);
  }
  return format;
}

/** Formats a number as one of the {@link NumberWriting}s. */
export function formatNumber(value: number, writing: NumberWriting): string {
  switch (writing) {
    case 'id':
      return numberFormat('id-ID', true).format(value);
    case 'id-plain':
      return numberFormat('id-ID', false).format(value);
    case 'id-percent':
      return `${numberFormat('id-ID', true).format(value)}%`;
    case 'id-accounting':
      return value < 0
        ? `(${numberFormat('id-ID', true).format(-value)})`
        : numberFormat('id-ID', true).format(value);
    case 'en':
      return numberFormat('en-US', true).format(value);
    case 'en-plain':
      return numberFormat('en-US', false).format(value);
  }
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): (date: Date) => string {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return (date) => format.format(date);
}

const DATE_WRITERS: Record<Exclude<DateWriting, 'iso' | 'dash' | 'month-id'>, (date: Date) => string> = {
  slash: dateFormat('id-ID', { day: '2-digit', month: '2-digit', year: 'numeric' }),
  'long-id': dateFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric' }),
  'short-id': dateFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric' }),
  'weekday-id': dateFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  'long-en': dateFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
};
const SHORT_MONTH_ID = dateFormat('id-ID', { month: 'short' });

/** Formats an ISO date (`2024-12-31`) as one of the {@link DateWriting}s. */
export function formatDate(iso: string, writing: DateWriting): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (writing === 'iso') return iso;
  if (writing === 'dash') return DATE_WRITERS.slash(date).replaceAll('/', '-');
  if (writing === 'month-id') return `${SHORT_MONTH_ID(date).replace('.', '')}-${iso.slice(2, 4)}`;
  return DATE_WRITERS[writing](date);
}

/** Encodes text as a file's bytes, with the BOM the encoding's name says. */
export function encodeText(text: string, encoding: ByteEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252':
      return iconv.encode(text, 'windows-1252');
  }
}
