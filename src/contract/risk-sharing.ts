import { z } from 'zod';

/**
 * Risk sharing (issue 17), the bodies the web app and the server share: turning a common risk
 * factor into a rule, the backtest of a profile recommendation, and the recipients' responses
 * (adoption, control feedback) with the aggregate per recipient administration.
 */

/** POST /risk-sharing/factors/:id/rule — every field optional. */
export const factorToRuleBody = z.strictObject({
  /** The rule's id (default: `factor-` and the factor id's first 8 characters). */
  ruleId: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9_.-]{0,59}$/,
      'Lower-case letters, digits, dot, dash and underscore, e.g. undervalued-cars.',
    )
    .optional(),
  weight: z.number().min(-10).max(10).default(1),
  mandatory: z.boolean().default(false),
});
export type FactorToRuleBody = z.infer<typeof factorToRuleBody>;

export const ADOPTIONS = ['adopted', 'adapted', 'not_adopted'] as const;
export type Adoption = (typeof ADOPTIONS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD.');
const count = z.number().int().min(0).max(10_000_000);

/** POST /risk-sharing/recommendations/:id/adoption */
export const adoptionBody = z
  .strictObject({
    adoption: z.enum(ADOPTIONS),
    /** Required when not adopted; how it was adapted otherwise. */
    reason: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.adoption !== 'not_adopted' || (b.reason ?? '') !== '', {
    message: 'Say why the recommendation is not adopted.',
    path: ['reason'],
  });
export type AdoptionBody = z.infer<typeof adoptionBody>;

/** POST /risk-sharing/recommendations/:id/feedback — results of controls over a period. */
export const feedbackBody = z
  .strictObject({
    periodFrom: day,
    periodTo: day,
    controls: count.optional(),
    irregularities: count.optional(),
    seizures: count.optional(),
    revenue: z.number().min(0).max(1e12).optional(),
    notRelevant: z.boolean().default(false),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.periodTo >= b.periodFrom, {
    message: 'The period ends before it starts.',
    path: ['periodTo'],
  })
  .refine((b) => b.notRelevant || b.controls !== undefined, {
    message: 'Give the number of controls made, or mark the recommendation not relevant.',
    path: ['controls'],
  })
  .refine((b) => b.controls === undefined || (b.irregularities ?? 0) <= b.controls, {
    message: 'More irregularities than controls.',
    path: ['irregularities'],
  });
export type FeedbackBody = z.infer<typeof feedbackBody>;

/** One response as the API lists it. */
export interface RecommendationResponse {
  id: string;
  organisation_code: string;
  organisation_name: string;
  author: string;
  response_type: 'adoption' | 'feedback';
  adoption: Adoption | null;
  reason: string | null;
  period_from: string | null;
  period_to: string | null;
  controls: number | null;
  irregularities: number | null;
  seizures: number | null;
  revenue: number | null;
  not_relevant: boolean;
  comment: string | null;
  created_at: string;
}

/** The aggregate per recipient administration: its latest adoption and the sum of its feedback. */
export interface RecipientAggregate {
  organisation_code: string;
  organisation_name: string;
  adoption: Adoption | null;
  reason: string | null;
  reports: number;
  controls: number;
  irregularities: number;
  seizures: number;
  revenue: number;
  not_relevant: number;
  /** Irregularities per control (percent), null without controls. */
  hit_rate: number | null;
}

/** GET /risk-sharing/recommendations/:id/responses */
export interface RecommendationResponses {
  abilities: { respond: boolean; evidence: boolean };
  /** The responses the caller may read (their own administration's, or all for the author and coordinators). */
  items: RecommendationResponse[];
  /** Per recipient administration; only for the author's administration and the coordinators. */
  aggregate: RecipientAggregate[] | null;
}
