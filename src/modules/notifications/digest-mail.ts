import { TLP_RULES } from '../../access/tlp.ts';
import { AREAS, type Area } from '../../contract/registry-kinds.ts';
import type { Tlp } from '../../db/schema.ts';
import type { Mail } from '../../mail/mailer.ts';
import { type DigestEvent, type DigestMessages, digestMessages, fill } from './digest-messages.ts';

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

/** One published registry record, new or updated since the last digest, that the recipient may read. */
export interface DigestRecord {
  id: string;
  kind: string;
  /** What the kind is called in the recipient's language. */
  kindLabel: string;
  area: Area;
  title: string;
  tlp: Tlp;
  /** New: published since the last digest; otherwise updated since then. */
  isNew: boolean;
}

/** The counts of an area (from the whole selection, not only the records listed). */
export interface DigestAreaCount {
  area: Area;
  new: number;
  updated: number;
}

export interface DigestContent {
  records: readonly DigestRecord[];
  areaCounts: readonly DigestAreaCount[];
  notifications: readonly DigestItem[];
}

export interface DigestRecipient {
  email: string;
  displayName: string;
  locale: string;
  frequency: 'daily' | 'weekly';
}

/** At most this many notifications are listed; the rest are counted ("… and 12 more"). */
export const DIGEST_MAX_ITEMS = 50;
/** At most this many records are listed per area; the rest are counted with the link to the area. */
export const DIGEST_MAX_RECORDS_PER_AREA = 20;

/** Where the web app shows the thing a notification is about. */
function linkOf(item: DigestItem, publicUrl: string): string {
  if (!item.recordKind || !item.recordId) return `${publicUrl}/notifications`;
  if (item.recordKind === 'job') return `${publicUrl}/jobs/${item.recordId}`;
  if (item.recordKind === 'membership') return `${publicUrl}/memberships`;
  if (item.recordKind === 'mapping_campaign') return `${publicUrl}/mapping/campaigns/${item.recordId}`;
  return `${publicUrl}/registry/${item.recordKind}/${item.recordId}`;
}

const recordLink = (r: DigestRecord, publicUrl: string) => `${publicUrl}/registry/${r.kind}/${r.id}`;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One line of the digest: the marking, what it is, the title where quoting is allowed, the link. */
interface Line {
  marking: string;
  what: string;
  /** The quoted title, or the sentence saying it is not quoted. */
  title: string | null;
  withheld: boolean;
  url: string;
}

function quoteOrWithhold(
  m: DigestMessages,
  tlp: Tlp | null,
  title: string,
): Pick<Line, 'title' | 'withheld'> {
  if (tlp === null || TLP_RULES[tlp].quoteInEmail) return { title: title || null, withheld: false };
  return { title: fill(m.titleWithheld, { tlp: TLP_RULES[tlp].label }), withheld: true };
}

function notificationLine(m: DigestMessages, it: DigestItem, publicUrl: string): Line {
  const event = it.kind.slice(it.kind.lastIndexOf('.') + 1);
  const eventWords = Object.hasOwn(m.events, event) ? m.events[event as DigestEvent] : event;
  return {
    marking: it.tlp ? TLP_RULES[it.tlp].label : '',
    what: it.kindLabel ? `${it.kindLabel} — ${eventWords}` : eventWords,
    ...quoteOrWithhold(m, it.tlp, it.summary),
    url: linkOf(it, publicUrl),
  };
}

function recordLine(m: DigestMessages, r: DigestRecord, publicUrl: string): Line {
  return {
    marking: TLP_RULES[r.tlp].label,
    what: `${r.kindLabel} — ${r.isNew ? m.recordNew : m.recordUpdated}`,
    ...quoteOrWithhold(m, r.tlp, r.title),
    url: recordLink(r, publicUrl),
  };
}

function textLine(l: Line): string {
  const marking = l.marking ? `[${l.marking}] ` : '';
  const title = l.title === null ? '' : l.withheld ? ` (${l.title})` : `: ${l.title}`;
  return `- ${marking}${l.what}${title}\n  ${l.url}`;
}

function htmlLine(l: Line): string {
  const marking = l.marking ? `[${escapeHtml(l.marking)}] ` : '';
  const title =
    l.title === null
      ? ''
      : l.withheld
        ? ` <em>(${escapeHtml(l.title)})</em>`
        : `: <strong>${escapeHtml(l.title)}</strong>`;
  return `<li>${marking}<a href="${escapeHtml(l.url)}">${escapeHtml(l.what)}</a>${title}</li>`;
}

/** An area's part of the digest: its counts, its listed records and how many more it has. */
interface AreaPart {
  heading: string;
  lines: Line[];
  more: number;
}

function areaParts(m: DigestMessages, content: DigestContent, publicUrl: string): AreaPart[] {
  return AREAS.flatMap((area) => {
    const count = content.areaCounts.find((c) => c.area === area);
    if (!count || count.new + count.updated === 0) return [];
    const listed = content.records.filter((r) => r.area === area).slice(0, DIGEST_MAX_RECORDS_PER_AREA);
    return [
      {
        heading: fill(m.areaCounts, { area: m.areas[area], new: count.new, updated: count.updated }),
        lines: listed.map((r) => recordLine(m, r, publicUrl)),
        more: count.new + count.updated - listed.length,
      },
    ];
  });
}

/**
 * The digest e-mail, as text and HTML (pure: tested without a database): the registry records
 * new or updated since `since` that the recipient may read, by area with counts, then their
 * unread notifications. A title is quoted only when its current marking allows quoting in e-mail
 * (`TLP_RULES[tlp].quoteInEmail`: CLEAR and GREEN); otherwise the line names the kind, the event
 * and the marking, and the link leads to the platform, where the reader's access is checked
 * again. Every digest ends with its one-click unsubscribe link (also in the List-Unsubscribe
 * headers, RFC 8058).
 */
export function composeDigest(
  to: DigestRecipient,
  content: DigestContent,
  since: Date,
  publicUrl: string,
  unsubscribeUrl: string,
): Mail {
  const m = digestMessages(to.locale);
  const recordTotal = content.areaCounts.reduce((s, c) => s + c.new + c.updated, 0);
  const n = content.notifications.length;
  const notes = content.notifications
    .slice(0, DIGEST_MAX_ITEMS)
    .map((it) => notificationLine(m, it, publicUrl));
  const areas = areaParts(m, content, publicUrl);
  const since_ = new Intl.DateTimeFormat(to.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(since);
  const notificationsUrl = `${publicUrl}/notifications`;
  const areaUrl = `${publicUrl}/registry`;
  const footer = fill(to.frequency === 'weekly' ? m.footerWeekly : m.footerDaily, { url: notificationsUrl });

  const subjectParts = [
    ...(recordTotal
      ? [recordTotal === 1 ? m.subjectRecordsOne : fill(m.subjectRecordsMany, { n: recordTotal })]
      : []),
    ...(n ? [n === 1 ? m.subjectOne : fill(m.subjectMany, { n })] : []),
  ];

  const text = [
    fill(m.greeting, { name: to.displayName }),
    '',
    fill(m.intro, { since: since_ }),
    ...(recordTotal
      ? [
          '',
          fill(m.recordsHeading, { n: recordTotal }),
          ...areas.flatMap((a) => [
            '',
            a.heading,
            ...a.lines.map(textLine),
            ...(a.more > 0 ? [fill(m.moreRecords, { n: a.more, url: areaUrl })] : []),
          ]),
        ]
      : []),
    ...(n
      ? [
          '',
          fill(m.notificationsHeading, { n }),
          ...notes.map(textLine),
          ...(n > DIGEST_MAX_ITEMS ? [fill(m.more, { n: n - DIGEST_MAX_ITEMS })] : []),
        ]
      : []),
    '',
    fill(m.readAll, { url: notificationsUrl }),
    '',
    footer,
    fill(m.unsubscribe, { url: unsubscribeUrl }),
  ].join('\n');

  const link = (url: string, words: string) => `<a href="${escapeHtml(url)}">${escapeHtml(words)}</a>`;
  const lang = escapeHtml(Object.hasOwn({ en: 1, fr: 1, de: 1 }, to.locale) ? to.locale : 'en');
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(m.title)}</title></head><body>`,
    '<main>',
    `<h1>${escapeHtml(m.title)}</h1>`,
    `<p>${escapeHtml(fill(m.greeting, { name: to.displayName }))}</p>`,
    `<p>${escapeHtml(fill(m.intro, { since: since_ }))}</p>`,
    ...(recordTotal
      ? [
          `<h2>${escapeHtml(fill(m.recordsHeading, { n: recordTotal }))}</h2>`,
          ...areas.flatMap((a) => [
            `<h3>${escapeHtml(a.heading)}</h3>`,
            ...(a.lines.length ? [`<ul>${a.lines.map(htmlLine).join('')}</ul>`] : []),
            ...(a.more > 0
              ? [
                  `<p>${escapeHtml(fill(m.moreRecords, { n: a.more, url: '' }).replace(/:\s*$/, ':'))} ${link(areaUrl, areaUrl)}</p>`,
                ]
              : []),
          ]),
        ]
      : []),
    ...(n
      ? [
          `<h2>${escapeHtml(fill(m.notificationsHeading, { n }))}</h2>`,
          `<ul>${notes.map(htmlLine).join('')}</ul>`,
          ...(n > DIGEST_MAX_ITEMS
            ? [`<p>${escapeHtml(fill(m.more, { n: n - DIGEST_MAX_ITEMS }))}</p>`]
            : []),
        ]
      : []),
    `<p>${escapeHtml(fill(m.readAll, { url: '' }).replace(/:\s*$/, ':'))} ${link(notificationsUrl, notificationsUrl)}</p>`,
    '</main>',
    '<footer>',
    `<p>${escapeHtml(footer)}</p>`,
    `<p>${link(unsubscribeUrl, m.unsubscribeLink)}</p>`,
    '</footer>',
    '</body></html>',
  ].join('\n');

  return {
    to: to.email,
    subject: `${m.subjectPrefix}: ${subjectParts.join(', ')}`,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
