import { z } from 'zod';

/** Background jobs as GET /api/v1/jobs and GET /api/v1/jobs/:id return them. */

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const jobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof jobStateSchema>;

/** One problem row of a job: where in the file (when it is about a line) and why. */
export const jobErrorSchema = z.strictObject({
  line: z.number().int().optional(),
  column: z.string().optional(),
  reason: z.string(),
});
export type JobError = z.infer<typeof jobErrorSchema>;

/** Progress as shown: `phase` is a short machine word ('reading', 'training', …) the UI translates. */
export const jobProgressViewSchema = z.strictObject({
  done: z.number(),
  total: z.number().nullable(),
  phase: z.string().nullable(),
});

export const jobAbilitiesSchema = z.strictObject({ cancel: z.boolean() });

export const jobViewSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  state: jobStateSchema,
  attempt: z.number().int(),
  progress: jobProgressViewSchema,
  error: z.string().nullable(),
  errorCount: z.number().int(),
  errors: z.array(jobErrorSchema),
  result: z.unknown(),
  file: z.strictObject({ name: z.string(), size: z.number(), sha256: z.string() }).nullable(),
  createdBy: z.strictObject({ id: z.string(), name: z.string().nullable() }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
  abilities: jobAbilitiesSchema,
});
export type JobView = z.infer<typeof jobViewSchema>;

export const jobListItemSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  state: jobStateSchema,
  progress: jobProgressViewSchema,
  errorCount: z.number().int(),
  fileName: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  abilities: jobAbilitiesSchema,
});
export type JobListItem = z.infer<typeof jobListItemSchema>;

export const jobListSchema = z.strictObject({ items: z.array(jobListItemSchema), total: z.number().int() });
export type JobList = z.infer<typeof jobListSchema>;
