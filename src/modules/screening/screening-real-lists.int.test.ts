/**
 * Configured lists (SCREENING_LISTS) loaded at start from the real files in ../shared/data (test
 * data, never shipped), and screening as a mandatory rule of risk scoring.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { applyMandatorySources, type MandatoryDeclaration } from '../risk/mandatory-sources.ts';
import { indexCache } from './index-cache.ts';
import { finishedBatch, upload } from './screening-test-helpers.ts';
import { listsLoaded } from './startup.ts';

const UN = resolve('../shared/data/sanctions/un/UN_consolidated_2026-02-27.xml');
const EU833 = resolve('../shared/data/sanctions/eu_journal/32014R0833.csv');
const present = existsSync(UN) && existsSync(EU833);

let t: TestApp;
let reviewer: TestClient;

beforeAll(async () => {
  if (!present) return;
  t = await createTestApp({ env: { SCREENING_LISTS: `un:${UN},eu833=eu-833-csv:${EU833}` } });
  await listsLoaded(t.rt.db);
  await indexCache(t.rt.db).get();
  reviewer = await t.as('fr.analyst@demo.eucab.eu');
}, 120_000);
afterAll(async () => t?.close());

const decl = (
  id: string,
  parties: MandatoryDeclaration['parties'],
  extra: Partial<MandatoryDeclaration> = {},
): MandatoryDeclaration => ({
  id,
  date: '2026-08-01',
  direction: 'import',
  hs: '01012100',
  countries: {},
  parties,
  roles: {},
  ...extra,
});

describe.skipIf(!present)('real lists from SCREENING_LISTS', () => {
  it('loads the configured lists at start instead of the demo list', async () => {
    const v = (await reviewer.get('/api/v1/screening/lists')).json().versions as Array<{
      listId: string;
      isDemo: boolean;
      entryCount: number;
    }>;
    expect(v.map((x) => x.listId).sort()).toEqual(['eu833', 'un']);
    expect(v.every((x) => !x.isDemo)).toBe(true);
    expect(v.find((x) => x.listId === 'un')?.entryCount).toBe(1003);
  });

  it('screens one party against the UN list with an explanation', async () => {
    const res = await reviewer.post('/api/v1/screening/screen', { name: 'Eric Badege', kind: 'person' });
    expect(res.statusCode).toBe(200);
    const hit = res.json().hits[0];
    expect(hit.entityId).toBe('un-6907993');
    expect(hit.listId).toBe('un');
    expect(hit.isDemo).toBe(false);
    expect(hit.band).toBe('match');
  });

  it('is a mandatory rule of risk scoring: threshold hits and goods measures select, dismissed pairs do not', async () => {
    const frId = (
      await t.rt.db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', 'FR')
        .executeTakeFirstOrThrow()
    ).id;
    const decls = [
      decl('D-1', { importer: 'Eric Badege' }),
      decl('D-2', { importer: 'Harmless Importer SARL' }),
      decl(
        'D-3',
        { exporter: 'Harmless Exporter' },
        { direction: 'export', hs: '847150', countries: { destination: 'RU' } },
      ),
    ];
    // a goods measure added as a registry record by another administration (EUCAB-wide) counts too
    const nl = await t.as('nl.analyst@demo.eucab.eu');
    const rec = await nl.post('/api/v1/registry/goods_measure', {
      data: {
        measure_id: 'nl-horses',
        title: 'Live horses (test measure)',
        code_prefixes: ['0101'],
        applies_import: true,
        country_role: 'origin',
        countries: ['BY'],
        valid_from: '2026-01-01',
        legal_basis: 'Test decree 2026/2',
      },
      publish: true,
    });
    expect(rec.statusCode).toBe(201);
    decls.push(decl('D-4', { importer: 'Harmless Importer SARL' }, { countries: { origin: 'BY' } }));
    const out = await applyMandatorySources(t.rt.db, frId, decls);
    expect(out.get('D-4')?.join()).toMatch(
      /goods code 01012100 under record:nl-horses \(Test decree 2026\/2\)/,
    );
    expect(out.get('D-1')?.join()).toMatch(
      /importer "Eric Badege" matches un entry un-6907993 "ERIC BADEGE" \(score 1\.00\)/,
    );
    expect(out.has('D-2')).toBe(false);
    expect(out.get('D-3')?.join()).toMatch(/goods code 847150 under eu-833-2014-annex-XL/);

    // the administration dismisses the pair: the declaration is no longer selected for it
    const up = await upload(reviewer, '/api/v1/screening/batches', 'name\nEric Badege\n', 'p.csv');
    const b = await finishedBatch(t, reviewer, up.json());
    const caseId = b.rows[0].hits.find((h: { entityId: string }) => h.entityId === 'un-6907993').caseId;
    expect(
      (
        await reviewer.post(`/api/v1/screening/cases/${caseId}/decision`, {
          decision: 'dismiss',
          reason: 'namesake, other birth date',
        })
      ).statusCode,
    ).toBe(200);
    const after = await applyMandatorySources(t.rt.db, frId, decls);
    expect(after.get('D-1')?.join() ?? '').not.toMatch(/un-6907993/);
    // another administration's dismissal does not count for FR's neighbour
    const deId = (
      await t.rt.db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', 'DE')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await applyMandatorySources(t.rt.db, deId, decls)).get('D-1')?.join()).toMatch(/un-6907993/);
  });
});
