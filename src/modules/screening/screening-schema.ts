import { z } from 'zod';

export const partyBody = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name to screen.').max(300),
  kind: z.enum(['person', 'organisation', 'vessel', 'aircraft', 'other']).optional(),
  country: z.string().trim().max(100).optional(),
  birthDate: z.string().trim().max(40).optional(),
  identifiers: z
    .array(
      z.strictObject({
        type: z
          .enum([
            'imo',
            'mmsi',
            'passport',
            'national_id',
            'registration',
            'tax',
            'swift',
            'aircraft',
            'other',
          ])
          .optional(),
        value: z.string().trim().min(1).max(100),
      }),
    )
    .max(10)
    .optional(),
  /** Store the party (and raise cases for its hits): screening reviewers only. */
  save: z.boolean().default(false),
});

export const idParams = z.strictObject({ id: z.uuid() });

export const caseListQuery = z.strictObject({
  state: z.enum(['open', 'review', 'confirmed', 'dismissed', 'pending']).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const decisionBody = z.strictObject({
  decision: z.enum(['confirm', 'dismiss']),
  reason: z.string().trim().min(3, 'Give the reason of the decision (at least 3 characters).').max(2000),
});

export const batchUploadQuery = z.strictObject({
  kind: z.enum(['parties', 'declarations']).default('parties'),
});

export const reportQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const diffQuery = z.strictObject({ from: z.uuid().optional() });

export const listUploadQuery = z.strictObject({
  listId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,40}$/, 'lower-case letters, digits, dot, dash or underscore'),
  format: z.enum(['un-xml', 'eu-fsf-xml', 'eu-833-csv', 'ftm-jsonl', 'us-csl-csv', 'bis-dpl-tsv']),
  label: z.string().trim().min(1).max(200),
  demo: z.enum(['true', 'false']).default('false'),
});

export const listLoadBody = z.strictObject({ listId: z.string().min(1).max(41) });
