import { TLP_RULES } from '../../access/tlp.ts';
import type { Tlp } from '../../db/schema.ts';
import type { Mail } from '../../mail/mailer.ts';
import { type DigestEvent, digestMessages, fill } from './digest-messages.ts';

/** One notification as the digest sees it (visible to the recipient, with today's marking). */
export interface DigestItem {
  kind: string;
  recordKind: string | null;
  recordId: string | null;
  summary: string;
  /** The record's current TLP marking; null for notifications not about a shared record. */
  tlp: Tlp | null;
  /** What the record kind is called, e.g. "Equipment item" (null: not about a record). */
  kindLabel: string | null;
}

export interface DigestRecipient {
  email: string;
  displayName: string;
  locale: string;
  frequency: 'daily' | 'weekly';
}

/** At most this many items are listed; the rest are counted ("… and 12 more"). */
export const DIGEST_MAX_ITEMS = 50;

/** Where the web app shows the thing a notification is about. */
function linkOf(item: DigestItem, publicUrl: string): string {
  if (!item.recordKind || !item.recordId) return `${publicUrl}/notifications`;
  if (item.recordKind === 'job') return `${publicUrl}/jobs/${item.recordId}`;
  if (item.recordKind === 'membership') return `${publicUrl}/memberships`;
  if (item.recordKind === 'mapping_campaign') return `${publicUrl}/mapping/campaigns/${item.recordId}`;
  return `${publicUrl}/registry/${item.recordKind}/${item.recordId}`;
}

/**
 * The digest e-mail (pure: tested without a database). A record's title is quoted only when its
 * current marking allows quoting in e-mail (`TLP_RULES[tlp].quoteInEmail`: CLEAR and GREEN);
 * otherwise the line names the kind, the event and the marking, and the link leads to the
 * platform, where the reader's access is checked again.
 */
export function composeDigest(
  to: DigestRecipient,
  items: readonly DigestItem[],
  since: Date,
  publicUrl: string,
): Mail {
  const m = digestMessages(to.locale);
  const n = items.length;
  const lines = items.slice(0, DIGEST_MAX_ITEMS).map((it) => {
    const event = it.kind.slice(it.kind.lastIndexOf('.') + 1);
    const eventWords = Object.hasOwn(m.events, event) ? m.events[event as DigestEvent] : event;
    const quote = it.tlp === null || TLP_RULES[it.tlp].quoteInEmail;
    const marking = it.tlp ? `[${TLP_RULES[it.tlp].label}] ` : '';
    const what = it.kindLabel ? `${it.kindLabel} — ${eventWords}` : eventWords;
    const title = quote
      ? it.summary
        ? `: ${it.summary}`
        : ''
      : ` (${fill(m.titleWithheld, { tlp: it.tlp ? TLP_RULES[it.tlp].label : '' })})`;
    return `- ${marking}${what}${title}\n  ${linkOf(it, publicUrl)}`;
  });
  const since_ = new Intl.DateTimeFormat(to.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(since);
  const text = [
    fill(m.greeting, { name: to.displayName }),
    '',
    fill(m.intro, { since: since_, n }),
    '',
    ...lines,
    ...(n > DIGEST_MAX_ITEMS ? [fill(m.more, { n: n - DIGEST_MAX_ITEMS })] : []),
    '',
    fill(m.readAll, { url: `${publicUrl}/notifications` }),
    '',
    fill(to.frequency === 'weekly' ? m.footerWeekly : m.footerDaily, { url: `${publicUrl}/notifications` }),
  ].join('\n');
  return { to: to.email, subject: n === 1 ? m.subjectOne : fill(m.subjectMany, { n }), text };
}
