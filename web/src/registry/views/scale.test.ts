import { describe, expect, it } from 'vitest';
import { classes, colourOf, contrast, EMPTY_FILL, EU_NUMERIC, PALETTE, textOn, toCsv } from './scale.ts';

describe('registry view scales', () => {
  it('every class colour takes a text colour with at least 4.5:1 contrast (WCAG AA)', () => {
    for (const fill of [...PALETTE, EMPTY_FILL])
      expect(contrast(fill, textOn(fill))).toBeGreaterThanOrEqual(4.5);
    expect(textOn('#253494')).toBe('#ffffff');
    expect(textOn('#ffffcc')).toBe('#1b1f24');
  });

  it('splits (0, max] into contiguous whole-number classes, darkest at the maximum', () => {
    const s = classes(55);
    expect(s.map((c) => [c.from, c.to])).toEqual([
      [1, 11],
      [12, 22],
      [23, 33],
      [34, 44],
      [45, 55],
    ]);
    expect(colourOf(55, s)).toBe(PALETTE[4]);
    expect(colourOf(1, s)).toBe(PALETTE[0]);
    expect(colourOf(0, s)).toBe(EMPTY_FILL);
    expect(colourOf(undefined, s)).toBe(EMPTY_FILL);
    const small = classes(2);
    expect(small.map((c) => [c.from, c.to])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(colourOf(2, small)).toBe(PALETTE[4]);
    expect(classes(0)).toEqual([]);
  });

  it('writes CSV with quoting and neutralises formulas', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        ['=cmd()', 3],
      ]),
    ).toBe('\uFEFFa,"b,c"\r\n\'=cmd(),3\r\n');
    expect(toCsv([['say "hi"', -2]])).toBe('\uFEFF"say ""hi""",-2\r\n');
  });

  it('maps the 27 Member States, Greece as EL', () => {
    const codes = Object.values(EU_NUMERIC);
    expect(new Set(codes).size).toBe(27);
    expect(EU_NUMERIC['300']).toBe('EL');
  });
});
