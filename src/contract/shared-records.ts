import { z } from 'zod';

/**
 * The access envelope every shared record carries (announcements, registry records): its TLP 2.0
 * marking, its distribution, and what the caller may do with it.
 */

/** TLP 2.0 markings, from the least to the most strict. */
export const TLP_MARKINGS = ['clear', 'green', 'amber', 'amber_strict', 'red'] as const;
export const tlpSchema = z.enum(TLP_MARKINGS);
export type Tlp = z.infer<typeof tlpSchema>;

/**
 * Who may read a record (TLP:RED overrides it: only the named recipients). 'organisations': the
 * owning organisation and the organisations the author names.
 */
export const DISTRIBUTIONS = [
  'organisation',
  'network',
  'sharing_group',
  'organisations',
  'eucab',
  'public',
] as const;
export const distributionSchema = z.enum(DISTRIBUTIONS);
export type Distribution = z.infer<typeof distributionSchema>;

/** What the caller may do with a shared record (`abilities` of every announcement). */
export const sharedAbilitiesSchema = z.strictObject({
  read: z.boolean(),
  update: z.boolean(),
  share: z.boolean(),
  retract: z.boolean(),
  export: z.boolean(),
  /** May a notification to this reader quote the record's title? */
  quote: z.boolean(),
  /** May name and remove co-editors (the owner: author, NCP or deputy). */
  editors: z.boolean(),
  /** Is a co-editor (changes the content only). */
  coEditor: z.boolean(),
});
export type SharedAbilities = z.infer<typeof sharedAbilitiesSchema>;
