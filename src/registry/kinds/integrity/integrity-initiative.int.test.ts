import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.ts';

/**
 * Integrity initiatives through the API: the ladder, the Arusha key factors as a multiple choice,
 * dates in order, the filters and the matrix of factors per administration. Everything else (access
 * matrix, write matrix, import, search, notifications, audit) comes from the definition.
 */
const URL = '/api/v1/registry/integrity_initiative';
let t: TestApp;
let nl: TestClient;
let de: TestClient;
let fr: TestClient;

const initiative = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  summary: 'Officers rotate between border crossing points every three years.',
  factors: ['hr_management', 'code_of_conduct'],
  type: 'hr_strategy',
  stage: 'ongoing',
  start_date: '2025-01-01',
  end_date: '2027-12-31',
  ...extra,
});

async function stored(): Promise<number> {
  const row = await t.rt.db
    .selectFrom('registry_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'integrity_initiative')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
  nl = await t.as('nl.expert@demo.eucab.eu');
  de = await t.as('de.expert@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
});
afterAll(async () => t?.close());

describe('integrity initiatives', () => {
  it('the ladder: 401 anonymous, 400 bad input (nothing written), 403 read-only, 201 for a writer', async () => {
    const anonymous = await t.client().post(URL, { data: initiative('Rotation'), publish: true });
    expect(anonymous.statusCode).toBe(401);

    const bad = async (data: Record<string, unknown>) => {
      const res = await nl.post(URL, { data, publish: true });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().errors as { field: string; message: string }[];
    };
    expect(await bad(initiative('Rotation', { end_date: '2024-12-31' }))).toEqual([
      { field: 'data.end_date', message: 'End: on or after the start (2025-01-01)' },
    ]);
    expect((await bad(initiative('Rotation', { factors: [] })))[0]?.message).toMatch(/at least one entry/);
    expect(await bad(initiative('Rotation', { factors: ['hr_management', 'loyalty'] }))).toEqual([
      { field: 'data.factors.1', message: '"loyalty" is not a code of the list arusha_factor.' },
    ]);
    expect((await bad(initiative('Rotation', { type: 'poster' })))[0]?.field).toBe('data.type');
    expect(await stored()).toBe(0);

    const observer = await t.as('observer@demo.eucab.eu');
    expect((await observer.post(URL, { data: initiative('Rotation'), publish: true })).statusCode).toBe(403);
    expect(await stored()).toBe(0);

    const created = await nl.post(URL, { data: initiative('Rotation'), publish: true });
    expect(created.statusCode, created.body).toBe(201);
    const record = (await fr.get(`${URL}/${created.json().id}`)).json();
    // Published for every EUCAB member at TLP:GREEN; the country is the owner's.
    expect(record).toMatchObject({ status: 'published', distribution: 'eucab', tlp: 'green' });
    expect(record.data.country).toBe('NL');
  });

  it('lists and filters by key factor, type, stage and country; the matrix counts factors per administration', async () => {
    const germanData = initiative('E-customs integrity dashboard', {
      factors: ['automation', 'transparency'],
      type: 'technology',
      stage: 'completed',
      results: {
        de: 'Alle Ermessensentscheidungen werden protokolliert.',
        en: 'Every discretionary decision is logged.',
      },
    });
    expect((await de.post(URL, { data: germanData, publish: true })).statusCode).toBe(201);
    const titles = async (query: string) =>
      ((await fr.get(`${URL}?${query}`)).json().items as { title: string }[]).map((r) => r.title).sort();

    expect(await titles('factors=hr_management')).toEqual(['Rotation']);
    expect(await titles('factors=automation,hr_management')).toEqual([
      'E-customs integrity dashboard',
      'Rotation',
    ]);
    expect(await titles('factors=private_sector')).toEqual([]);
    expect(await titles('type=technology')).toEqual(['E-customs integrity dashboard']);
    expect(await titles('stage=ongoing&country=NL')).toEqual(['Rotation']);
    expect(await titles('stage=completed')).toEqual(['E-customs integrity dashboard']);
    expect(await titles('country=DE')).toEqual(['E-customs integrity dashboard']);
    expect(await titles('q=protokolliert&language=de')).toEqual(['E-customs integrity dashboard']);

    const stats = (await fr.get(`${URL}/stats?groupBy=factors`)).json();
    const cells = (stats.cells as { organisation: string; value: string; measure: number }[])
      .map((c) => `${c.organisation} ${c.value} ${c.measure}`)
      .sort();
    expect(cells).toEqual([
      'DE automation 1',
      'DE transparency 1',
      'NL code_of_conduct 1',
      'NL hr_management 1',
    ]);
  });

  it('names itself and its ten Arusha key factors in English, French and German', async () => {
    const kinds = (await fr.get('/api/v1/registry')).json().kinds as {
      name: string;
      labelPlural: Record<string, string>;
      codeLists: string[];
    }[];
    const kind = kinds.find((k) => k.name === 'integrity_initiative')!;
    expect(kind.labelPlural.fr).toBe('Initiatives en matière d’intégrité');
    expect(kind.codeLists).toEqual([
      'arusha_factor',
      'integrity_initiative_type',
      'integrity_initiative_stage',
    ]);
    const factors = (await fr.get('/api/v1/code-lists/arusha_factor')).json().codes as {
      code: string;
      labels: Record<string, string>;
      meta: { number: number };
    }[];
    expect(factors.map((f) => f.meta.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(factors.find((f) => f.meta.number === 8)?.labels).toEqual({
      en: 'Human resource management',
      fr: 'Gestion des ressources humaines',
      de: 'Personalmanagement',
    });
  });
});
