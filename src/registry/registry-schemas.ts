import { z } from 'zod';
import { markingBody } from '../access/marking-schema.ts';
import { IMPORTABLE } from '../access/tlp.ts';
import { postBody } from '../contract/thread-posts.ts';
import { reviewerIdsSchema } from './approval-schema.ts';
import type { KindDefinition } from './definition.ts';
import { EU_LANGUAGES } from './field-schema.ts';
import { importDefaults } from './operations/import.ts';

/** The zod schemas of the generated registry endpoints (validation and OpenAPI from one declaration). */

export const idParams = z.strictObject({ id: z.uuid() });
export const jobParams = z.strictObject({ jobId: z.uuid() });

const STATUSES = ['draft', 'submitted', 'published', 'retracted'] as const;

/** The list's query: search, status, owner, sort, page and one parameter per filter field. */
export function listQuery(kind: KindDefinition) {
  const filterFields = Object.fromEntries(
    kind.filters.map((f) => [f, z.string().trim().max(500).optional()]),
  );
  return z.strictObject({
    q: z.string().trim().max(200).optional(),
    language: z.enum(EU_LANGUAGES).optional(),
    status: z.enum(STATUSES).optional(),
    owner: z.string().trim().max(32).optional(),
    sort: z
      .string()
      .regex(/^-?[a-z_]+$/)
      .default('-updated_at'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    ...filterFields,
  });
}

/** The export's query: the list's filters and the format. */
export function exportQuery(kind: KindDefinition) {
  return listQuery(kind)
    .omit({ limit: true, offset: true, sort: true })
    .extend({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') });
}

/**
 * The statistics' query (matrix and map views): group by a filter field or a field a matrix/map
 * view names, optionally sum a number field, narrowed by the list's own filters.
 */
export function statsQuery(kind: KindDefinition) {
  const groupable = [
    ...new Set([
      ...kind.filters,
      ...kind.views.flatMap((v) => ((v.type === 'matrix' || v.type === 'map') && v.field ? [v.field] : [])),
    ]),
  ];
  const numeric = Object.keys(kind.fields).filter((f) => kind.fields[f]!.type === 'number');
  return listQuery(kind)
    .omit({ limit: true, offset: true, sort: true, status: true })
    .extend({
      groupBy: z.enum(groupable as [string, ...string[]]),
      sumField: numeric.length ? z.enum(numeric as [string, ...string[]]).optional() : z.never().optional(),
    });
}

export const createBody = z.strictObject({
  data: z.record(z.string(), z.unknown()),
  marking: markingBody.partial().optional(),
  language: z.enum(EU_LANGUAGES).optional(),
  publish: z.boolean().optional(),
  onBehalfOf: z
    .uuid()
    .optional()
    .describe('Platform administrators: the national administration that owns the new record'),
});

export const updateBody = z.strictObject({
  data: z.record(z.string(), z.unknown()),
  note: z.string().trim().max(1000).optional(),
  reviewerIds: reviewerIdsSchema.describe(
    'A correction of a published record awaiting approval, kinds with a named-reviewers step: who reviews it',
  ),
});

export const transitionBody = z
  .strictObject({ note: z.string().trim().min(1).max(1000).optional() })
  .nullish();
/** Submit: a note, and the reviewers where the kind has a named-reviewers approval step. */
export const submitBody = z
  .strictObject({ note: z.string().trim().min(1).max(1000).optional(), reviewerIds: reviewerIdsSchema })
  .nullish();

/** A post of the record's thread (src/contract/thread-posts.ts): a comment, feedback, interest or a reply. */
export const commentBody = postBody;

/** The import's query: dry run or commit, publish at once, the marking of the new records, their language. */
export function importQuery(kind: KindDefinition) {
  const d = importDefaults(kind);
  return z.strictObject({
    dryRun: z.enum(['true', 'false']).default('true'),
    publish: z.enum(['true', 'false']).default('false'),
    distribution: z.enum(['organisation', 'network', 'eucab', 'public']).default(d.distribution),
    tlp: z.enum(IMPORTABLE).default(d.tlp),
    language: z.enum(EU_LANGUAGES).default('en'),
  });
}
