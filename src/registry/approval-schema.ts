import { z } from 'zod';

/** The reviewers a submitter names (kinds with a named-reviewers approval step). */
export const reviewerIdsSchema = z
  .array(z.uuid())
  .max(20)
  .optional()
  .describe('Kinds with a named-reviewers approval step: the users who review this submission');

/** A decision on the step a record waits for. */
export const approveBody = z
  .strictObject({ comment: z.string().trim().min(1).max(2000).optional() })
  .nullish();
export const rejectBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000).describe('Why: the submitter reads it on the draft'),
});

/** Co-editors of a record: the full list (replaces the previous one). */
export const editorsBody = z.strictObject({ userIds: z.array(z.uuid()).max(50) });
