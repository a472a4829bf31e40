import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hash a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Check a password against its stored hash; false (never a throw) on a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Rules for a new password; returns the broken rule's message or null. */
export function checkPasswordStrength(password: string): { id: string; en: string } | null {
  if (password.length < 10)
    return { id: 'Kata sandi minimal 10 karakter', en: 'Password needs at least 10 characters' };
  if (password.length > 200)
    return { id: 'Kata sandi maksimal 200 karakter', en: 'Password is at most 200 characters' };
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password))
    return { id: 'Kata sandi harus memuat huruf dan angka', en: 'Password must contain letters and digits' };
  return null;
}
