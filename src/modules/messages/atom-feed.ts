import { Feed } from 'feed';
import type { PublicMessage } from './operations/public-messages.ts';

/**
 * The Atom feed of the public messages (`feed` 6): one entry per language version, each entry
 * carrying its language as `xml:lang` (the library writes entries in the order they are added;
 * the attribute is set on each `<entry>` in that order). `base` is the platform's public address.
 */
export function atomFeed(messages: readonly PublicMessage[], base: string): string {
  const home = `${base}/public/messages`;
  const entries = messages.flatMap((m) =>
    m.versions.map((v) => ({
      message: m,
      version: v,
      id: `${base}/api/v1/messages/public/${m.id}#${v.language}`,
    })),
  );
  const updated = entries.reduce(
    (latest, e) => Math.max(latest, Date.parse(e.version.publishedAt)),
    Date.parse('2024-01-01T00:00:00Z'),
  );
  const feed = new Feed({
    id: `${base}/api/v1/messages/feed.atom`,
    title: 'EUCAB — public messages',
    description:
      'Joint statements, press lines and other messages EUCAB administrations publish, in every language released.',
    link: home,
    language: 'en',
    updated: new Date(updated),
    generator: false,
    copyright: 'EUCAB',
    feedLinks: { atom: `${base}/api/v1/messages/feed.atom` },
  });
  for (const e of entries)
    feed.addItem({
      id: e.id,
      title: e.version.title,
      link: `${home}/${e.message.id}?lang=${e.version.language}`,
      date: new Date(e.version.publishedAt),
      published: new Date(e.version.publishedAt),
      content: e.version.body,
    });
  const xml = feed.atom1();
  let i = 0;
  return xml.replace(/<entry>/g, () => {
    const lang = entries[i++]?.version.language ?? 'en';
    return `<entry xml:lang="${lang.replace(/[^a-z-]/gi, '')}">`;
  });
}
