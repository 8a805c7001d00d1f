import { z } from 'zod';

/** A registry record's workflow state. */
export const RECORD_STATUSES = ['draft', 'submitted', 'published', 'retracted'] as const;
export const recordStatusSchema = z.enum(RECORD_STATUSES);
export type RecordStatus = z.infer<typeof recordStatusSchema>;

/** What the caller may do with a registry record (`abilities` of every record the API returns). */
export const recordAbilitiesSchema = z.strictObject({
  read: z.boolean(),
  update: z.boolean(),
  share: z.boolean(),
  export: z.boolean(),
  submit: z.boolean(),
  publish: z.boolean(),
  retract: z.boolean(),
  comment: z.boolean(),
  quote: z.boolean(),
  /** Fields only the owning organisation sees are included. */
  restrictedFields: z.boolean(),
  /** Name and remove co-editors (the owner: author, NCP or deputy). */
  editors: z.boolean(),
  /** Approve / reject the approval step the record waits for. */
  approve: z.boolean(),
  reject: z.boolean(),
  /** See the proposed correction awaiting approval (`pendingCorrection`) of a published record. */
  correction: z.boolean(),
  /** Withdraw that proposed correction (its proposer). */
  withdrawCorrection: z.boolean(),
});
export type RecordAbilities = z.infer<typeof recordAbilitiesSchema>;

/** No ability at all (a record the caller may not read): every ability of the schema, false. */
export const NO_RECORD_ABILITIES: RecordAbilities = Object.freeze(
  Object.fromEntries(Object.keys(recordAbilitiesSchema.shape).map((k) => [k, false])) as RecordAbilities,
);
