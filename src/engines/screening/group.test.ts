import { describe, expect, it } from 'vitest';
import { groupHits, sameListedEntity } from './group.ts';
import { ScreeningIndex } from './matcher.ts';
import { type Entity, type EntityKind, emptyEntity, makeIdentifier, parseBirthDate } from './model.ts';

function entity(
  id: string,
  list: string,
  kind: EntityKind,
  names: string[],
  extra: Partial<Entity> = {},
): Entity {
  const e = emptyEntity(id, kind, list);
  names.forEach((value, i) => {
    e.names.push({ value, strength: i === 0 ? 'primary' : 'alias' });
  });
  return { ...e, ...extra };
}

const born = (...texts: string[]) => texts.map((t) => parseBirthDate(t)!);

describe('one hit per real person', () => {
  const un = entity('un-1', 'un', 'person', ['Ahmad Karim Haidari'], {
    birthDates: born('circa 1961'),
    countryCodes: ['AF'],
    programmes: ['UN 1988'],
  });
  const ofac = entity('ofac-9', 'ofac-sdn', 'person', ['HAIDARI, Ahmad Karim'], {
    birthDates: born('1961-03-04'),
    countryCodes: ['AF'],
    programmes: ['SDGT'],
  });
  const other = entity('eu-5', 'eu', 'person', ['Ahmad Karim Haidari'], {
    birthDates: born('1975-01-01'),
    countryCodes: ['AF'],
    programmes: ['EU'],
  });
  const byPassport = entity('eu-7', 'eu', 'person', ['A. K. Haidari'], {
    identifiers: [makeIdentifier('passport', 'OA123456')!],
    programmes: ['EU 2'],
  });
  const unWithPassport = { ...un, identifiers: [makeIdentifier('passport', 'OA 123456')!] };

  it('recognises the same person: same names, compatible birth date (circa / exact), common nationality', () => {
    expect(sameListedEntity(un, ofac)).toBe(true);
    expect(sameListedEntity(un, other)).toBe(false);
    expect(sameListedEntity(unWithPassport, byPassport)).toBe(true);
  });

  it('groups hits across lists into one hit with every listing, circa and exact dates scoring the same', () => {
    const index = new ScreeningIndex([un, ofac, other]);
    const q = { name: 'Ahmad Karim Haidari', birthDate: '1961-03-04', country: 'AF' };
    const flat = index.screen(q).hits;
    expect(flat.find((h) => h.entityId === 'un-1')!.score).toBe(
      flat.find((h) => h.entityId === 'ofac-9')!.score,
    );
    const grouped = index.screen(q, { group: true }).hits;
    expect(grouped).toHaveLength(2);
    const head = grouped[0]!;
    expect([head.entityId, ...(head.sameAs ?? []).map((s) => s.entityId)].sort()).toEqual(['ofac-9', 'un-1']);
    expect(head.sameAs![0]!.programmes.length).toBe(1);
    // the other Ahmad Karim Haidari (born 14 years later) stays a separate, lower hit
    expect(grouped[1]!.entityId).toBe('eu-5');
    expect(grouped[1]!.score).toBeLessThan(head.score);
  });

  it('breaks ties by match quality, not by id', () => {
    const a = entity('a-1', 'x', 'person', ['Zaid Omar'], { birthDates: born('1970') });
    const b = entity('b-1', 'y', 'person', ['Zaid Omar'], { birthDates: born('1970-05-05') });
    const hits = new ScreeningIndex([a, b]).screen({ name: 'Zaid Omar' }).hits;
    expect(hits.map((h) => h.score)).toEqual([1, 1]);
    const mk = (id: string, e: Entity, birth: boolean) => ({
      entityId: id,
      entity: e,
      score: 1,
      nameScore: 1,
      matchedName: { strength: 'primary' },
      explanation: [
        'name "Zaid Omar" ~ primary name: parts zaid, omar',
        ...(birth ? ['birth date equal (1970-05-05)'] : []),
      ],
    });
    const ordered = groupHits([mk('a-1', a, false), mk('b-1', b, true)]);
    expect(ordered[0]!.entityId).toBe('b-1');
  });
});
