import { describe, expect, it } from 'vitest';
import { diffFields, eventHash, GENESIS_HASH, redactSecrets } from './audit-log.ts';
import { canonicalJson } from './canonical-json.ts';

describe('audit helpers', () => {
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
  it('the hash depends on the previous hash and on every field', () => {
    const e = {
      occurred_at: '2026-01-01T00:00:00.000Z',
      actor_id: null,
      actor_label: 'x',
      organisation_id: null,
      action: 'a',
      record_kind: 'k',
      record_id: '1',
      changes: {},
    };
    const h = eventHash(GENESIS_HASH, e);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash('1'.repeat(64), e)).not.toBe(h);
    expect(eventHash(GENESIS_HASH, { ...e, action: 'b' })).not.toBe(h);
    expect(eventHash(GENESIS_HASH, { ...e, changes: { a: 1 } })).not.toBe(h);
  });
  it('diffs only changed fields and never secret ones', () => {
    expect(
      diffFields({ a: 1, b: 2, password_hash: 'x' }, { a: 1, b: 3, password_hash: 'y' }, [
        'a',
        'b',
        'password_hash',
      ]),
    ).toEqual({ b: { before: 2, after: 3 } });
  });
  it('redacts secret-looking keys at any depth', () => {
    expect(
      redactSecrets({ name: 'n', nested: { totp_secret: 's', token: 't' }, list: [{ api_key: 'k' }] }),
    ).toEqual({
      name: 'n',
      nested: { totp_secret: '[redacted]', token: '[redacted]' },
      list: [{ api_key: '[redacted]' }],
    });
  });
});
