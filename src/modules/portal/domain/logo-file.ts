import type { Bilingual } from '../../../kernel/errors.js';

/** A logo is small: 512 KB is far more than a crisp 400 px PNG or a plain SVG needs. */
export const LOGO_MAX_BYTES = 512 * 1024;

export type LogoType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

/**
 * What an SVG may not hold, since it is served from the site's own origin: script, event
 * handlers, embedded HTML or other documents, entity declarations, and references outside the
 * file (only `#fragment` and inline raster `data:image/png|jpeg` are allowed). Refused, not
 * rewritten: the administrator re-exports a plain logo.
 */
const SVG_REFUSED: { pattern: RegExp; what: string }[] = [
  { pattern: /<\s*script\b/i, what: 'script' },
  { pattern: /\son[a-z]+\s*=/i, what: 'on…=' },
  {
    pattern: /<\s*(foreignObject|iframe|embed|object|audio|video|animate|set)\b/i,
    what: 'foreignObject/iframe/…',
  },
  { pattern: /<!\s*(ENTITY|DOCTYPE)/i, what: '<!ENTITY>' },
  { pattern: /javascript:/i, what: 'javascript:' },
  {
    pattern: /(?:href|src)\s*=\s*["'](?!#|data:image\/(?:png|jpeg);)/i,
    what: 'href',
  },
  { pattern: /url\(\s*["']?(?!#)/i, what: 'url()' },
  { pattern: /@import/i, what: '@import' },
];

export type LogoCheck = { ok: true; type: LogoType } | { ok: false; problem: Bilingual };

const bad = (id: string, en: string): LogoCheck => ({ ok: false, problem: { id, en } });

/**
 * Check an uploaded logo by its bytes (never by its name or the browser's type): a PNG or JPEG by
 * its signature, or an SVG document free of anything active or external. Empty, too large or
 * other files are refused with a reason in both languages.
 */
export function checkLogoFile(bytes: Buffer): LogoCheck {
  if (bytes.length === 0) return bad('Berkas logo kosong.', 'The logo file is empty.');
  if (bytes.length > LOGO_MAX_BYTES)
    return bad(
      `Berkas logo lebih dari ${LOGO_MAX_BYTES / 1024} KB.`,
      `The logo file is larger than ${LOGO_MAX_BYTES / 1024} KB.`,
    );
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { ok: true, type: 'image/png' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ok: true, type: 'image/jpeg' };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) {
    const found = SVG_REFUSED.find((r) => r.pattern.test(text));
    if (found)
      return bad(
        `SVG logo memuat ${found.what}, yang tidak diizinkan: simpan ulang sebagai SVG polos atau PNG.`,
        `The SVG logo holds ${found.what}, which is not allowed: save it again as a plain SVG or a PNG.`,
      );
    return { ok: true, type: 'image/svg+xml' };
  }
  return bad('Berkas logo harus PNG, JPEG atau SVG.', 'The logo file must be a PNG, JPEG or SVG.');
}
