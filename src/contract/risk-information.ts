import { z } from 'zod';

/**
 * Receipt and feedback on a risk information (issue 17), shared with the web app: what a recipient
 * administration reports after its controls. One row per recipient administration and record
 * (table `risk_information_feedback`).
 */
export const FEEDBACK_RESULTS = ['no_irregularity', 'irregularity_found', 'seizure', 'ongoing'] as const;
export type FeedbackResult = (typeof FEEDBACK_RESULTS)[number];

export const FEEDBACK_USEFULNESS = ['very_useful', 'useful', 'not_useful', 'not_relevant'] as const;
export type FeedbackUsefulness = (typeof FEEDBACK_USEFULNESS)[number];

/** `PUT /risk-information/:id/feedback`: the caller's administration reports on its controls. */
export const feedbackBody = z
  .strictObject({
    controlPerformed: z.boolean({ error: 'controlPerformed: true when a control was performed, else false' }),
    result: z
      .enum(FEEDBACK_RESULTS, {
        error: `result: one of ${FEEDBACK_RESULTS.join(', ')}`,
      })
      .nullable()
      .default(null),
    usefulness: z.enum(FEEDBACK_USEFULNESS, {
      error: `usefulness: one of ${FEEDBACK_USEFULNESS.join(', ')}`,
    }),
    comment: z.string().trim().max(2000, 'comment: at most 2,000 characters').default(''),
  })
  .refine((b) => !b.controlPerformed || b.result !== null, {
    message: 'result: say what the control found (or set controlPerformed to false)',
    path: ['result'],
  })
  .refine((b) => b.controlPerformed || b.result === null, {
    message: 'result: only when a control was performed',
    path: ['result'],
  });
export type FeedbackBody = z.infer<typeof feedbackBody>;

/** One recipient administration's receipt and feedback, as the API returns it. */
export interface RiskInformationFeedback {
  organisation: { id: string; code: string; name: string };
  receivedAt: string;
  receivedBy: string;
  receivedVersion: number;
  feedback: {
    at: string;
    by: string;
    controlPerformed: boolean;
    result: FeedbackResult | null;
    usefulness: FeedbackUsefulness;
    comment: string;
  } | null;
}

/** What the caller may do on a risk information's feedback (from src/access). */
export interface FeedbackAbilities {
  /** Confirm receipt and send feedback for the caller's administration. */
  respond: boolean;
}

/** `GET /risk-information/:id/feedback`: the rows the caller may read and what they may do. */
export interface FeedbackList {
  items: RiskInformationFeedback[];
  abilities: FeedbackAbilities;
}
