import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * What a user is told exists follows the policy everywhere: the unread count counts only what the
 * notification list shows, and a duplicate-key conflict names only a record the caller may read.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('counts and messages name only what the caller may read', () => {
  it('the unread count drops when a record is narrowed so the reader may no longer read it', async () => {
    const author = await t.as('nl.analyst@demo.eucab.eu');
    const reader = await t.as('fr.analyst@demo.eucab.eu'); // both experts of risk management
    const post = await author.post('/api/v1/registry/announcement', {
      data: {
        title: 'Count probe announcement',
        body: 'Visible to the network, then narrowed.',
        network: 'risk-management',
      },
      marking: { distribution: 'network', tlp: 'green' },
    });
    expect(post.statusCode, post.body).toBe(201);
    await t.rt.outbox.drain();
    const before = (await reader.get('/api/v1/notifications?unread=true&limit=200')).json();
    expect(before.items.some((n: { record_id: string }) => n.record_id === post.json().id)).toBe(true);
    expect(before.unread).toBe(before.items.length);
    const share = await author.post(`/api/v1/registry/announcement/${post.json().id}/share`, {
      distribution: 'organisation',
      tlp: 'amber',
    });
    expect(share.statusCode, share.body).toBe(200);
    const after = (await reader.get('/api/v1/notifications?unread=true&limit=200')).json();
    expect(after.items.some((n: { record_id: string }) => n.record_id === post.json().id)).toBe(false);
    expect(after.unread).toBe(after.items.length);
    expect(after.unread).toBe(before.unread - 1);
  });

  it('a duplicate-key conflict names the existing record only to someone who may read it', async () => {
    const author = await t.as('nl.expert@demo.eucab.eu');
    const colleague = await t.as('nl.analyst@demo.eucab.eu');
    const data = { manufacturer: 'Conflict', model: 'C-1', category: 'nii', technology: 'xray_high' };
    const red = await author.post('/api/v1/registry/equipment_model', {
      data,
      marking: {
        distribution: 'eucab',
        tlp: 'red',
        recipientIds: [await t.userId('be.expert@demo.eucab.eu')],
      },
    });
    expect(red.statusCode, red.body).toBe(201);
    const hidden = await colleague.post('/api/v1/registry/equipment_model', { data });
    expect(hidden.statusCode).toBe(409);
    expect(hidden.body).not.toContain(red.json().id);
    const named = await author.post('/api/v1/registry/equipment_model', { data });
    expect(named.statusCode).toBe(409);
    expect(named.json().detail).toContain(red.json().id);
  });
});
