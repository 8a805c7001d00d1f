import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

/**
 * Discussions as people use them: a member of the procurement network (be.expert) opens a
 * discussion on the network page and mentions its coordinator (de.expert) with the @ picker; the
 * coordinator is notified, opens the thread from the notification and replies; the coordinator
 * hides a post with a reason — its author reads the reason, the Commission observer sees only
 * that it was hidden; a person of another network (at.expert), who may not read the discussion,
 * is offered nothing and notified of nothing. Axe on every page, in EN, FR and DE.
 */
let env: BrowserEnv;
let procurementId: string;
const names: Record<string, string> = {};

beforeAll(async () => {
  env = await startEnv();
  procurementId = (
    await env.t.rt.db
      .selectFrom('networks')
      .select('id')
      .where('code', '=', 'procurement')
      .executeTakeFirstOrThrow()
  ).id;
  for (const who of ['be.expert', 'de.expert', 'at.expert']) {
    const u = await env.t.rt.db
      .selectFrom('users')
      .select('display_name')
      .where('email', '=', `${who}@demo.eucab.eu`)
      .executeTakeFirstOrThrow();
    names[who] = u.display_name;
  }
});
afterAll(async () => {
  await env?.close();
});

describe('discussions', () => {
  it('a member opens a discussion, mentions the coordinator, who replies from the notification and hides a post', async () => {
    const topic = 'Spare parts for mobile scanners';
    const member = await env.page();
    await signIn(member, env.t, 'be.expert@demo.eucab.eu');
    await member.goto(`/networks/${procurementId}`);
    const open = member.getByRole('region', { name: 'Open a discussion' });
    await open.getByLabel('Topic').fill(topic);
    await open.getByLabel('Opening text').fill('How do you stock spare parts for your mobile scanners?');
    await expectAccessible(member, 'network-discussions');
    await open.getByRole('button', { name: 'Open the discussion' }).click();
    await member.getByRole('heading', { name: topic, level: 1 }).waitFor();
    await member.getByText('You follow this discussion: you are notified of new posts.').waitFor();

    // The @ picker offers the coordinator (who may read) and not the outsider (who may not).
    const picker = member.getByRole('group', { name: 'Mention someone' }).last();
    await member.getByLabel('Your comment').fill('We keep a two-year stock.');
    await picker.getByLabel('Name of a person who may read this record').fill(names['at.expert']!);
    await picker.getByText('Nobody who may read this record has that name.').waitFor();
    await picker.getByLabel('Name of a person who may read this record').fill(names['de.expert']!);
    await picker.getByRole('button', { name: new RegExp(`^Mention ${names['de.expert']}`) }).click();
    expect(await member.getByLabel('Your comment').inputValue()).toContain(`@${names['de.expert']}`);
    await expectAccessible(member, 'thread-mention-picker');
    await member.getByRole('button', { name: 'Post', exact: true }).click();
    await member.getByText('Comment posted.').waitFor();
    await env.t.rt.outbox.drain();

    // The coordinator is notified; the link opens the thread, where they reply.
    const coordinator = await env.page();
    await signIn(coordinator, env.t, 'de.expert@demo.eucab.eu');
    await coordinator.goto('/notifications');
    await coordinator
      .getByRole('link', { name: /You were mentioned/ })
      .first()
      .click();
    await coordinator.getByRole('heading', { name: topic, level: 1 }).waitFor();
    await coordinator.getByRole('button', { name: `Reply to ${names['be.expert']}` }).click();
    await coordinator
      .getByRole('textbox', { name: `Reply to ${names['be.expert']}` })
      .fill('We share a pool with two neighbours.');
    await coordinator.getByRole('button', { name: 'Post the reply' }).click();
    await coordinator
      .getByRole('list', { name: `Replies to ${names['be.expert']}` })
      .getByText('We share a pool with two neighbours.')
      .waitFor();
    await expectAccessible(coordinator, 'thread-reply');

    // The coordinator hides the member's post with a reason.
    const post = coordinator.getByRole('article', { name: new RegExp(`^${names['be.expert']}`) }).first();
    await post.getByRole('button', { name: 'Hide' }).click();
    await post.getByLabel('Why is this post hidden?').fill('Stock levels are not shared here.');
    await expectAccessible(coordinator, 'thread-hide');
    await post.getByRole('button', { name: 'Hide the post' }).click();
    await coordinator.getByText('Post hidden.').waitFor();

    // Its author reads the reason and their text; the observer only that it was hidden.
    await member.reload();
    await member.getByText('Hidden by a coordinator: Stock levels are not shared here.').waitFor();
    const observer = await env.page();
    await signIn(observer, env.t, 'observer@demo.eucab.eu');
    await observer.goto(member.url().replace(/^https?:\/\/[^/]+/, ''));
    await observer.getByText('Hidden by a coordinator.').waitFor();
    expect(await observer.getByText('We keep a two-year stock.').count()).toBe(0);
    await expectAccessible(observer, 'thread-hidden');

    // The person of another network may not read it and was notified of nothing.
    const outsider = await env.page();
    await signIn(outsider, env.t, 'at.expert@demo.eucab.eu');
    await outsider.goto('/notifications');
    await outsider.getByRole('heading', { level: 1 }).waitFor();
    expect(await outsider.getByRole('link', { name: /You were mentioned/ }).count()).toBe(0);
    const ids = (
      await env.t.rt.db
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .select('n.kind')
        .where('u.email', '=', 'at.expert@demo.eucab.eu')
        .where('n.record_kind', '=', 'discussion')
        .execute()
    ).map((n) => n.kind);
    expect(ids).toEqual([]);

    // The thread in French and German.
    for (const [lang, follow, reply] of [
      ['fr', 'Suivre cette discussion', `Répondre à ${names['de.expert']}`],
      ['de', 'Dieser Diskussion folgen', `${names['de.expert']} antworten`],
    ] as const) {
      await member
        .getByRole('combobox', { name: 'Language', exact: true })
        .or(member.getByRole('combobox', { name: 'Langue', exact: true }))
        .first()
        .selectOption(lang);
      await member.getByRole('button', { name: follow }).waitFor();
      await member.getByRole('button', { name: reply }).waitFor();
      await expectAccessible(member, `thread-${lang}`);
    }
  });
});
