import { newApiKey } from '../../../auth/api-keys.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import { notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { auditSelf } from './audit-self.ts';

/** The owner's API keys, newest first (never the key itself). */
export async function listApiKeys(db: Database, userId: string) {
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'prefix', 'scopes', 'expires_at', 'revoked_at', 'last_used_at', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return {
    items: rows.map((k) => ({
      ...k,
      active: !k.revoked_at && new Date(k.expires_at).getTime() > Date.now(),
    })),
  };
}

/** Creates a personal API key; the key itself is in the answer once and stored only hashed. */
export async function createApiKey(
  deps: AppDeps,
  userId: string,
  input: { name: string; scopes: string[]; expiresInDays: number },
) {
  const { key, prefix, hash } = newApiKey();
  const scopes = [...new Set(input.scopes)];
  const expires = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const row = await change(deps, async (trx) => {
    const k = await trx
      .insertInto('api_keys')
      .values({ user_id: userId, name: input.name, prefix, key_hash: hash, scopes, expires_at: expires })
      .returning(['id', 'name', 'prefix', 'scopes', 'expires_at'])
      .executeTakeFirstOrThrow();
    await auditSelf(trx, userId, 'account.api_key_created', {
      name: k.name,
      prefix,
      scopes,
      expires_at: expires.toISOString(),
    });
    return k;
  });
  return { ...row, key };
}

/** Revokes one of the owner's active keys (404 for another's key or one already revoked). */
export async function revokeApiKey(deps: AppDeps, userId: string, keyId: string): Promise<void> {
  const done = await change(deps, async (trx) => {
    const k = await trx
      .updateTable('api_keys')
      .set({ revoked_at: new Date() })
      .where('id', '=', keyId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning(['prefix'])
      .executeTakeFirst();
    if (k) await auditSelf(trx, userId, 'account.api_key_revoked', { prefix: k.prefix });
    return !!k;
  });
  if (!done) throw notFound('No active API key with this id.');
}
