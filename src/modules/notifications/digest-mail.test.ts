import { describe, expect, it } from 'vitest';
import { TLP_MARKINGS, TLP_RULES } from '../../access/tlp.ts';
import { composeDigest, DIGEST_MAX_ITEMS, type DigestItem } from './digest-mail.ts';
import { DIGEST_EVENTS, DIGEST_MESSAGES } from './digest-messages.ts';

const to = { email: 'a@example.eu', displayName: 'Anna', locale: 'de', frequency: 'daily' as const };
const item = (tlp: DigestItem['tlp'], summary: string): DigestItem => ({
  kind: 'equipment_item.published',
  recordKind: 'equipment_item',
  recordId: '00000000-0000-4000-8000-000000000001',
  summary,
  tlp,
  kindLabel: 'Equipment item',
});

describe('composeDigest', () => {
  it('quotes a title exactly when the marking allows quoting in e-mail', () => {
    for (const tlp of TLP_MARKINGS) {
      const mail = composeDigest(to, [item(tlp, `Title ${tlp}`)], new Date('2026-12-01'), 'https://p.eu');
      expect(mail.text.includes(`Title ${tlp}`)).toBe(TLP_RULES[tlp].quoteInEmail);
      expect(mail.text).toContain(TLP_RULES[tlp].label);
    }
  });

  it('writes in the recipient language, falls back to English, and counts what it does not list', () => {
    const many = Array.from({ length: DIGEST_MAX_ITEMS + 3 }, (_, i) => item('green', `T${i}`));
    const de = composeDigest(to, many, new Date('2026-12-01'), 'https://p.eu');
    expect(de.subject).toBe(`EUCAB-Plattform: ${DIGEST_MAX_ITEMS + 3} neue Benachrichtigungen`);
    expect(de.text).toContain('… und 3 weitere.');
    expect(de.text).toContain('veröffentlicht');
    expect(de.text).not.toContain(`T${DIGEST_MAX_ITEMS}\n`);
    const other = composeDigest({ ...to, locale: 'pl' }, [item(null, 'x')], new Date(), 'https://p.eu');
    expect(other.subject).toBe('EUCAB Platform: 1 new notification');
  });

  it('every language names every event', () => {
    for (const m of Object.values(DIGEST_MESSAGES))
      for (const e of DIGEST_EVENTS) expect(m.events[e].length).toBeGreaterThan(0);
  });
});
