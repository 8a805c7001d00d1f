import type { Database } from '../db/connection.ts';
import { kindByName } from '../registry/kinds/index.ts';
import { addComment, createRecord } from '../registry/record-service.ts';
import { demoActor } from './demo-actor.ts';

interface DemoThread {
  author: string;
  network: string;
  topic: string;
  body: string;
  /** Posts in order: `replyTo` is the index of the post answered; `mentions` are demo users. */
  posts: { author: string; body: string; replyTo?: number; mentions?: string[] }[];
}

/** The demo discussions (labelled "[Demo]"), each posted in its network with replies. */
const THREADS: DemoThread[] = [
  {
    author: 'be.expert',
    network: 'procurement',
    topic: '[Demo] Maintenance contracts for cargo scanners',
    body: 'Do your administrations maintain their scanners in-house or under a framework contract? We are preparing a tender for 2027. Demo content.',
    posts: [
      {
        author: 'de.expert',
        body: 'We use a four-year framework contract with response times written in. Demo content.',
      },
      {
        author: 'be.expert',
        body: 'Thank you: could you share the service levels you ask for? Demo content.',
        replyTo: 0,
      },
      {
        author: 'de.expert',
        body: 'Four hours on site for the ports, next working day elsewhere. Demo content.',
        replyTo: 0,
      },
    ],
  },
  {
    author: 'secretariat',
    network: 'communication',
    topic: '[Demo] Wording for the joint statement on the new import control system',
    body: 'Please comment on the draft lines before Friday: are the three key messages clear for traders? Demo content.',
    posts: [
      {
        author: 'it.expert',
        body: 'The second message needs the date of the switch-over. Demo content.',
        mentions: ['secretariat'],
      },
      { author: 'secretariat', body: 'Added; see the revised draft. Demo content.', replyTo: 0 },
    ],
  },
];

/**
 * Demo discussions (marked as demo): a question in the procurement network answered by its
 * coordinator, and a request for comments in the communication network; each with replies.
 */
export async function seedDiscussionsDemo(db: Database): Promise<{ discussions: number; posts: number }> {
  const kind = kindByName('discussion')!;
  return db.transaction().execute(async (trx) => {
    const user = (who: string) => demoActor(trx, who);
    let posts = 0;
    for (const thread of THREADS) {
      const author = await user(thread.author);
      const rec = await createRecord(trx, author, kind, {
        publish: true,
        isDemo: true,
        data: { topic: thread.topic, body: thread.body, network: thread.network },
      });
      const ids: string[] = [];
      for (const p of thread.posts) {
        const mentions = await Promise.all((p.mentions ?? []).map(async (m) => (await user(m)).userId));
        const c = await addComment(trx, await user(p.author), kind, rec.id, {
          kind: 'comment',
          body: p.body,
          parentId: p.replyTo === undefined ? undefined : ids[p.replyTo],
          mentions,
        });
        ids.push(c.id);
        posts++;
      }
    }
    return { discussions: THREADS.length, posts };
  });
}
