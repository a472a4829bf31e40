import { EU_AUTHORITY, IANA_MEDIA_TYPES } from './vocab.js';

/** A resource format as DCAT-AP names it: the EU file-type code and the IANA media type. */
export interface FileFormat {
  /** Code in the EU file-type authority table (`…/authority/file-type/CSV`). */
  euCode: string;
  /** IANA media type, e.g. `text/csv`. */
  mediaType: string;
}

/**
 * The formats portals publish, keyed by CKAN's upper-cased format label. Data, not code: add a
 * row to support another format. Labels that are not here get no dct:format (DCAT-AP wants an
 * IRI there, and a made-up one would not help a harvester).
 */
const FORMATS: Record<string, FileFormat> = {
  CSV: { euCode: 'CSV', mediaType: 'text/csv' },
  TSV: { euCode: 'TSV', mediaType: 'text/tab-separated-values' },
  XLSX: { euCode: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  XLS: { euCode: 'XLS', mediaType: 'application/vnd.ms-excel' },
  ODS: { euCode: 'ODS', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
  JSON: { euCode: 'JSON', mediaType: 'application/json' },
  GEOJSON: { euCode: 'GEOJSON', mediaType: 'application/geo+json' },
  XML: { euCode: 'XML', mediaType: 'application/xml' },
  PDF: { euCode: 'PDF', mediaType: 'application/pdf' },
  DOCX: {
    euCode: 'DOCX',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  DOC: { euCode: 'DOC', mediaType: 'application/msword' },
  ODT: { euCode: 'ODT', mediaType: 'application/vnd.oasis.opendocument.text' },
  TXT: { euCode: 'TXT', mediaType: 'text/plain' },
  HTML: { euCode: 'HTML', mediaType: 'text/html' },
  ZIP: { euCode: 'ZIP', mediaType: 'application/zip' },
  SHP: { euCode: 'SHP', mediaType: 'application/vnd.shp' },
  KML: { euCode: 'KML', mediaType: 'application/vnd.google-earth.kml+xml' },
  KMZ: { euCode: 'KMZ', mediaType: 'application/vnd.google-earth.kmz' },
  GPKG: { euCode: 'GPKG', mediaType: 'application/geopackage+sqlite3' },
  PNG: { euCode: 'PNG', mediaType: 'image/png' },
  JPEG: { euCode: 'JPEG', mediaType: 'image/jpeg' },
  JPG: { euCode: 'JPEG', mediaType: 'image/jpeg' },
  PARQUET: { euCode: 'PARQUET', mediaType: 'application/vnd.apache.parquet' },
  RDF: { euCode: 'RDF_XML', mediaType: 'application/rdf+xml' },
  TTL: { euCode: 'RDF_TURTLE', mediaType: 'text/turtle' },
  JSONLD: { euCode: 'JSON_LD', mediaType: 'application/ld+json' },
  'JSON-LD': { euCode: 'JSON_LD', mediaType: 'application/ld+json' },
};

/** The known format for a CKAN format label (`csv`, `.XLSX`, `JSON-LD`), if any. */
export function findFileFormat(label: string | null | undefined): FileFormat | undefined {
  const key = (label ?? '').trim().replace(/^\./, '').toUpperCase();
  return key ? FORMATS[key] : undefined;
}

/** The EU file-type URI for a format. */
export function fileTypeUri(f: FileFormat): string {
  return `${EU_AUTHORITY}file-type/${f.euCode}`;
}

/** The IANA URI for a media type (`text/csv` → `…/media-types/text/csv`); null when malformed. */
export function mediaTypeUri(mediaType: string | null | undefined): string | null {
  const m = (mediaType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z]+\/[\w.+-]+$/.test(m) ? IANA_MEDIA_TYPES + m : null;
}
