import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.ts';
import { kindByName } from '../index.ts';

/**
 * The access matrix of the third-countries kinds (cooperation projects, external organisations,
 * support needs): for each kind, a record kept in the organisation, one for all EUCAB members, one
 * public (CLEAR) and one TLP:RED with a named recipient — read (record, list, search, count,
 * export) and written (update) by the owner's NCP, a colleague, another administration, the named
 * recipient, the Commission observer, a read-scope API key and anonymous. Written by hand from
 * the rules in ARCHITECTURE.md ("Access model"); the write matrix covers every write operation
 * from the definitions' examples.
 */
const KIND_NAMES = ['cooperation_project', 'external_organisation', 'support_need'] as const;
type Caller = 'ncp' | 'colleague' | 'other' | 'recipient' | 'observer' | 'readKey' | 'anonymous';
type Dist = 'organisation' | 'eucab' | 'public' | 'red';
// R = read (record, list, search, count) and export (E, never RED); U = update.
const EXPECTED: Record<Caller, Record<Dist, string>> = {
  ncp: { organisation: 'REU', eucab: 'REU', public: 'REU', red: '-' },
  colleague: { organisation: 'RE', eucab: 'RE', public: 'RE', red: '-' },
  other: { organisation: '-', eucab: 'RE', public: 'RE', red: '-' },
  recipient: { organisation: '-', eucab: 'RE', public: 'RE', red: 'R' },
  observer: { organisation: '-', eucab: 'RE', public: 'RE', red: '-' },
  readKey: { organisation: '-', eucab: 'RE', public: 'RE', red: '-' },
  anonymous: { organisation: '-', eucab: '-', public: 'R', red: '-' },
};

let t: TestApp;
const clients = new Map<Caller, TestClient | { key: string }>();
let author: TestClient;

async function call(caller: Caller, method: 'GET' | 'PUT', url: string, payload?: Record<string, unknown>) {
  const c = clients.get(caller)!;
  if ('key' in c)
    return t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${c.key}` },
      ...(payload ? { payload } : {}),
    });
  return method === 'GET' ? c.get(url) : c.request({ method, url, payload });
}

beforeAll(async () => {
  t = await createTestApp();
  author = await t.as('nl.expert@demo.eucab.eu');
  clients.set('ncp', await t.as('nl.ncp@demo.eucab.eu'));
  clients.set('colleague', await t.as('nl.analyst@demo.eucab.eu'));
  clients.set('other', await t.as('de.expert@demo.eucab.eu'));
  clients.set('recipient', await t.as('fr.expert@demo.eucab.eu'));
  clients.set('observer', await t.as('observer@demo.eucab.eu'));
  clients.set('anonymous', t.client());
  const de = await t.as('de.expert@demo.eucab.eu');
  const key = await de.post('/api/v1/account/api-keys', {
    name: 'matrix read',
    scopes: ['read'],
    expiresInDays: 1,
  });
  expect(key.statusCode, key.body).toBe(201);
  clients.set('readKey', { key: key.json().key });
}, 120_000);
afterAll(async () => t?.close());

describe('third-countries kinds: access matrix', () => {
  for (const name of KIND_NAMES) {
    it(`${name}: read, list, search, count, export and update per caller and distribution`, async () => {
      const kind = kindByName(name)!;
      const refs = new Map<string, string>();
      const ref = (k: string) => refs.get(k)!;
      if (name === 'support_need') {
        for (const k of ['external_organisation', 'cooperation_project']) {
          const r = await author.post(`/api/v1/registry/${k}`, {
            data: kindByName(k)!.example(`ref-${k}`, ref),
            publish: true,
          });
          expect(r.statusCode, r.body).toBe(201);
          refs.set(k, r.json().id);
        }
      }
      const recipientId = await t.userId('fr.expert@demo.eucab.eu');
      const markings: Record<Dist, Record<string, unknown>> = {
        organisation: { distribution: 'organisation', tlp: 'amber' },
        eucab: { distribution: 'eucab', tlp: 'green' },
        public: { distribution: 'public', tlp: 'clear' },
        red: { distribution: 'eucab', tlp: 'red', recipientIds: [recipientId] },
      };
      const ids = {} as Record<Dist, string>;
      const tokens = {} as Record<Dist, string>;
      for (const dist of Object.keys(markings) as Dist[]) {
        tokens[dist] = `zq${name.slice(0, 3)}${dist}`;
        const res = await author.post(`/api/v1/registry/${name}`, {
          data: kind.example(tokens[dist], ref),
          marking: markings[dist],
          publish: true,
        });
        expect(res.statusCode, `${dist}: ${res.body}`).toBe(201);
        ids[dist] = res.json().id;
      }
      const got: string[] = [];
      const want: string[] = [];
      for (const caller of Object.keys(EXPECTED) as Caller[]) {
        for (const dist of Object.keys(markings) as Dist[]) {
          const url = `/api/v1/registry/${name}`;
          const read = (await call(caller, 'GET', `${url}/${ids[dist]}`)).statusCode === 200;
          const list = await call(caller, 'GET', `${url}?q=${tokens[dist]}&limit=100`);
          const listed =
            list.statusCode === 200 &&
            (list.json().items as { id: string }[]).some((i) => i.id === ids[dist]);
          const exported = await call(caller, 'GET', `${url}/export?format=json&q=${tokens[dist]}`);
          const inExport = exported.statusCode === 200 && exported.body.includes(ids[dist]);
          let updated = false;
          if (read && caller !== 'anonymous' && caller !== 'readKey') {
            const current = (await call(caller, 'GET', `${url}/${ids[dist]}`)).json();
            const res = await call(caller, 'PUT', `${url}/${ids[dist]}`, { data: current.data });
            updated = res.statusCode === 200;
          }
          expect(read, `${caller} × ${dist}: the record and the list agree`).toBe(listed);
          got.push(`${caller}×${dist}:${read ? 'R' : ''}${inExport ? 'E' : ''}${updated ? 'U' : ''}` || '-');
          want.push(`${caller}×${dist}:${EXPECTED[caller][dist] === '-' ? '' : EXPECTED[caller][dist]}`);
        }
      }
      expect(got).toEqual(want);
    });
  }
});
