/**
 * What a publication's uploaded file is, read from its first bytes (its magic number), never
 * from its name or the type the browser claimed: an image (PNG, JPEG, WebP) or a PDF. Anything
 * else (an SVG, an HTML page renamed .png, an executable) is refused by the caller.
 */
export type UploadedFileType = 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf';

/** How many leading bytes `sniffFileType` needs. */
export const SNIFF_BYTES = 12;

/** Largest file a publication version takes (an A3 poster at print resolution fits). */
export const MAX_PUBLICATION_FILE_BYTES = 20 * 1024 * 1024;

const startsWith = (head: Uint8Array, bytes: number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffFileType(head: Uint8Array): UploadedFileType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** The extension a stored file of this type carries (its name is made to agree with its bytes). */
export const EXTENSION: Record<UploadedFileType | 'image/svg+xml', string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'image/svg+xml': 'svg',
};

/** A file name for the page and the URL: lowercase words, the extension its bytes call for. */
export function publicFileName(original: string, type: UploadedFileType | 'image/svg+xml'): string {
  const base = original
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'berkas'}.${EXTENSION[type]}`;
}
