import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane).
const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A random token with `bytes` bytes of entropy, base32 (lower case, no padding). */
export function randomToken(bytes = 32): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

/**
 * SHA-256 of a high-entropy token (session ids, API keys, reset links, recovery codes). A slow
 * password hash is unnecessary for 160+ bit random secrets; a fast hash keeps lookups indexed.
 */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export const PASSWORD_MIN_LENGTH = 12;

/** Returns a reason when the password is too weak, else null. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > 256) return 'The password must have at most 256 characters.';
  if (new Set(password).size < 5) return 'The password repeats too few different characters.';
  if (email && password.toLowerCase().includes(email.split('@')[0]!.toLowerCase())) {
    return 'The password must not contain the e-mail name.';
  }
  return null;
}
