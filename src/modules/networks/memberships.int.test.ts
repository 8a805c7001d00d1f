import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const net: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const n of await t.rt.db.selectFrom('networks').select(['id', 'code']).execute()) net[n.code] = n.id;
});
afterAll(async () => t?.close());

describe('network membership: request → endorsement by the NCP → approval by the coordinator', () => {
  it('runs the whole flow with the right people, notifying each next decider', async () => {
    const user = await t.as('hr.analyst@demo.eucab.eu');
    const req = await user.post(`/api/v1/networks/${net.procurement}/memberships`, {
      role: 'expert',
      note: 'I manage scanner tenders.',
    });
    expect(req.statusCode, req.body).toBe(201);
    const id = req.json().id;
    expect(req.json().status).toBe('requested');

    // The coordinator cannot approve before the NCP endorsed; another administration's NCP cannot endorse.
    const coordinator = await t.as('de.expert@demo.eucab.eu'); // coordinates procurement
    expect((await coordinator.post(`/api/v1/memberships/${id}/approve`)).statusCode).toBe(403);
    const otherNcp = await t.as('si.ncp@demo.eucab.eu');
    expect((await otherNcp.post(`/api/v1/memberships/${id}/endorse`)).statusCode).toBe(403);

    await t.rt.outbox.drain();
    const hrNcp = await t.as('hr.ncp@demo.eucab.eu');
    const pending = (await hrNcp.get('/api/v1/memberships?status=requested')).json().items;
    expect(pending.find((m: { id: string }) => m.id === id).abilities.endorse).toBe(true);
    expect(
      (await hrNcp.get('/api/v1/notifications'))
        .json()
        .items.some((n: { kind: string }) => n.kind === 'membership.requested'),
    ).toBe(true);
    expect((await hrNcp.post(`/api/v1/memberships/${id}/endorse`)).statusCode).toBe(200);

    await t.rt.outbox.drain();
    expect(
      (await coordinator.get('/api/v1/notifications'))
        .json()
        .items.some((n: { kind: string }) => n.kind === 'membership.endorsed'),
    ).toBe(true);
    const approved = await coordinator.post(`/api/v1/memberships/${id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('active');

    const me = (await (await t.as('hr.analyst@demo.eucab.eu')).get('/api/v1/auth/me')).json();
    expect(me.networks.find((n: { code: string }) => n.code === 'procurement')).toMatchObject({
      role: 'expert',
      canPost: true,
    });
  });

  it('an NCP nominates a user of their own administration (counts as endorsed), not of another', async () => {
    const ncp = await t.as('cz.ncp@demo.eucab.eu');
    const own = await t.userId('cz.analyst@demo.eucab.eu');
    const other = await t.userId('sk.analyst@demo.eucab.eu');
    const res = await ncp.post(`/api/v1/networks/${net.innovation}/memberships`, {
      userId: own,
      role: 'expert',
    });
    expect(res.json().status).toBe('endorsed');
    expect(
      (await ncp.post(`/api/v1/networks/${net.innovation}/memberships`, { userId: other, role: 'expert' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await ncp.post(`/api/v1/networks/${net.innovation}/memberships`, { userId: own, role: 'coordinator' }))
        .statusCode,
    ).toBe(403);
    const coordinator = await t.as('ee.expert@demo.eucab.eu'); // coordinates innovation
    expect((await coordinator.post(`/api/v1/memberships/${res.json().id}/approve`)).statusCode).toBe(200);
    // A duplicate open membership is refused.
    expect(
      (await ncp.post(`/api/v1/networks/${net.innovation}/memberships`, { userId: own, role: 'observer' }))
        .statusCode,
    ).toBe(409);
  });

  it('one person coordinates one network and is an expert in another', async () => {
    const me = (await (await t.as('nl.expert@demo.eucab.eu')).get('/api/v1/auth/me')).json();
    const roles = Object.fromEntries(
      me.networks.map((n: { code: string; role: string }) => [n.code, n.role]),
    );
    expect(roles['risk-management']).toBe('coordinator');
    expect(roles.procurement).toBe('expert');
  });

  it('Commission users are read-only: they cannot ask to join, post or change anything', async () => {
    const observer = await t.as('observer@demo.eucab.eu');
    expect(
      (await observer.post(`/api/v1/networks/${net.training}/memberships`, { role: 'observer' })).statusCode,
    ).toBe(403);
    const post = await observer.post('/api/v1/registry/announcement', {
      data: { title: 'Observer post', body: 'x', network: 'risk-management' },
      marking: { distribution: 'eucab', tlp: 'green' },
    });
    expect(post.statusCode).toBe(403);
    const me = (await observer.get('/api/v1/auth/me')).json();
    expect(me.abilities.readOnly).toBe(true);
    expect(me.networks.every((n: { canPost: boolean }) => !n.canPost)).toBe(true);
    const admin = await t.as('admin@demo.eucab.eu');
    const uid = await t.userId('observer@demo.eucab.eu');
    const appoint = await admin.post(`/api/v1/networks/${net.training}/memberships`, {
      userId: uid,
      role: 'expert',
    });
    expect(appoint.statusCode).toBe(400);
    expect(appoint.json().detail).toMatch(/observers only/);
  });
});
