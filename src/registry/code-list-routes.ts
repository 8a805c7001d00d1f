import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../server/auth-plugin.ts';
import type { AppDeps } from '../server/deps.ts';
import { EU_LANGUAGES } from './field-schema.ts';
import { addCode, changeCode, getCodeList, listCodeLists } from './operations/code-lists.ts';

const labels = z
  .partialRecord(z.enum(EU_LANGUAGES), z.string().trim().min(1).max(300))
  .refine((l) => !!l.en, 'an English label is required');

/** Code lists: multilingual, versioned reference data; platform administrators extend them. */
export async function codeListRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    '/code-lists',
    { schema: { tags: ['code lists'], summary: 'All code lists with their version' } },
    async (req) => listCodeLists(db, requireUser(req)),
  );

  r.get(
    '/code-lists/:name',
    {
      schema: {
        tags: ['code lists'],
        summary: 'The codes of one list',
        params: z.strictObject({ name: z.string().max(60) }),
        querystring: z.strictObject({ includeInactive: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (req) => {
      requireUser(req);
      return getCodeList(db, {
        name: req.params.name,
        includeInactive: req.query.includeInactive === 'true',
      });
    },
  );

  r.post(
    '/code-lists/:name/codes',
    {
      schema: {
        tags: ['code lists'],
        summary: 'Add a code (platform administrators); the list version goes up',
        params: z.strictObject({ name: z.string().max(60) }),
        body: z.strictObject({
          code: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9_.-]{1,60}$/, 'letters, digits, _ . -'),
          labels,
          meta: z.record(z.string(), z.unknown()).default({}),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addCode(deps, requireUser(req), { ...req.body, name: req.params.name })),
  );

  r.patch(
    '/code-lists/:name/codes/:code',
    {
      schema: {
        tags: ['code lists'],
        summary: 'Relabel or deactivate a code (platform administrators)',
        params: z.strictObject({ name: z.string().max(60), code: z.string().max(60) }),
        body: z.strictObject({ labels: labels.optional(), active: z.boolean().optional() }),
      },
    },
    async (req) => changeCode(deps, requireUser(req), { ...req.body, ...req.params }),
  );
}
