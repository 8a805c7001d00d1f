import { generateSecret, generateURI, verify } from 'otplib';
import { randomToken, sha256 } from './crypto.ts';

export const TOTP_ISSUER = 'EUCAB Platform';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: account, secret });
}

/**
 * Accepts the current 30-second step and one step either side (clock drift). Returns the time
 * step the code belongs to (callers refuse a step already used: no replay), or null.
 */
export async function verifyTotpStep(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const r = await verify({ secret, token: code, epochTolerance: 30 });
    if (!r.valid) return null;
    const x = r as { timeStep?: number; delta?: number };
    return (x.timeStep ?? Math.floor(Date.now() / 30_000)) + (x.delta ?? 0);
  } catch {
    return null;
  }
}

export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  return (await verifyTotpStep(secret, code)) !== null;
}

/** Ten single-use recovery codes: shown once, stored hashed. */
export function newRecoveryCodes(n = 10): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: n }, () => {
    const t = randomToken(10).slice(0, 16);
    return `${t.slice(0, 4)}-${t.slice(4, 8)}-${t.slice(8, 12)}-${t.slice(12, 16)}`;
  });
  return { codes, hashes: codes.map((c) => sha256(normaliseRecoveryCode(c))) };
}

export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
