import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, scoreNamePair, splitAliases } from './matcher.ts';
import { readNumbers } from './numbers.ts';
import { evaluatePatterns } from './patterns.ts';
import { balticStem, slavicKey } from './variants.ts';

const person = (a: string, b: string) => scoreNamePair(a, b, 'person');
const org = (a: string, b: string) => scoreNamePair(a, b, 'organisation');
const T = DEFAULT_THRESHOLD;

describe('matching that generalises (issue 18)', () => {
  it('reads numbers written as words and ordinals in English, French and German', () => {
    const read = (s: string) =>
      readNumbers(s.split(' '))
        .map((x) => x.form)
        .join(' ');
    expect(read('battalion twenty seven')).toBe('battalion 27');
    expect(read('quatre vingt dix')).toBe('90');
    expect(read('siebenundzwanzigste division')).toBe('27 division');
    expect(read('1er regiment')).toBe('1 regiment');
    expect(read('tenet un council')).toBe('tenet un council');
    expect(org('Battalion Twenty-Seven', 'Battalion 27')).toBeGreaterThanOrEqual(T);
    expect(org('Battalion Twenty-Seven', 'Battalion 28')).toBeLessThan(T);
  });

  it('treats titles of many languages as light parts', () => {
    expect(person('Herr Dr. Klaus Becker', 'Klaus Becker')).toBeGreaterThanOrEqual(T);
    expect(person('Sheikh Abdullah Al-Harbi', 'Abdullah Al-Harbi')).toBeGreaterThanOrEqual(T);
    expect(person('Major General Musa Bello', 'Musa Bello')).toBeGreaterThanOrEqual(T);
    expect(person('Sheikh Abdullah Al-Harbi', 'Abdullah Al-Otaibi')).toBeLessThan(T);
  });

  it('matches Cyrillic names romanised by other conventions and Baltic endings', () => {
    expect(slavicKey('schtscherbakow')).toBe(slavicKey('shcherbakov'));
    expect(balticStem('ivanovas')).toBe('ivanov');
    expect(person('Michail Schukow', 'Mikhail Zhukov')).toBeGreaterThanOrEqual(T);
    expect(person('Sergejs Ivanovs', 'Sergey Ivanov')).toBeGreaterThanOrEqual(T);
    expect(person('Sergejs Ivanovs', 'Sergey Ivanenko')).toBeLessThan(T);
  });

  it('matches Arabic script with the article written apart and short names', () => {
    expect(person('صدام حسين التكريتي', 'SADDAM HUSSEIN AL-TIKRITI')).toBeGreaterThanOrEqual(T);
    expect(person('محمد علي', 'Mohammed Ali')).toBeGreaterThanOrEqual(T);
  });

  it('does not merge distinct Han or Hangul characters that transliterate alike', () => {
    expect(person('张伟', 'Zhang Wei')).toBeGreaterThanOrEqual(T);
    expect(person('张伟', '章伟')).toBeLessThan(T);
    expect(person('김정은', '김정운')).toBeLessThan(T);
  });

  it('counts patronymic order but not a whole-name inversion', () => {
    expect(person('MARWAN BIN BILAL', 'BILAL BIN MARWAN')).toBeLessThan(T);
    expect(person('MARWAN, BILAL BIN', 'BILAL BIN MARWAN')).toBeGreaterThanOrEqual(T);
    expect(person('AL-WALID OULD MAHFOUZ', 'MAHFOUZ OULD AL-WALID')).toBeLessThan(T);
  });

  it('tolerates fewer edits in person name parts: a different surname is not a typo', () => {
    expect(person('John Harrison', 'John Harriman')).toBeLessThan(T);
    expect(person('Thomas Schneider', 'Thomas Schreiber')).toBeLessThan(T);
    expect(person('Michael Jordan', 'Michael Jordon')).toBeGreaterThanOrEqual(T);
    expect(person('Hans Meier', 'Hans Meyer')).toBeGreaterThanOrEqual(T);
  });

  it('weighs legal types, acronyms, alias fields and group words', () => {
    expect(org('Almaz JSC', 'Almaz LLC')).toBeLessThan(T);
    expect(org('OOO Almaz', 'AO Almaz')).toBeLessThan(T);
    expect(org('Almaz JSC', 'Almaz Joint Stock Company')).toBe(1);
    expect(org('Almaz JSC', 'Almaz')).toBeGreaterThanOrEqual(T);
    expect(org('IRGC', 'Islamic Revolutionary Guard Corps')).toBeGreaterThanOrEqual(T);
    expect(org('Acme Trading Group', 'Acme Trading')).toBeGreaterThanOrEqual(T);
    expect(org('CRYSTALORD SYSTEMS LIMITED', 'CRYSTALORD LTD')).toBeLessThan(T);
    expect(splitAliases('Rosneft / Rosneft Oil Company')).toEqual(['Rosneft', 'Rosneft Oil Company']);
    expect(splitAliases('Maersk A/S')).toEqual(['Maersk A/S']);
    expect(org('Sberbank; Sberbank of Russia', 'Sberbank of Russia')).toBe(1);
  });

  it('keeps the per-pattern cross-checks at their measured level', () => {
    // floors a little under the figures in docs/benchmarks/screening.md (issue 18)
    const floors: Record<string, number> = {
      baltic: 0.9,
      cjk: 0.65,
      'cross-script': 0.72,
      'cyrillic-conventions': 0.97,
      'name-parts': 0.95,
      numbers: 0.95,
      organisations: 0.9,
      surnames: 0.85,
      titles: 0.97,
      'word-order': 0.97,
    };
    const results = evaluatePatterns();
    expect(results.map((r) => r.pattern).sort()).toEqual(Object.keys(floors).sort());
    for (const r of results) expect(r.f1, r.pattern).toBeGreaterThanOrEqual(floors[r.pattern]!);
  }, 120_000);
});
