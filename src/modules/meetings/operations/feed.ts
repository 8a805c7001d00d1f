import { loadActor } from '../../../auth/actor-loader.ts';
import { notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { calendarFor, MAX_DAYS } from '../../calendar/calendar-operations.ts';
import type { ModuleManifest } from '../../manifest.ts';
import { buildIcs } from '../ics-feed.ts';
import { feedOwner } from './calendar-feed.ts';

/** How far back the feed reaches (the rest of the longest range the calendar serves lies ahead). */
export const FEED_DAYS_BACK = 31;

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * `GET /calendar/feed/:token.ics`: the calendar of the link's owner, as iCalendar text. No session:
 * the secret is the credential. The owner's actor is built as at sign-in (roles, memberships,
 * sharing groups of now), so the feed carries exactly what they may read at this moment; a revoked
 * link, or a disabled user, gets 404.
 */
export async function calendarFeed(
  deps: AppDeps,
  modules: readonly ModuleManifest[],
  token: string,
  now = new Date(),
): Promise<string> {
  const owner = await feedOwner(deps.db, token);
  const actor = owner ? await loadActor(deps.db, owner.userId, null) : null;
  if (!owner || !actor)
    throw notFound('This calendar link is unknown or was revoked: create a new one on the platform.');
  const from = new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000);
  const to = new Date(from.getTime() + (MAX_DAYS - 1) * 86_400_000);
  const { items } = await calendarFor({ db: deps.db, actor, deps }, modules, {
    from: day(from),
    to: day(to),
  });
  return buildIcs(items, { locale: owner.locale, publicUrl: deps.config.publicUrl, now });
}
