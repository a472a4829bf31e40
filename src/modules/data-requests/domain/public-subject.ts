/**
 * The subject of a request as the public list shows it: the requester's own words, with their
 * name, e-mail, phone and organisation taken out wherever they wrote them, and anything that
 * looks like an e-mail address, a phone number or an identity number (NIK, 16 digits) masked,
 * cut to a short line. Pure.
 */
export const SUBJECT_MAX = 160;
const MASK = '…';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Phone numbers and long digit runs (NIK, NPWP, account numbers): 8 or more digits with separators. */
const DIGITS = /\+?\d[\d\s().-]{6,}\d/g;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function publicSubject(
  asked: string,
  personal: {
    name?: string | null;
    email?: string | null;
    phone?: string | null;
    organisation?: string | null;
  },
): string {
  let s = asked.replace(EMAIL, MASK).replace(DIGITS, (m) => (m.replace(/\D/g, '').length >= 8 ? MASK : m));
  const usable = (w: string | null | undefined): w is string =>
    typeof w === 'string' && w.trim().length >= 3 && w !== '—';
  // A name is masked whole and word by word (a first name alone still names someone); an
  // organisation only whole, as its words ("Kesehatan", "Universitas") are the subject's words too.
  const name = usable(personal.name) ? personal.name.trim() : null;
  const words = [
    ...(name ? [name, ...name.split(/\s+/).filter((part) => part.length >= 3)] : []),
    ...[personal.organisation, personal.email, personal.phone].filter(usable).map((w) => w.trim()),
  ];
  for (const w of words.sort((a, b) => b.length - a.length))
    s = s.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'giu'), MASK);
  s = s.replace(/\s+/g, ' ').trim();
  return s.length > SUBJECT_MAX ? `${s.slice(0, SUBJECT_MAX - 1).trimEnd()}…` : s;
}
