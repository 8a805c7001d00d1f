import { z } from 'zod';

/**
 * One hit of screening a party against the sanctions lists, as the screening API answers it
 * (screen one name, a batch's declarations, a case): which list entry matched, how well and why.
 */
export const hitSchema = z.strictObject({
  entityId: z.string(),
  listId: z.string().nullable(),
  versionLabel: z.string().nullable(),
  isDemo: z.boolean(),
  entityName: z.string(),
  entityKind: z.string(),
  programmes: z.array(z.string()),
  countries: z.array(z.string()),
  score: z.number(),
  band: z.enum(['match', 'review']),
  nameScore: z.number(),
  matchedName: z.strictObject({ value: z.string(), strength: z.string() }),
  explanation: z.array(z.string()),
  /** Set when the hit is stored as a case (batch, saved party). */
  caseId: z.string().optional(),
  caseState: z.string().optional(),
  suppressed: z.boolean().optional(),
});
export type HitJson = z.infer<typeof hitSchema>;
