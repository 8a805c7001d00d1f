import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { postEditBody, postHideBody, threadSubscriptionBody } from '../contract/thread-posts.ts';
import { requireUser } from '../route-kit/caller.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { KINDS, kindByName } from './kinds/index.ts';
import {
  editPost,
  hidePost,
  mentionablePeople,
  setThreadSubscription,
  withdrawPost,
} from './operations/threads.ts';

const kind = z.enum(KINDS.map((k) => k.name) as [string, ...string[]]);
const params = z.strictObject({ kind, id: z.uuid() });
const postParams = z.strictObject({ kind, id: z.uuid(), postId: z.uuid() });
const tags = ['registry'];

/**
 * Discussions on registry records (the record's comments are its thread; posting and replying is
 * `POST /registry/<kind>/:id/comments`): edit, withdraw and hide a post, follow the thread, and the
 * people the `@` picker offers.
 */
export async function threadRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/registry/:kind/:id/mentionable',
    {
      schema: {
        tags,
        summary: 'People who may read the record, by name (the @ picker of a post)',
        params,
        querystring: z.strictObject({
          q: z.string().trim().max(100).default(''),
          limit: z.coerce.number().int().min(1).max(20).default(10),
        }),
      },
    },
    async (req) =>
      mentionablePeople(deps.db, requireUser(req), kindByName(req.params.kind)!, {
        id: req.params.id,
        ...req.query,
      }),
  );

  r.patch(
    '/registry/:kind/:id/comments/:postId',
    {
      schema: {
        tags,
        summary: 'Edit one’s own post (marked edited; the audit keeps the earlier text)',
        params: postParams,
        body: postEditBody,
      },
    },
    async (req) =>
      editPost(deps, requireUser(req), kindByName(req.params.kind)!, { ...req.params, ...req.body }),
  );

  r.post(
    '/registry/:kind/:id/comments/:postId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw one’s own post (it stays in the thread, marked withdrawn, without its text)',
        params: postParams,
      },
    },
    async (req) => withdrawPost(deps, requireUser(req), kindByName(req.params.kind)!, req.params),
  );

  r.post(
    '/registry/:kind/:id/comments/:postId/hide',
    {
      schema: {
        tags,
        summary: 'Hide a post with a reason (coordinators of the record’s network, platform administrators)',
        params: postParams,
        body: postHideBody,
      },
    },
    async (req) =>
      hidePost(deps, requireUser(req), kindByName(req.params.kind)!, { ...req.params, ...req.body }),
  );

  r.put(
    '/registry/:kind/:id/subscription',
    {
      schema: {
        tags,
        summary: 'Follow or leave the thread of a record (notified of new posts)',
        params,
        body: threadSubscriptionBody,
      },
    },
    async (req) =>
      setThreadSubscription(deps, requireUser(req), kindByName(req.params.kind)!, {
        ...req.params,
        ...req.body,
      }),
  );
}
