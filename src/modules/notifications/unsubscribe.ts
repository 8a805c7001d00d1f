import { systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { loadActor } from '../../auth/actor-loader.ts';
import { change } from '../../core/change.ts';
import { notFound } from '../../http/errors.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { unsubscribeHash } from './digest.ts';

/** Whose digest a link turned off (for the page that answers the link). */
export interface Unsubscribed {
  email: string;
  locale: string;
  /** False when the digest was already off (the link was used before): nothing changed. */
  changed: boolean;
}

/**
 * Whose digest link this is (no sign-in: the link's secret, whose hash the digest's claim keeps,
 * names the person), and whether their digest is on. 404 when no digest was sent with this secret.
 */
export async function digestLinkOwner(deps: AppDeps, secret: string) {
  const claim = await deps.db
    .selectFrom('digest_claims as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['u.id', 'u.email', 'u.locale', 'u.organisation_id', 'u.digest_frequency'])
    .where('c.unsubscribe_hash', '=', unsubscribeHash(secret))
    .executeTakeFirst();
  if (!claim)
    throw notFound(
      'This unsubscribe link is not known (it may be incomplete: open the whole link from the e-mail). You can also turn the digest off on your notifications page.',
    );
  return claim;
}

/**
 * The one-click unsubscribe of a digest (no sign-in: the link's secret, whose hash the
 * digest's claim keeps, names the person): sets their digest to off, audited as their own change
 * of personal state (with `via: 'unsubscribe link'`). Using the link again changes nothing.
 * 404 when no digest was sent with this secret.
 */
export async function unsubscribeByLink(deps: AppDeps, secret: string): Promise<Unsubscribed> {
  const claim = await digestLinkOwner(deps, secret);
  // the person acts through their link; a disabled account is still turned off (as the platform)
  const actor = (await loadActor(deps.db, claim.id, null)) ?? {
    ...systemActor('digest-unsubscribe-link'),
    orgId: claim.organisation_id,
  };
  const changed = await change(deps, async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select('digest_frequency')
      .where('id', '=', claim.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (before.digest_frequency === 'off') return false;
    await trx.updateTable('users').set({ digest_frequency: 'off' }).where('id', '=', claim.id).execute();
    await recordAudit(trx, actor, {
      action: 'notifications.digest_unsubscribed',
      recordKind: 'user',
      recordId: claim.id,
      organisationId: claim.organisation_id,
      changes: {
        digest_frequency: { before: before.digest_frequency, after: 'off' },
        via: 'unsubscribe link',
      },
    });
    return true;
  });
  return { email: claim.email, locale: claim.locale, changed };
}
