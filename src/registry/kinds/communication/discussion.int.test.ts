import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app.ts';

/**
 * Discussions through the API: a network's discussion (the kind `discussion`) and the thread of
 * any record (its comments): replies (one level), mentions that notify only people who may read
 * the record, following and leaving a thread, editing and withdrawing one's own post, a
 * coordinator hiding a post with a reason, and search through the policy. The procurement
 * network: de.expert coordinates it, be.expert is an expert in it, at.expert is outside it.
 */
const URL = '/api/v1/registry/discussion';
let t: TestApp;
let coordinator: TestClient; // de.expert
let member: TestClient; // be.expert
let outsider: TestClient; // at.expert
let observer: TestClient; // the Commission observer of the procurement network (read-only)
let other: TestClient; // another expert of the procurement network
let otherEmail: string;
let discussionId: string;
let ids: Record<'coordinator' | 'member' | 'outsider' | 'other', string>;

const posts = async (c: TestClient, id = discussionId) => {
  const res = await c.get(`${URL}/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    comments: {
      id: string;
      parent_id: string | null;
      body: string | null;
      edited_at: string | null;
      withdrawn_at: string | null;
      hidden: { reason: string | null } | null;
      mentions: { id: string }[];
      abilities: { reply: boolean; edit: boolean; withdraw: boolean; hide: boolean };
    }[];
    thread: { subscribed: boolean; subscribe: boolean };
  };
};

async function notificationsOf(c: TestClient, id = discussionId) {
  await t.rt.outbox.drain();
  const items = (await c.get('/api/v1/notifications?limit=100')).json().items as {
    kind: string;
    record_id: string;
  }[];
  // The posts' notifications (members are also told of the publication).
  return items.filter((n) => n.record_id === id && !n.kind.endsWith('.published')).map((n) => n.kind);
}

const searchIds = async (c: TestClient, q: string) =>
  ((await c.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().items as { id: string }[]).map(
    (r) => r.id,
  );

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.as('de.expert@demo.eucab.eu');
  member = await t.as('be.expert@demo.eucab.eu');
  outsider = await t.as('at.expert@demo.eucab.eu');
  observer = await t.as('observer@demo.eucab.eu');
  const procurement = await t.rt.db
    .selectFrom('networks')
    .select('id')
    .where('code', '=', 'procurement')
    .executeTakeFirstOrThrow();
  const expert = await t.rt.db
    .selectFrom('network_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .where('m.network_id', '=', procurement.id)
    .where('m.status', '=', 'active')
    .where('m.role', '=', 'expert')
    .where('u.email', 'not in', ['be.expert@demo.eucab.eu', 'de.expert@demo.eucab.eu'])
    .orderBy('u.email')
    .executeTakeFirstOrThrow();
  otherEmail = expert.email;
  other = await t.as(otherEmail);
  ids = {
    coordinator: await t.userId('de.expert@demo.eucab.eu'),
    member: await t.userId('be.expert@demo.eucab.eu'),
    outsider: await t.userId('at.expert@demo.eucab.eu'),
    other: await t.userId(otherEmail),
  };
});
afterAll(async () => t?.close());

describe('discussions in a network', () => {
  it('a member opens a discussion in their network (published at once); others may not post there', async () => {
    const data = {
      topic: 'Sharing scanner maintenance contracts',
      body: 'Who maintains their own scanners?',
      network: 'procurement',
    };
    expect((await outsider.post(URL, { data })).statusCode).toBe(403);
    expect((await observer.post(URL, { data })).statusCode).toBe(403);
    const res = await member.post(URL, { data });
    expect(res.statusCode, res.body).toBe(201);
    discussionId = res.json().id;
    const listed = (await coordinator.get(`${URL}?network=procurement`)).json().items as {
      id: string;
      status: string;
    }[];
    expect(listed.find((r) => r.id === discussionId)?.status).toBe('published');
    expect((await outsider.get(`${URL}/${discussionId}`)).statusCode).toBe(404);
    // The author follows their discussion.
    expect((await posts(member)).thread).toEqual({ subscribed: true, subscribe: true });
  });

  it('the @ picker offers only people who may read the record', async () => {
    const names = await t.rt.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', [ids.coordinator, ids.outsider])
      .execute();
    for (const n of names) {
      const res = await member.get(
        `${URL}/${discussionId}/mentionable?q=${encodeURIComponent(n.display_name)}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const found = (res.json().items as { id: string }[]).map((p) => p.id);
      if (n.id === ids.coordinator) expect(found).toContain(n.id);
      else expect(found).not.toContain(n.id);
    }
    expect(
      (await outsider.get(`/api/v1/registry/discussion/${discussionId}/mentionable?q=a`)).statusCode,
    ).toBe(404);
    expect(
      (await t.client().get(`/api/v1/registry/discussion/${discussionId}/mentionable?q=a`)).statusCode,
    ).toBe(401);
  });

  it('a mention notifies a reader; a person who may not read gets nothing, and the post says nothing of it', async () => {
    const res = await member.post(`${URL}/${discussionId}/comments`, {
      body: 'Anna and Otto, do you keep the maintenance in-house? #turbines',
      mentions: [ids.coordinator, ids.outsider],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await notificationsOf(coordinator)).toEqual(['discussion.mention']);
    expect(await notificationsOf(outsider)).toEqual([]);
    expect(await notificationsOf(member)).toEqual([]); // never one's own post
    const [post] = (await posts(member)).comments;
    expect(post!.mentions.map((m) => m.id).sort()).toEqual([ids.coordinator, ids.outsider].sort());
    // Unknown people are refused with why, and nothing is written.
    const bad = await member.post(`${URL}/${discussionId}/comments`, {
      body: 'x',
      mentions: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(400);
    expect((await posts(member)).comments).toHaveLength(1);
  });

  it('replies are one level: a reply to a reply joins the thread of the post it answers; followers are notified', async () => {
    const [first] = (await posts(coordinator)).comments;
    const reply = await coordinator.post(`${URL}/${discussionId}/comments`, {
      body: 'We do, with a framework contract.',
      parentId: first!.id,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json().parent_id).toBe(first!.id);
    const nested = await other.post(`${URL}/${discussionId}/comments`, {
      body: 'Which framework contract? #zeppelin',
      parentId: reply.json().id,
    });
    expect(nested.statusCode, nested.body).toBe(201);
    expect(nested.json().parent_id).toBe(first!.id);
    // The record's author and the earlier posters follow the thread.
    expect(await notificationsOf(member)).toEqual(['discussion.comment', 'discussion.comment']);
    expect(await notificationsOf(coordinator)).toContain('discussion.comment');
    const foreign = await member.post(`${URL}/${discussionId}/comments`, {
      body: 'x',
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.statusCode).toBe(400);
  });

  it('the author edits their post (marked edited, earlier text in the audit); nobody else does', async () => {
    const mine = (await posts(member)).comments[0]!;
    expect(mine.abilities).toMatchObject({ edit: true, withdraw: true, hide: false });
    expect((await posts(coordinator)).comments[0]!.abilities).toMatchObject({ edit: false, hide: true });
    const url = `${URL}/${discussionId}/comments/${mine.id}`;
    expect((await coordinator.patch(url, { body: 'Not mine' })).statusCode).toBe(403);
    expect((await outsider.patch(url, { body: 'Not mine' })).statusCode).toBe(404);
    expect((await member.patch(url, { body: '', extra: 1 })).statusCode).toBe(400);
    const res = await member.patch(url, { body: 'Do you keep the maintenance in-house? #turbines' });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await posts(other)).comments[0]!;
    expect(after.body).toBe('Do you keep the maintenance in-house? #turbines');
    expect(after.edited_at).not.toBeNull();
    const audit = await t.rt.db
      .selectFrom('audit_events')
      .select('changes')
      .where('action', '=', 'discussion.post_edited')
      .where('record_id', '=', discussionId)
      .executeTakeFirstOrThrow();
    expect(audit.changes).toMatchObject({
      body: { before: 'Anna and Otto, do you keep the maintenance in-house? #turbines' },
    });
  });

  it('a coordinator hides a post with a reason: others see “hidden”, the author and coordinators the text', async () => {
    const target = (await posts(coordinator)).comments.find(
      (c) => c.body === 'Which framework contract? #zeppelin',
    )!;
    const url = `${URL}/${discussionId}/comments/${target.id}/hide`;
    expect((await member.post(url, { reason: 'Off topic here.' })).statusCode).toBe(403);
    expect((await coordinator.post(url, { reason: '' })).statusCode).toBe(400);
    expect((await coordinator.post(url, { reason: 'Names a contract under negotiation.' })).statusCode).toBe(
      200,
    );
    const seenByOthers = (await posts(member)).comments.find((c) => c.id === target.id)!;
    expect(seenByOthers.body).toBeNull();
    expect(seenByOthers.hidden).toEqual(expect.objectContaining({ reason: null }));
    expect(seenByOthers.abilities.reply).toBe(false);
    const seenByAuthor = (await posts(other)).comments.find((c) => c.id === target.id)!;
    expect(seenByAuthor.body).toBe('Which framework contract? #zeppelin');
    expect(seenByAuthor.hidden?.reason).toBe('Names a contract under negotiation.');
    expect((await coordinator.post(url, { reason: 'Again.' })).statusCode).toBe(403);
  });

  it('search finds the record by the words of its visible posts, for readers only', async () => {
    expect(await searchIds(member, 'turbines')).toContain(discussionId);
    expect(await searchIds(outsider, 'turbines')).not.toContain(discussionId);
    expect(await searchIds(member, 'framework')).toContain(discussionId); // the coordinator's reply
    // The hidden post's words no longer find it (not even for its author).
    expect(await searchIds(other, 'zeppelin')).not.toContain(discussionId);
    await coordinator.post(`${URL}/${discussionId}/comments`, { body: 'Plain words only.' });
    expect(await searchIds(member, 'zeppelin')).not.toContain(discussionId);
  });

  it('following: a person leaves the thread and is no longer notified; the read-only observer cannot follow', async () => {
    const url = `${URL}/${discussionId}/subscription`;
    expect((await member.put(url, { subscribed: 'no' })).statusCode).toBe(400);
    expect((await observer.put(url, { subscribed: true })).statusCode).toBe(403);
    expect((await outsider.put(url, { subscribed: true })).statusCode).toBe(404);
    const before = (await notificationsOf(member)).length;
    expect((await member.put(url, { subscribed: false })).json()).toEqual({
      subscribed: false,
      subscribe: true,
    });
    expect((await posts(member)).thread.subscribed).toBe(false);
    await other.post(`${URL}/${discussionId}/comments`, { body: 'One more.' });
    expect((await notificationsOf(member)).length).toBe(before);
    const events = await t.rt.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', discussionId)
      .where('action', 'like', 'discussion.thread_%')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['discussion.thread_left']);
  });

  it('the author withdraws their post: it stays in the thread, marked, without its text', async () => {
    const reply = (await posts(coordinator)).comments.find(
      (c) => c.body === 'We do, with a framework contract.',
    )!;
    const url = `${URL}/${discussionId}/comments/${reply.id}/withdraw`;
    expect((await member.post(url, {})).statusCode).toBe(403);
    expect((await coordinator.post(url, {})).statusCode).toBe(200);
    const after = (await posts(member)).comments.find((c) => c.id === reply.id)!;
    expect(after.body).toBeNull();
    expect(after.withdrawn_at).not.toBeNull();
    expect(await searchIds(member, 'framework')).not.toContain(discussionId);
  });
});

describe('threads on any record', () => {
  it('an announcement’s comments are a thread like a discussion’s', async () => {
    const ann = await coordinator.post('/api/v1/registry/announcement', {
      data: { title: 'Joint tender planning', body: 'Planning for 2027.', network: 'procurement' },
    });
    expect(ann.statusCode, ann.body).toBe(201);
    const id = ann.json().id as string;
    const c = await member.post(`/api/v1/registry/announcement/${id}/comments`, {
      body: 'We join.',
      mentions: [ids.other],
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(await notificationsOf(other, id)).toEqual(['announcement.mention']);
    expect(await notificationsOf(coordinator, id)).toEqual(['announcement.comment']);
  });
});
