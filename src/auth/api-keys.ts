import type { ApiScope } from '../access/actor.ts';
import type { Database } from '../db/connection.ts';
import { randomToken, safeEqual, sha256 } from './crypto.ts';

export const API_KEY_PREFIX = 'eucab';
export const API_SCOPES: readonly ApiScope[] = ['read', 'write'];
export const API_KEY_MAX_DAYS = 365;

/** A new key `eucab_<prefix>_<secret>`: the prefix finds the row, the secret is stored hashed. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomToken(6).slice(0, 10);
  const secret = randomToken(32);
  const key = `${API_KEY_PREFIX}_${prefix}_${secret}`;
  return { key, prefix, hash: sha256(key) };
}

export type ApiKeyCheck =
  | { ok: true; userId: string; keyId: string; scopes: Set<ApiScope> }
  | { ok: false; reason: string };

export async function checkApiKey(db: Database, presented: string): Promise<ApiKeyCheck> {
  const m = /^eucab_([a-z2-7]{10})_([a-z2-7]{40,64})$/.exec(presented);
  if (!m) return { ok: false, reason: 'The API key is malformed.' };
  const row = await db.selectFrom('api_keys').selectAll().where('prefix', '=', m[1]!).executeTakeFirst();
  if (!row || !safeEqual(row.key_hash, sha256(presented)))
    return { ok: false, reason: 'The API key is not valid.' };
  if (row.revoked_at) return { ok: false, reason: 'The API key has been revoked.' };
  if (new Date(row.expires_at).getTime() <= Date.now())
    return { ok: false, reason: 'The API key has expired.' };
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
    await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  }
  return { ok: true, userId: row.user_id, keyId: row.id, scopes: new Set(row.scopes as ApiScope[]) };
}
