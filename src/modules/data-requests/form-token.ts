import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A light proof of work for the public form that needs no JavaScript and no third party: the
 * form page carries a token the server signed with the time it was issued; a post is accepted
 * only when the token is genuine, at least `MIN_FILL_MS` old (a person takes longer than that
 * to type a request; a bot posting at once does not) and at most `MAX_AGE_MS` old (a token
 * harvested once cannot be replayed for ever). Together with the honeypot and the rate limits.
 */
export const MIN_FILL_MS = 4_000;
export const MAX_AGE_MS = 12 * 3_600_000;

function sign(secret: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`data-request-form:${issuedAt}`).digest('base64url');
}

export function issueFormToken(secret: string, now: Date): string {
  const at = now.getTime();
  return `${at.toString(36)}.${sign(secret, at)}`;
}

export type FormTokenVerdict = 'ok' | 'too_fast' | 'expired' | 'invalid';

export function checkFormToken(secret: string, token: string, now: Date): FormTokenVerdict {
  const [at36, mac] = token.split('.');
  if (!at36 || !mac || !/^[0-9a-z]{1,12}$/.test(at36)) return 'invalid';
  const at = Number.parseInt(at36, 36);
  const expected = Buffer.from(sign(secret, at));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now.getTime() - at;
  if (age < MIN_FILL_MS) return 'too_fast';
  if (age > MAX_AGE_MS) return 'expired';
  return 'ok';
}
