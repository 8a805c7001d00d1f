import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tender as tenderKind } from './../../registry/kinds/procurement/tender.kind.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { MODULES } from '../index.ts';
import { sentenceTables } from '../sentences.ts';

let t: TestApp;
let de: TestClient;
let fr: TestClient;
let tenderId: string;
let secretId: string;

const tender = (ref: string, title: string) => ({
  reference: ref,
  title,
  cpv_codes: ['38582000-7'],
  category: 'nii',
  procedure_type: 'open',
  status: 'planned',
});

beforeAll(async () => {
  t = await createTestApp();
  de = await t.as('de.ncp@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
  const open = await de.post('/api/v1/registry/tender', {
    data: tender('SEN-1', 'Mobile scanners'),
    publish: true,
  });
  expect(open.statusCode, open.body).toBe(201);
  tenderId = open.json().id;
  const secret = await de.post('/api/v1/registry/tender', {
    data: tender('SEN-2', 'Secret scanners'),
    marking: { distribution: 'organisation', tlp: 'amber' },
    publish: true,
  });
  expect(secret.statusCode, secret.body).toBe(201);
  secretId = secret.json().id;
});
afterAll(async () => t?.close());

interface Event {
  action: string;
  record_id: string | null;
  sentence: { key: string; params: Record<string, unknown> } | null;
}
const events = async (c: TestClient, recordId: string): Promise<Event[]> => {
  const res = await c.get(`/api/v1/audit?recordId=${recordId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

describe('sentences in the audit trail and the notifications', () => {
  it('the audit trail reads as sentences: who did what to which record', async () => {
    const [created] = (await events(de, tenderId)).filter((e) => e.action === 'tender.created');
    expect(created!.sentence).toEqual({
      key: 'registry.audit.created',
      params: {
        title: 'Mobile scanners',
        kind: { labels: tenderKind.label },
        actor: 'DE National Contact Point',
      },
    });
  });

  it('quotes no title to a reader who sees the event but may not read the record', async () => {
    // A platform administrator sees every event, and the details only of records they may read.
    const admin = await t.as('admin@demo.eucab.eu');
    const [hidden] = (await events(admin, secretId)).filter((e) => e.action === 'tender.created');
    expect(hidden!.sentence).toEqual({
      key: 'registry.audit.createdUntitled',
      params: {
        kind: { labels: tenderKind.label },
        actor: 'DE National Contact Point',
      },
    });
    expect(JSON.stringify(await events(admin, secretId))).not.toContain('Secret scanners');
    expect(await events(fr, secretId)).toEqual([]);
  });

  it('names background work "the platform"', async () => {
    const res = await (await t.as('admin@demo.eucab.eu')).get('/api/v1/audit?action=membership.&limit=500');
    const seeded = (res.json().items as Event[]).find((e) => e.action === 'membership.active');
    expect(seeded!.sentence!.params.actor).toEqual({ t: 'platform.systemActor' });
    expect(seeded!.sentence!.key).toBe('platform.audit.membership_active');
  });

  it('notifications read as sentences from the module that writes them', async () => {
    const res = await fr.post(`/api/v1/registry/tender/${tenderId}/comments`, {
      kind: 'interest',
      body: 'We would join.',
    });
    expect(res.statusCode, res.body).toBe(201);
    await t.rt.outbox.drain();
    const items = (await de.get('/api/v1/notifications')).json().items as {
      kind: string;
      sentence: unknown;
    }[];
    expect(items.find((n) => n.kind === 'tender.interest')!.sentence).toEqual({
      key: 'registry.notify.interest',
      params: { from: 'FR: Mobile scanners', kind: { labels: tenderKind.label } },
    });
  });

  it('every action and notification kind in the database has a sentence', async () => {
    const tables = sentenceTables(MODULES);
    const actions = await t.rt.db.selectFrom('audit_events').select('action').distinct().execute();
    const kinds = await t.rt.db.selectFrom('notifications').select('kind').distinct().execute();
    expect(actions.length).toBeGreaterThan(5);
    expect(actions.map((a) => a.action).filter((a) => !tables.audit.has(a))).toEqual([]);
    expect(kinds.map((k) => k.kind).filter((k) => !tables.notify.has(k))).toEqual([]);
  });
});
