import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * Receipt and feedback on risk information through the API: a TLP:AMBER risk information of the
 * Netherlands to two named administrations (Germany, Belgium). The ladder (401 → 400 → 403 / 404
 * → 200), receipt then feedback by a recipient, each administration reading only its own row and
 * the author's reading all of them, refused calls writing nothing, and TLP:RED (named people only).
 */
let t: TestApp;
let author: TestClient; // nl.analyst
let de: TestClient; // de.analyst (named organisation)
let be: TestClient; // be.analyst (named organisation)
let at: TestClient; // at.analyst (not named)
let observer: TestClient; // the Commission observer of the risk-management network
let recordId: string;

const orgId = async (code: string) =>
  (await t.rt.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow())
    .id;
const rows = () => t.rt.db.selectFrom('risk_information_feedback').selectAll().execute();
const auditCount = async () =>
  Number(
    (
      await t.rt.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', 'in', ['risk_information.receipt_confirmed', 'risk_information.control_feedback'])
        .executeTakeFirstOrThrow()
    ).n,
  );

const DATA = {
  title: 'Cigarettes in reefer insulation',
  family: 'financial',
  modus_operandi: 'Cigarettes declared as frozen vegetables.',
  concealment: 'Front wall insulation.',
  goods: [{ cn_code: '24022090', description: 'Cigarettes' }],
  route: {
    countries: ['VN', 'NL', 'DE'],
    places: ['Rotterdam'],
    transport_mode: 'sea',
    vessel_imo: '9321483',
  },
  parties: [{ name: 'Example Trading BV', party_type: 'organisation', identifiers: { eori: 'NL812345678' } }],
  recommended_action: 'Scan the container.',
  valid_from: '2030-01-01',
  valid_to: '2030-06-30',
  urgency: 'high',
  crms_reference: 'CRMS-2030-1',
};

beforeAll(async () => {
  t = await createTestApp();
  const as = (w: string) => t.as(`${w}@demo.eucab.eu`);
  author = await as('nl.analyst');
  de = await as('de.analyst');
  be = await as('be.analyst');
  at = await as('at.analyst');
  observer = await as('observer');
  const res = await author.post('/api/v1/registry/risk_information', {
    data: DATA,
    marking: {
      distribution: 'organisations',
      tlp: 'amber',
      organisationIds: [await orgId('DE'), await orgId('BE')],
    },
    publish: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  recordId = res.json().id;
}, 240_000);
afterAll(async () => t?.close());

describe('risk information: receipt and feedback', () => {
  const url = (p: string) => `/api/v1/risk-information/${recordId}/${p}`;
  const FEEDBACK = {
    controlPerformed: true,
    result: 'seizure',
    usefulness: 'very_useful',
    comment: 'Found.',
  };

  it('refuses the anonymous, bad input, the author and those who may not read it, writing nothing', async () => {
    const before = await auditCount();
    expect((await t.client().put(url('receipt'))).statusCode).toBe(401);
    expect((await de.put(url('feedback'), { ...FEEDBACK, extra: 1 })).statusCode).toBe(400);
    const noResult = await de.put(url('feedback'), { controlPerformed: true, usefulness: 'useful' });
    expect(noResult.statusCode).toBe(400);
    expect(noResult.body).toContain('result');
    expect((await author.put(url('receipt'))).statusCode).toBe(403);
    expect((await at.put(url('receipt'))).statusCode).toBe(404);
    expect((await at.get(url('feedback'))).statusCode).toBe(404);
    expect((await observer.put(url('feedback'), FEEDBACK)).statusCode).toBe(404);
    expect(await rows()).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('lets a named administration confirm receipt once, then report on its controls', async () => {
    const listed = await de.get(url('feedback'));
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({ items: [], abilities: { respond: true } });
    const r1 = await de.put(url('receipt'));
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json().items).toHaveLength(1);
    expect(r1.json().items[0].organisation.code).toBe('DE');
    expect(r1.json().items[0].feedback).toBeNull();
    await de.put(url('receipt'));
    expect(await rows()).toHaveLength(1);
    const f = await de.put(url('feedback'), FEEDBACK);
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json().items[0].feedback).toMatchObject({
      controlPerformed: true,
      result: 'seizure',
      usefulness: 'very_useful',
    });
    const actions = await t.rt.db
      .selectFrom('audit_events')
      .select(['action', 'record_id'])
      .where('action', 'in', ['risk_information.receipt_confirmed', 'risk_information.control_feedback'])
      .orderBy('seq')
      .execute();
    expect(actions).toEqual([
      { action: 'risk_information.receipt_confirmed', record_id: recordId },
      { action: 'risk_information.control_feedback', record_id: recordId },
    ]);
    // the same report again changes nothing
    await de.put(url('feedback'), FEEDBACK);
    expect(await auditCount()).toBe(2);
  });

  it('feedback without a receipt confirms receipt too; each recipient reads its own row, the author all', async () => {
    const res = await be.put(url('feedback'), { controlPerformed: false, usefulness: 'not_relevant' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { organisation: { code: string } }) => i.organisation.code)).toEqual([
      'BE',
    ]);
    const deView = (await de.get(url('feedback'))).json();
    expect(deView.items.map((i: { organisation: { code: string } }) => i.organisation.code)).toEqual(['DE']);
    const mine = (await author.get(url('feedback'))).json();
    expect(mine.items.map((i: { organisation: { code: string } }) => i.organisation.code)).toEqual([
      'BE',
      'DE',
    ]);
    expect(mine.abilities).toEqual({ respond: false });
  });

  it('under TLP:RED only the named people read and answer', async () => {
    const deUser = await t.rt.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'de.analyst@demo.eucab.eu')
      .executeTakeFirstOrThrow();
    const red = await author.post('/api/v1/registry/risk_information', {
      data: { ...DATA, title: 'Red one' },
      marking: { distribution: 'network', tlp: 'red', recipientIds: [deUser.id] },
      publish: true,
    });
    expect(red.statusCode, red.body).toBe(201);
    const id = red.json().id as string;
    expect((await be.put(`/api/v1/risk-information/${id}/receipt`)).statusCode).toBe(404);
    expect((await de.put(`/api/v1/risk-information/${id}/receipt`)).statusCode).toBe(200);
  });
});
