import { describe, expect, it } from 'vitest';
import { compareNames } from './compare.ts';
import { DEFAULT_THRESHOLD, REVIEW_THRESHOLD, ScreeningIndex, scoreNamePair } from './matcher.ts';
import { type Entity, type EntityKind, emptyEntity, makeIdentifier, parseBirthDate } from './model.ts';
import { normalizeName } from './normalize.ts';

function entity(id: string, kind: EntityKind, names: string[], extra: Partial<Entity> = {}): Entity {
  const e = emptyEntity(id, kind, 'test');
  names.forEach((value, i) => {
    e.names.push({ value, strength: i === 0 ? 'primary' : 'alias' });
  });
  return { ...e, ...extra };
}

const person = (a: string, b: string) => scoreNamePair(a, b, 'person');
const org = (a: string, b: string) => scoreNamePair(a, b, 'organisation');

describe('name comparison', () => {
  it('pairs name parts independently of order', () => {
    expect(person('John Smith', 'Smith, John')).toBe(1);
    expect(person('ABU MARZOOK, Mousa Mohammed', 'Mousa Mohammed Abu Marzook')).toBe(1);
  });

  it('tolerates typing and transliteration differences, cheaper for confusable characters', () => {
    expect(person('Vladimir Pudin', 'Vladimir Putin')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(person('Osama bin Laden', 'Usama ibn Laden')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    // o/u are confusable in rigour compare.yml; o/x are not
    expect(person('Osama Laden', 'Usama Laden')).toBeGreaterThan(person('Osama Laden', 'Xsama Laden'));
    expect(person('Serej Lavrov', 'Сергей Викторович Лавров')).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
  });

  it('matches Arabic-script names to their Latin spelling via consonant skeletons', () => {
    expect(person('فرناندو بيريز', 'Fernando Pérez')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(person('باراك أوباما', 'محمد بن سلمان آل سعود')).toBeLessThan(REVIEW_THRESHOLD);
  });

  it('handles initials, joined and split words and initialisms', () => {
    expect(person('J Smith', 'John Smith')).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
    expect(person('Ramimakhlouf', 'Rami Makhlouf')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(org('vanderbilt corp', 'van der bilt corp')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(org('U.S. Department of State', 'United States Department of State')).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLD,
    );
  });

  it('ignores legal forms and light words but not a differing distinctive part', () => {
    expect(org('Stripe LLC', 'Stripe Limited Liability Company')).toBe(1);
    expect(org('The World Bank', 'World Bank')).toBe(1);
    expect(org('Volkswagen AG', 'Siemens AG')).toBeLessThan(REVIEW_THRESHOLD);
    expect(org('LXC Aviation', 'LAU Aviation')).toBeLessThan(REVIEW_THRESHOLD);
    expect(org('Sparkles Business Corporation', 'Sporks Business Corporation')).toBeLessThan(
      REVIEW_THRESHOLD,
    );
  });

  it('compares numbers: a differing number lowers the score, a missing series number more', () => {
    const same = org('Carlyle Partners VII L.P.', 'Carlyle Partners VII L.P.');
    const diff = org('Carlyle Partners VII L.P.', 'Carlyle Partners VIII L.P.');
    const missing = org('Bowne Global Solutions, Inc.', 'Bowne Global Solutions II, Inc.');
    expect(same).toBe(1);
    expect(diff).toBeLessThan(same);
    expect(missing).toBeLessThan(diff);
    const c = compareNames(normalizeName('Snow Storm 1', 'org'), normalizeName('Snow Storm 2', 'org'));
    expect(c.notes).toContain('numbers differ');
  });

  it('treats a country word added on the listed side of an organisation as a different entity', () => {
    expect(org('Banco Santander S.A.', 'Banco Santander Chile S.A.')).toBeLessThan(DEFAULT_THRESHOLD);
    expect(org('Banco Santander S.A.', 'Banco Santander Chile S.A.')).toBeGreaterThanOrEqual(
      REVIEW_THRESHOLD,
    );
    expect(org('faberlic', 'FABERLIC EUROPE Sp. z o.o.')).toBeGreaterThan(
      org('Banco Santander', 'Banco Santander Chile'),
    );
  });

  it('penalises extra query parts more than extra listed parts (middle names)', () => {
    expect(person('Vladimir Putin', 'Vladimir Vladimirovich Putin')).toBeGreaterThanOrEqual(
      DEFAULT_THRESHOLD,
    );
    expect(person('Friedrich Lindenberg', 'Lars Friedrich Lindemann')).toBeLessThan(REVIEW_THRESHOLD);
    expect(org('CRYSTALORD SYSTEMS LIMITED', 'CRYSTALORD LTD')).toBeLessThan(DEFAULT_THRESHOLD);
  });
});

describe('screening index', () => {
  const entities = [
    entity('p1', 'person', ['ABU MARZOOK, Mousa Mohammed', 'ABU-UMAR'], {
      birthDates: [parseBirthDate('09 Feb 1951')!],
      countryCodes: ['EG'],
    }),
    entity('p2', 'person', ['Ivan Petrov'], { birthDates: [parseBirthDate('1970')!], countryCodes: ['RU'] }),
    entity('v1', 'vessel', ['ANGARA'], { identifiers: [makeIdentifier('imo', '9179842')!] }),
    entity('o1', 'organisation', ['JSC Tula Arms Plant', 'Тульский оружейный завод']),
    ...Array.from({ length: 300 }, (_, i) =>
      entity(`f${i}`, 'organisation', [`Filler Trading ${i} Company`]),
    ),
  ];
  const index = new ScreeningIndex(entities);

  it('finds the entry from an index, not a scan, and explains the hit', () => {
    const r = index.screen({ name: 'Mousa Abu Marzook' });
    expect(r.hits[0]!.entityId).toBe('p1');
    expect(r.hits[0]!.band).toBe('match');
    expect(r.hits[0]!.explanation[0]).toMatch(/name "Mousa Abu Marzook" ~ primary name/);
    expect(r.candidatesScored).toBeLessThan(10);
    expect(index.screen({ name: 'Tula Arms Plant Joint Stock Company' }).hits[0]!.entityId).toBe('o1');
  });

  it('finds an entry with a typo via deletion and phonetic keys', () => {
    expect(index.screen({ name: 'Angarra' }).hits[0]!.entityId).toBe('v1');
    expect(index.screen({ name: 'Ivan Petrow' }).hits[0]!.entityId).toBe('p2');
  });

  it('treats an exact identifier as decisive', () => {
    const r = index.screen({
      name: 'Completely Different',
      identifiers: [{ type: 'imo', value: 'IMO 9179842' }],
    });
    expect(r.hits[0]).toMatchObject({ entityId: 'v1', score: 1, band: 'match' });
    expect(r.hits[0]!.explanation.join(' ')).toMatch(/identifier imo 9179842 equal: decisive/);
  });

  it('lowers the score on birth-date and country disagreement, with the reason', () => {
    const base = index.screen({ name: 'Ivan Petrov' }).hits[0]!.score;
    const sameYear = index.screen({ name: 'Ivan Petrov', birthDate: '1970-05-01' }).hits[0]!;
    expect(sameYear.score).toBe(base);
    const far = index.screen({ name: 'Ivan Petrov', birthDate: '1990-05-01' }).hits[0]!;
    expect(far.score).toBeLessThan(base);
    expect(far.explanation.join(' ')).toMatch(/birth date differs by 20 year/);
    const country = index.screen({ name: 'Ivan Petrov', country: 'France' }).hits[0]!;
    expect(country.score).toBeLessThan(base);
    expect(country.explanation.join(' ')).toMatch(/country FR not among listed RU/);
  });

  it('puts weaker hits in the review band and drops the rest', () => {
    const r = index.screen({ name: 'Ivan Petrovsky Smirnov' });
    for (const h of r.hits) expect(h.score).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
    expect(index.screen({ name: 'Nothing Like It' }).hits).toEqual([]);
  });

  it('re-scores a known pair by entity id', () => {
    expect(index.scorePair({ name: 'Ivan Petrov' }, 'p2')!.score).toBe(1);
    expect(index.scorePair({ name: 'Ivan Petrov' }, 'nope')).toBeUndefined();
  });
});
