import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import {
  applyMandatorySources,
  type MandatoryDeclaration,
  mandatorySourceNames,
  registerMandatorySource,
  unregisterMandatorySource,
} from './mandatory-sources.ts';

const db = {} as Database;
const decl = (id: string, importer: string): MandatoryDeclaration => ({
  id,
  date: '2021-01-04',
  direction: null,
  hs: '870321',
  countries: { origin: 'RU' },
  parties: { importer },
  roles: { id, importer },
});

describe('mandatory sources', () => {
  afterEach(() => {
    unregisterMandatorySource('test.screening');
    unregisterMandatorySource('test.other');
  });

  it('returns each source hit with its reason prefixed by the source name, ignoring unknown ids', async () => {
    registerMandatorySource('test.screening', async (_db, org, ds) => {
      expect(org).toBe('org-1');
      return [
        ...ds
          .filter((d) => d.parties.importer === 'ACME')
          .map((d) => ({ id: d.id, reason: 'confirmed hit' })),
        { id: 'not-in-batch', reason: 'x' },
      ];
    });
    registerMandatorySource('test.other', async () => [{ id: 'D2', reason: 'embargo' }]);
    const hits = await applyMandatorySources(db, 'org-1', [
      decl('D1', 'ACME'),
      decl('D2', 'ACME'),
      decl('D3', 'B'),
    ]);
    expect(mandatorySourceNames()).toEqual(['test.other', 'test.screening']);
    expect([...hits.keys()].sort()).toEqual(['D1', 'D2']);
    expect(hits.get('D2')).toEqual(['test.other: embargo', 'test.screening: confirmed hit']);
    expect(hits.has('not-in-batch')).toBe(false);
  });

  it('a failing source fails the whole run', async () => {
    registerMandatorySource('test.screening', async () => {
      throw new Error('list unavailable');
    });
    await expect(applyMandatorySources(db, 'o', [decl('D1', 'A')])).rejects.toThrow('list unavailable');
  });

  it('refuses a bad name', () => {
    expect(() => registerMandatorySource('Bad Name', async () => [])).toThrow();
  });
});
