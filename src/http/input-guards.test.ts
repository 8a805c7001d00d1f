import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds, nulIn } from './input-guards.ts';

describe('jsonDepthExceeds', () => {
  it('counts arrays and objects opened inside each other, not brackets in strings', () => {
    expect(jsonDepthExceeds('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[1,{"b":2}]}', 2)).toBe(true);
    expect(jsonDepthExceeds(`${'['.repeat(64)}${']'.repeat(64)}`, 64)).toBe(false);
    expect(jsonDepthExceeds(`${'['.repeat(65)}${']'.repeat(65)}`, 64)).toBe(true);
    expect(jsonDepthExceeds(`["${'[{'.repeat(100)}\\"]"]`, 2)).toBe(false);
    expect(jsonDepthExceeds('[[],[],[],[]]', 2)).toBe(false);
    expect(jsonDepthExceeds('"plain"', 1)).toBe(false);
  });
});

describe('nulIn', () => {
  it('names the first value or key holding U+0000', () => {
    expect(nulIn({ q: 'a\u0000b' }, 'query parameter', 'querystring')).toEqual({
      label: 'query parameter "q"',
      field: 'querystring.q',
    });
    expect(nulIn({ q: ['ok', 'x\u0000'] }, 'query parameter', 'querystring')?.field).toBe('querystring.q.1');
    expect(nulIn({ a: { b: [{ c: '\u0000' }] } }, 'body field', 'body')?.label).toBe('body field "a.b.0.c"');
    expect(nulIn({ 'k\u0000': 1 }, 'body field', 'body')?.label).toBe('name of the body field "k\\u0000"');
    expect(nulIn('\u0000', 'body field', 'body')?.label).toBe('JSON body');
    expect(nulIn({ a: 'fine', b: [1, null, true] }, 'body field', 'body')).toBeNull();
  });
});
