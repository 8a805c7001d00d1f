import { describe, expect, it } from 'vitest';
import { countryCode } from './countries.ts';
import { parseBirthDate } from './model.ts';
import { normalizeName } from './normalize.ts';

const forms = (s: string, mode: 'person' | 'org' = 'org') => normalizeName(s, mode).tokens.map((t) => t.form);

describe('normalisation', () => {
  it('applies NFKC and case folding', () => {
    expect(forms('ＡＬＰＨＡＢＥＴ ﬁnance')).toEqual(['alphabet', 'finance']);
    expect(forms('Société Générale')).toEqual(['societe', 'generale']);
  });

  it('transliterates Cyrillic, Greek and Arabic to Latin', () => {
    expect(forms('Сергей Лавров', 'person')).toEqual(['sergey', 'lavrov']);
    expect(forms('Εταιρεία Δοκιμή')[1]).toBe('dokimi');
    const ar = normalizeName('فرناندو', 'person').tokens[0]!;
    expect(ar.abjad).toBe(true);
    expect(ar.skeleton).toBe(normalizeName('Fernando', 'person').tokens[0]!.skeleton);
  });

  it('canonicalises legal forms with the rigour org types (long and short forms alike)', () => {
    const a = normalizeName('Siemens Aktiengesellschaft', 'org');
    const b = normalizeName('SIEMENS AG', 'org');
    expect(a.tokens.map((t) => t.form)).toEqual(['siemens']);
    expect(a.legal).toEqual(b.legal);
    expect(normalizeName('Stripe Limited Liability Company', 'org').legal).toEqual(
      normalizeName('Stripe LLC', 'org').legal,
    );
    expect(normalizeName('OAO Gazprom', 'org').legal).toEqual(normalizeName('Gazprom JSC', 'org').legal);
  });

  it('recognises a multi-word legal form at the end with one misspelt word', () => {
    const n = normalizeName('Tactical Missiles Corporation Joynt Stock Company', 'org');
    expect(n.tokens.map((t) => t.form)).toEqual(['tactical', 'missiles', 'corporation']);
    expect(n.legal).toEqual(normalizeName('Tactical Missiles Corporation JSC', 'org').legal);
    expect(forms('Joint Venture Trading Stock Company')).toContain('trading');
  });

  it('removes titles and honorifics at the start of person names only', () => {
    const n = normalizeName('Dr. Mr Ivan Petrov', 'person');
    expect(n.tokens.map((t) => t.form)).toEqual(['ivan', 'petrov']);
    expect(n.removed.length).toBe(2);
    expect(forms('Ivan Dr', 'person')).toEqual(['ivan', 'dr']);
  });

  it('keeps numbers, reads Roman numerals in organisation names, joins initialisms', () => {
    const n = normalizeName('Blackstone Partners VI L.P. 2004', 'org');
    expect(n.tokens.filter((t) => t.cls === 'number').map((t) => t.num)).toEqual([6, 2004]);
    expect(forms('L.X.C. Aviation & Co')).toEqual(['lxc', 'aviation', 'and', 'co']);
    expect(forms('SiemensAG', 'org')).toEqual(['siemens']);
  });

  it('marks stopwords and org symbols as light parts', () => {
    const n = normalizeName('Bank of China Trading Company', 'org');
    const cls = Object.fromEntries(n.tokens.map((t) => [t.form, t.cls]));
    expect(cls.of).toBe('particle');
    expect(cls.company).toBe('symbol');
    expect(cls.china).toBe('name');
  });
});

describe('dates and countries', () => {
  it('parses the birth-date forms of the lists', () => {
    expect(parseBirthDate('09 Feb 1951')).toMatchObject({ kind: 'exact', date: '1951-02-09' });
    expect(parseBirthDate('circa 1952')).toMatchObject({ kind: 'year', year: 1952, approximate: true });
    expect(parseBirthDate('1973 to 1974')).toMatchObject({ kind: 'range', fromYear: 1973, toYear: 1974 });
    expect(parseBirthDate('Feb 1960')).toMatchObject({ kind: 'month', date: '1960-02' });
    expect(parseBirthDate('12.04.1961')).toMatchObject({ date: '1961-04-12' });
  });

  it('resolves country names and codes', () => {
    expect(countryCode('Russian Federation')).toBe('RU');
    expect(countryCode('Iran (Islamic Republic of)')).toBe('IR');
    expect(countryCode("Democratic People's Republic of Korea")).toBe('KP');
    expect(countryCode('de')).toBe('DE');
    expect(countryCode('Atlantis')).toBeUndefined();
  });
});
