import { describe, expect, it } from 'vitest';
import { atomFeed } from './atom-feed.ts';
import type { PublicMessage } from './operations/public-messages.ts';

const message = (id: string, languages: string[]): PublicMessage => ({
  id,
  type: 'joint_statement',
  embargoAt: '2026-03-02T09:00:00Z',
  timeZone: 'Europe/Brussels',
  versions: languages.map((language, i) => ({
    language,
    title: `Title <${language}> & more`,
    body: `Body ${language}`,
    original: i === 0,
    late: false,
    publishedAt: '2026-03-02T09:00:00Z',
  })),
});

describe('the Atom feed of public messages', () => {
  it('writes one entry per language version, each with its xml:lang, in order', () => {
    const xml = atomFeed(
      [message('m1', ['en', 'fr', 'de']), message('m2', ['fr'])],
      'https://eucab.example.eu',
    );
    expect(xml.match(/<entry xml:lang="([a-z]+)">/g)).toEqual([
      '<entry xml:lang="en">',
      '<entry xml:lang="fr">',
      '<entry xml:lang="de">',
      '<entry xml:lang="fr">',
    ]);
    expect(xml).toContain('https://eucab.example.eu/api/v1/messages/public/m1#de');
    expect(xml).toContain('<updated>2026-03-02T09:00:00.000Z</updated>');
  });

  it('is a valid empty feed when there is nothing public', () => {
    const xml = atomFeed([], 'https://eucab.example.eu');
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).not.toContain('<entry');
  });
});
