// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
import { describe, expect, it } from 'vitest';
import { type EvalContext, evaluateSource, type Value } from './evaluate.ts';
import { analyze, parseExpression } from './parse.ts';
import { ExpressionError } from './tokenize.ts';

function ev(
  src: string,
  refs: Record<string, Value> = {},
  self: Value = '',
  fields: Record<string, Value> = {},
): Value {
  const ctx: EvalContext = {
    ref: (n) => refs[n] ?? '',
    self: () => self,
    field: (n) => fields[n] ?? '',
    today: '2025-03-15',
  };
  return evaluateSource(src, ctx);
}

describe('expression subset', () => {
  it('compares, computes and combines like XPath', () => {
    expect(ev('${age} >= 18', { age: 20 })).toBe(true);
    expect(ev('${age} >= 18', { age: '' })).toBe(false);
    expect(ev('${a} + ${b} * 2', { a: 1, b: 3 })).toBe(7);
    expect(ev('10 div 4')).toBe(2.5);
    expect(ev('10 mod 4')).toBe(2);
    expect(ev('-(2 - 5)')).toBe(3);
    expect(ev("${x} = 'yes' and not(${y} = 'no')", { x: 'yes', y: 'maybe' })).toBe(true);
    expect(ev("${x} = 'yes' or ${y} != ''", { x: 'no', y: '' })).toBe(false);
    expect(ev('${n} = 3', { n: '3' })).toBe(true);
    expect(ev('. > 0 and . <= 100', {}, 42)).toBe(true);
  });
  it('supports selected, count-selected, string-length, regex, today and if', () => {
    expect(ev("selected(${m}, 'b')", { m: 'a b c' })).toBe(true);
    expect(ev("selected(${m}, 'd')", { m: 'a b c' })).toBe(false);
    expect(ev('count-selected(${m})', { m: 'a b c' })).toBe(3);
    expect(ev('count-selected(${m})', { m: '' })).toBe(0);
    expect(ev('string-length(.)', {}, 'héllo')).toBe(5);
    expect(ev("regex(., '^[A-Z]{2}[0-9]+$')", {}, 'FR123')).toBe(true);
    expect(ev("regex(., '^[A-Z]{2}[0-9]+$')", {}, 'fr123')).toBe(false);
    expect(ev('today()')).toBe('2025-03-15');
    expect(ev('. <= today()', {}, '2025-03-14')).toBe(true);
    expect(ev('. <= today()', {}, '2025-03-16')).toBe(false);
    expect(ev('today() - .', {}, '2025-03-10')).toBe(5);
    expect(ev("if(${n} > 5, 'many', 'few')", { n: 7 })).toBe('many');
    expect(ev("if(${n} > 5, 'many', 'few')", { n: 2 })).toBe('few');
  });
  it('reads choice columns by bare name (choice_filter)', () => {
    expect(ev('country = ${c}', { c: 'fr' }, '', { country: 'fr' })).toBe(true);
  });
  it('reports what it does not support, with the position', () => {
    const bad = [
      'concat(${a}, ${b})',
      '/data/a = 1',
      '${a} | ${b}',
      '${a}[1]',
      '../a',
      "jr:choice-name(${a}, '${a}')",
      '${a} =',
      '(1',
      "'open",
      'selected(${a})',
      '',
    ];
    for (const src of bad) expect(() => parseExpression(src), src).toThrow(ExpressionError);
    try {
      parseExpression('1 + sum(${x})');
    } catch (e) {
      expect((e as ExpressionError).pos).toBe(4);
      expect((e as Error).message).toContain('sum()');
      expect((e as Error).message).toContain('count-selected()');
    }
  });
  it('lists references and choice columns', () => {
    const a = analyze(parseExpression("${a} > 1 and state = ${b} and regex(., '^x')"));
    expect([...a.refs]).toEqual(['a', 'b']);
    expect([...a.fields]).toEqual(['state']);
    expect(a.self).toBe(true);
    expect(a.patterns).toEqual([{ k: 'str', v: '^x' }]);
  });
});
