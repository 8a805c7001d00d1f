import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../route-kit/caller.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { eventIcs } from './operations/event-ics.ts';
import {
  eventRegistration,
  nominate,
  recordAttendance,
  withdrawNomination,
} from './operations/registration.ts';

const eventParams = z.strictObject({ id: z.uuid('id: the id of a training event') });
const nominationParams = z.strictObject({ id: z.uuid('id: the id of a nomination') });
const tags = ['training'];

/** Registration for training events: seats and quotas, nominations by the NCP, the waiting list, attendance. */
export async function trainingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/training/events/:id/registration',
    {
      schema: {
        tags,
        summary: 'Seats of a training event: quotas and counts per administration, the nominees I may see',
        params: eventParams,
      },
    },
    async (req) => eventRegistration(deps.db, requireUser(req), req.params.id),
  );

  r.get(
    '/training/events/:id/ics',
    {
      schema: {
        tags,
        summary: 'A training event as an iCalendar file (its days; the title where the marking allows)',
        params: eventParams,
        querystring: z.strictObject({
          lang: z.enum(['en', 'fr', 'de'], { error: 'lang: en, fr or de' }).default('en'),
        }),
      },
    },
    async (req, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="training-event-${req.params.id}.ics"`)
        .send(
          await eventIcs(deps.db, requireUser(req), req.params.id, {
            locale: req.query.lang,
            publicUrl: deps.config.publicUrl,
          }),
        ),
  );

  r.post(
    '/training/events/:id/nominations',
    {
      schema: {
        tags,
        summary:
          'Nominate an officer of my administration (NCP or deputy): seated within the quota, else waiting',
        params: eventParams,
        body: z.strictObject({
          nomineeName: z
            .string()
            .trim()
            .min(1, 'nomineeName: the name of the officer nominated')
            .max(200, 'nomineeName: at most 200 characters'),
        }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await nominate(deps, requireUser(req), req.params.id, req.body)),
  );

  r.post(
    '/training/nominations/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a nominee of my administration (the next one waiting takes a quota seat)',
        params: nominationParams,
      },
    },
    async (req) => withdrawNomination(deps, requireUser(req), req.params.id),
  );

  r.put(
    '/training/nominations/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record whether a seated nominee attended (the organiser)',
        params: nominationParams,
        body: z.strictObject({ attended: z.boolean({ error: 'attended: true or false' }) }),
      },
    },
    async (req) => recordAttendance(deps, requireUser(req), req.params.id, req.body),
  );
}
