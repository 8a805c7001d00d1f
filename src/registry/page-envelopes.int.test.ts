import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * A list computes the envelope (named organisations, co-editors, open approval round) of its
 * page's rows after the page is chosen (page-envelopes.ts); the single-record read computes it in
 * its own query (record-queries.ts, META_COLUMNS). Both must give the same values, in the same order.
 */
let t: TestApp;
const envelope = (x: Record<string, unknown>) => ({
  named_org_ids: x.named_org_ids,
  editor_ids: x.editor_ids,
  approval: x.approval,
});

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
}, 180_000);

afterAll(async () => t?.close());

describe('list pages carry the same envelope as the record', () => {
  it('named organisations and co-editors (sorted), page by page, searched or not', async () => {
    const nl = await t.as('nl.expert@demo.eucab.eu');
    const org = async (code: string) =>
      (
        await t.rt.db
          .selectFrom('organisations')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id;
    const model = await nl.post('/api/v1/registry/equipment_model', {
      data: { manufacturer: 'Envelope', model: 'EV-1', category: 'nii', technology: 'xray_high' },
      publish: true,
    });
    expect(model.statusCode, model.body).toBe(201);
    const editors = [
      await t.userId('fr.expert@demo.eucab.eu'),
      await t.userId('nl.analyst@demo.eucab.eu'),
      await t.userId('de.expert@demo.eucab.eu'),
    ];
    const orgs = [await org('FR'), await org('DE'), await org('BE')];
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await nl.post('/api/v1/registry/equipment_item', {
        data: {
          inventory_ref: `ENV-${i}`,
          model: model.json().id,
          category: 'nii',
          quantity: 1,
          notes: 'envelopetest',
        },
        marking:
          i % 2
            ? { distribution: 'organisations', tlp: 'amber', organisationIds: orgs }
            : { distribution: 'eucab', tlp: 'amber' },
        publish: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      ids.push(id);
      if (i < 3) {
        const put = await nl.put(`/api/v1/registry/equipment_item/${id}/editors`, {
          userIds: editors.slice(i),
        });
        expect(put.statusCode, put.body).toBe(200);
      }
    }
    for (const query of ['limit=2', 'limit=2&offset=2', 'q=envelopetest&limit=3', 'sort=title&limit=50']) {
      const list = await nl.get(`/api/v1/registry/equipment_item?${query}`);
      expect(list.statusCode, list.body).toBe(200);
      for (const item of list.json().items as Record<string, unknown>[]) {
        const one = await nl.get(`/api/v1/registry/equipment_item/${item.id}`);
        expect(envelope(item), query).toEqual(envelope(one.json()));
      }
    }
    const mine = await nl.get('/api/v1/registry/equipment_item?q=envelopetest&limit=50');
    const items = mine.json().items as Record<string, unknown>[];
    expect(items.map((x) => x.id).sort()).toEqual([...ids].sort());
    const first = items.find((x) => x.id === ids[1])!;
    expect(first.editor_ids).toEqual(editors.slice(1).sort());
    expect(first.named_org_ids).toEqual([...orgs].sort());
    expect(items.find((x) => x.id === ids[3])!.editor_ids).toEqual([]);
  });

  it('the open approval round of a submitted record', async () => {
    const de = await t.as('de.expert@demo.eucab.eu');
    const res = await de.post('/api/v1/registry/requirement_set', {
      data: {
        title: 'Envelope requirements',
        category: 'nii',
        version_label: '2027.1',
        requirements: [
          {
            req_id: 'P1',
            text: 'Steel penetration of at least 300 mm',
            kind: 'performance',
            metric: 'penetration_steel',
            comparison: 'min',
            threshold: 300,
            unit: 'mm',
            standard: 'IEC 62523',
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await de.post(`/api/v1/registry/requirement_set/${id}/submit`)).statusCode).toBe(200);
    const list = await de.get('/api/v1/registry/requirement_set?status=submitted');
    const item = (list.json().items as Record<string, unknown>[]).find((x) => x.id === id)!;
    const one = (await de.get(`/api/v1/registry/requirement_set/${id}`)).json();
    expect(item.approval).toMatchObject({ submitted_by: await t.userId('de.expert@demo.eucab.eu') });
    expect(envelope(item)).toEqual(envelope(one));
  });
});
