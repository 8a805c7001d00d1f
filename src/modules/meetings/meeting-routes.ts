import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { accountOwner } from '../account/account-owner.ts';
import type { ModuleManifest } from '../manifest.ts';
import { calendarFeedRateLimit } from './feed-rate-limit.ts';
import { createFeed, feedStatus, revokeFeed } from './operations/calendar-feed.ts';
import { calendarFeed } from './operations/feed.ts';
import { getRsvps, RSVP_ANSWERS, setRsvp } from './operations/rsvp.ts';

const meetingParams = z.strictObject({ id: z.uuid('id: the id of a meeting') });

/** Answers to meeting invitations, the caller's calendar link, and the calendar feed behind it. */
export async function meetingRoutes(app: FastifyInstance, deps: AppDeps, modules: readonly ModuleManifest[]) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/meetings/:id/rsvp',
    {
      schema: {
        tags: ['meetings'],
        summary: 'The answers to a meeting I may read: counts, mine, who answered what',
        params: meetingParams,
      },
    },
    async (req) => getRsvps(deps.db, requireUser(req), req.params.id),
  );

  r.put(
    '/meetings/:id/rsvp',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Answer a meeting I may read for myself: yes, no or maybe',
        params: meetingParams,
        body: z.strictObject({
          answer: z.enum(RSVP_ANSWERS, { error: 'answer: one of yes, no, maybe' }),
        }),
      },
    },
    async (req) => setRsvp(deps, requireUser(req), req.params.id, req.body.answer),
  );

  r.get(
    '/account/calendar-feed',
    { schema: { tags: ['meetings'], summary: 'Whether I have a calendar subscription link' } },
    async (req) => feedStatus(deps.db, accountOwner(req)),
  );

  r.post(
    '/account/calendar-feed',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Create my secret calendar subscription link (replaces, and so revokes, the previous one)',
      },
    },
    async (req, reply) => {
      accountOwner(req); // a credential: made in the browser, never with an API key
      return reply.code(201).send(await createFeed(deps, requireUser(req)));
    },
  );

  r.delete(
    '/account/calendar-feed',
    { schema: { tags: ['meetings'], summary: 'Revoke my calendar subscription link at once' } },
    async (req, reply) => {
      accountOwner(req);
      await revokeFeed(deps, requireUser(req));
      return reply.code(204).send();
    },
  );

  r.get(
    '/calendar/feed/:file',
    {
      config: calendarFeedRateLimit(deps.config),
      schema: {
        tags: ['meetings'],
        summary: 'The calendar feed behind a secret link (iCalendar; no session: the link is the credential)',
        params: z.strictObject({
          file: z.string().regex(/^[a-z2-7]{52}\.ics$/, 'file: the secret of a calendar link, then .ics'),
        }),
      },
    },
    async (req, reply) => {
      const ics = await calendarFeed(deps, modules, req.params.file.slice(0, -4));
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="eucab-calendar.ics"')
        .send(ics);
    },
  );
}
