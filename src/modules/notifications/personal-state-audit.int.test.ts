import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * Changes of a user's own state — saved filters, alert subscriptions, marking notifications as
 * read — are changes like any other: each writes an audit event about the user in the same
 * transaction, a read-scope key may not make them (and leaves no event), and the user reads the
 * events in their own trail.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const EMAIL = 'pt.expert@demo.eucab.eu';

async function eventsAbout(userId: string, since: number) {
  return t.rt.db
    .selectFrom('audit_events')
    .select(['seq', 'action', 'actor_id', 'record_kind', 'record_id', 'changes'])
    .where('record_kind', '=', 'user')
    .where('record_id', '=', userId)
    .where('seq', '>', since)
    .orderBy('seq')
    .execute();
}

async function lastSeq() {
  const row = await t.rt.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirstOrThrow();
  return Number(row.seq ?? 0);
}

describe('personal state changes are audited', () => {
  it('saving, replacing and deleting a saved filter write one event each, with what changed', async () => {
    const c = await t.as(EMAIL);
    const me = await t.userId(EMAIL);
    const since = await lastSeq();
    const url = '/api/v1/registry/saved-filters/tender';
    expect((await c.put(url, { name: 'NII', query: 'category=nii' })).statusCode).toBe(200);
    const replaced = await c.put(url, { name: 'NII', query: 'category=nii&country=PT' });
    expect(replaced.statusCode).toBe(200);
    expect((await c.delete(`${url}/${replaced.json().id}`)).statusCode).toBe(204);
    // A refused delete (already gone) changes nothing and records nothing.
    expect((await c.delete(`${url}/${replaced.json().id}`)).statusCode).toBe(404);
    const events = await eventsAbout(me, since);
    expect(events.map((e) => e.action)).toEqual([
      'saved_filter.saved',
      'saved_filter.saved',
      'saved_filter.deleted',
    ]);
    expect(events.every((e) => e.actor_id === me)).toBe(true);
    expect(events[1]!.changes).toMatchObject({
      name: { after: 'NII' },
      query: { before: 'category=nii', after: 'category=nii&country=PT' },
    });
    expect(events[2]!.changes).toMatchObject({ query: { before: 'category=nii&country=PT', after: null } });
  });

  it('subscribing and stopping are audited; a duplicate subscription records nothing', async () => {
    const c = await t.as(EMAIL);
    const me = await t.userId(EMAIL);
    const since = await lastSeq();
    const body = { kind: 'tender', field: 'category', prefix: 'nii' };
    const sub = await c.post('/api/v1/registry/subscriptions', body);
    expect(sub.statusCode, sub.body).toBe(201);
    expect((await c.post('/api/v1/registry/subscriptions', body)).json()).toEqual({ duplicate: true });
    expect((await c.delete(`/api/v1/registry/subscriptions/${sub.json().id}`)).statusCode).toBe(204);
    const events = await eventsAbout(me, since);
    expect(events.map((e) => e.action)).toEqual(['subscription.created', 'subscription.deleted']);
    expect(events[0]!.changes).toMatchObject({
      kind: { after: 'tender' },
      field: { after: 'category' },
      prefix: { after: 'nii' },
    });
  });

  it('marking notifications read is audited once per change, and only the owner may', async () => {
    const c = await t.as(EMAIL);
    const me = await t.userId(EMAIL);
    const other = await t.as('es.expert@demo.eucab.eu');
    const rows = await t.rt.db
      .insertInto('notifications')
      .values(
        [1, 2, 3].map((i) => ({
          user_id: me,
          kind: 'membership.active',
          record_kind: null,
          record_id: null,
          summary: `probe ${i}`,
          created_at: new Date(),
        })),
      )
      .returning('id')
      .execute();
    const since = await lastSeq();
    expect((await other.post(`/api/v1/notifications/${rows[0]!.id}/read`)).statusCode).toBe(404);
    expect((await c.post(`/api/v1/notifications/${rows[0]!.id}/read`)).statusCode).toBe(204);
    // Marking it again changes nothing: no second event.
    expect((await c.post(`/api/v1/notifications/${rows[0]!.id}/read`)).statusCode).toBe(204);
    expect((await c.post('/api/v1/notifications/read-all')).statusCode).toBe(204);
    expect((await c.post('/api/v1/notifications/read-all')).statusCode).toBe(204);
    const events = await eventsAbout(me, since);
    expect(events.map((e) => e.action)).toEqual(['notifications.read', 'notifications.all_read']);
    expect(events[0]!.changes).toEqual({ notification: { before: null, after: rows[0]!.id } });
    const allRead = events[1]!.changes as { unread: { before: number; after: number } };
    expect(allRead.unread.after).toBe(0);
    expect(allRead.unread.before).toBeGreaterThanOrEqual(2);
    const unread = await t.rt.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', me)
      .where('read_at', 'is', null)
      .execute();
    expect(unread).toEqual([]);
  });

  it('a read-scope key may not change personal state, and leaves no event', async () => {
    const c = await t.as(EMAIL);
    const me = await t.userId(EMAIL);
    const key = (
      await c.post('/api/v1/account/api-keys', { name: 'reader', scopes: ['read'], expiresInDays: 1 })
    ).json().key as string;
    const since = await lastSeq();
    const headers = { authorization: `Bearer ${key}` };
    const calls = [
      {
        method: 'PUT' as const,
        url: '/api/v1/registry/saved-filters/tender',
        payload: { name: 'k', query: '' },
      },
      { method: 'POST' as const, url: '/api/v1/registry/subscriptions', payload: { kind: 'tender' } },
      { method: 'POST' as const, url: '/api/v1/notifications/read-all' },
    ];
    for (const call of calls) {
      const res = await t.app.inject({ ...call, headers });
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(403);
    }
    expect(await eventsAbout(me, since)).toEqual([]);
  });

  it('the user reads these events in their own audit trail, with a sentence', async () => {
    const c = await t.as(EMAIL);
    const res = await c.get('/api/v1/audit?limit=200');
    expect(res.statusCode, res.body).toBe(200);
    const actions = new Set((res.json().items as { action: string }[]).map((e) => e.action));
    for (const a of ['saved_filter.saved', 'subscription.created', 'notifications.all_read']) {
      expect(actions.has(a), a).toBe(true);
    }
  });
});
