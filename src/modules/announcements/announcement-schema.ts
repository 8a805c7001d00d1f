import { z } from 'zod';
import { distributionSchema, markingBody, tlpSchema } from '../../access/marking-schema.ts';

export const createAnnouncementBody = z.strictObject({
  networkId: z.uuid(),
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(1).max(20_000),
  ...markingBody.shape,
});

export const updateAnnouncementBody = z.strictObject({
  title: z.string().trim().min(3).max(200).optional(),
  body: z.string().trim().min(1).max(20_000).optional(),
});

export const listQuery = z.strictObject({
  networkId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
  tlp: tlpSchema.optional(),
  distribution: distributionSchema.optional(),
  sort: z.enum(['created_at', '-created_at', 'title', '-title']).default('-created_at'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const exportQuery = listQuery
  .omit({ limit: true, offset: true })
  .extend({ format: z.enum(['csv', 'json']).default('csv') });
