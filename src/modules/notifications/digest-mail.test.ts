import { describe, expect, it } from 'vitest';
import { TLP_MARKINGS, TLP_RULES } from '../../access/tlp.ts';
import {
  composeDigest,
  DIGEST_MAX_ITEMS,
  DIGEST_MAX_RECORDS_PER_AREA,
  type DigestContent,
  type DigestItem,
  type DigestRecord,
} from './digest-mail.ts';
import { DIGEST_EVENTS, DIGEST_MESSAGES } from './digest-messages.ts';

const to = { email: 'a@example.eu', displayName: 'Anna', locale: 'de', frequency: 'daily' as const };
const UNSUB = 'https://p.eu/api/v1/notifications/digest/unsubscribe?token=abc';
const item = (tlp: DigestItem['tlp'], summary: string): DigestItem => ({
  kind: 'equipment_item.published',
  recordKind: 'equipment_item',
  recordId: '00000000-0000-4000-8000-000000000001',
  summary,
  tlp,
  kindLabel: 'Equipment item',
});
const rec = (i: number, over: Partial<DigestRecord> = {}): DigestRecord => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  kind: 'tender',
  kindLabel: 'Tender',
  area: 'procurement',
  title: `Tender ${i}`,
  tlp: 'green',
  isNew: true,
  ...over,
});
const notes = (notifications: DigestItem[]): DigestContent => ({
  records: [],
  areaCounts: [],
  notifications,
});

describe('composeDigest', () => {
  it('quotes a notification title exactly when the marking allows quoting in e-mail', () => {
    for (const tlp of TLP_MARKINGS) {
      const mail = composeDigest(
        to,
        notes([item(tlp, `Title ${tlp}`)]),
        new Date('2026-12-01'),
        'https://p.eu',
        UNSUB,
      );
      expect(mail.text.includes(`Title ${tlp}`)).toBe(TLP_RULES[tlp].quoteInEmail);
      expect(mail.html!.includes(`Title ${tlp}`)).toBe(TLP_RULES[tlp].quoteInEmail);
      expect(mail.text).toContain(TLP_RULES[tlp].label);
    }
  });

  it('lists records by area with counts, quotes record titles only where the marking allows', () => {
    const records = [
      rec(1),
      rec(2, { tlp: 'amber', title: 'Secret tender', isNew: false }),
      rec(3, { area: 'risk', kind: 'risk_rule', kindLabel: 'Risk rule', title: 'Rule <b>x</b>' }),
    ];
    const mail = composeDigest(
      { ...to, locale: 'en' },
      {
        records,
        areaCounts: [
          { area: 'risk', new: 1, updated: 0 },
          { area: 'procurement', new: 1, updated: 1 },
        ],
        notifications: [],
      },
      new Date('2026-12-01'),
      'https://p.eu',
      UNSUB,
    );
    expect(mail.subject).toBe('EUCAB Platform: 3 new or updated records');
    // areas in the registry's order, each with its counts
    expect(mail.text.indexOf('Procurement: 1 new, 1 updated')).toBeLessThan(
      mail.text.indexOf('Risk management: 1 new, 0 updated'),
    );
    expect(mail.text).toContain('[TLP:GREEN] Tender — new: Tender 1');
    expect(mail.text).not.toContain('Secret tender');
    expect(mail.html).not.toContain('Secret tender');
    expect(mail.text).toContain('[TLP:AMBER] Tender — updated (title not quoted by e-mail');
    expect(mail.text).toContain(`https://p.eu/registry/tender/${rec(2).id}`);
    // HTML is escaped
    expect(mail.html).toContain('Rule &lt;b&gt;x&lt;/b&gt;');
    expect(mail.html).toContain('<h3>Risk management: 1 new, 0 updated</h3>');
    // the unsubscribe link, in the body and in the RFC 8058 headers
    expect(mail.text).toContain(UNSUB);
    expect(mail.html).toContain(UNSUB.replace(/&/g, '&amp;'));
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<${UNSUB}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('counts the records of an area it does not list', () => {
    const n = DIGEST_MAX_RECORDS_PER_AREA + 4;
    const records = Array.from({ length: n }, (_, i) => rec(i));
    const mail = composeDigest(
      { ...to, locale: 'fr' },
      { records, areaCounts: [{ area: 'procurement', new: n, updated: 0 }], notifications: [] },
      new Date('2026-12-01'),
      'https://p.eu',
      UNSUB,
    );
    expect(mail.text).toContain(`Achats : ${n} nouvelle(s), 0 mise(s) à jour`);
    expect(mail.text).toContain('… et 4 autre(s) dans ce domaine : https://p.eu/registry');
    expect(mail.html).toContain('lang="fr"');
  });

  it('writes in the recipient language, falls back to English, and counts what it does not list', () => {
    const many = Array.from({ length: DIGEST_MAX_ITEMS + 3 }, (_, i) => item('green', `T${i}`));
    const de = composeDigest(to, notes(many), new Date('2026-12-01'), 'https://p.eu', UNSUB);
    expect(de.subject).toBe(`EUCAB-Plattform: ${DIGEST_MAX_ITEMS + 3} neue Benachrichtigungen`);
    expect(de.text).toContain('… und 3 weitere.');
    expect(de.text).toContain('veröffentlicht');
    expect(de.text).not.toContain(`T${DIGEST_MAX_ITEMS}\n`);
    const other = composeDigest(
      { ...to, locale: 'pl' },
      notes([item(null, 'x')]),
      new Date(),
      'https://p.eu',
      UNSUB,
    );
    expect(other.subject).toBe('EUCAB Platform: 1 new notification');
    expect(other.html).toContain('lang="en"');
  });

  it('every language names every event and every area', () => {
    for (const m of Object.values(DIGEST_MESSAGES)) {
      for (const e of DIGEST_EVENTS) expect(m.events[e].length).toBeGreaterThan(0);
      for (const a of Object.values(m.areas)) expect(a.length).toBeGreaterThan(0);
    }
  });
});
