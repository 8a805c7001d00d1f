import { z } from 'zod';
import type { Distribution, Tlp } from '../db/schema.ts';
import { DISTRIBUTIONS, TLP_MARKINGS } from './tlp.ts';

export const distributionSchema = z.enum(DISTRIBUTIONS as [Distribution, ...Distribution[]]);
export const tlpSchema = z.enum(TLP_MARKINGS as [Tlp, ...Tlp[]]);

/** Distribution + marking + named recipients + named organisations: what "share" changes. */
export const markingBody = z.strictObject({
  distribution: distributionSchema,
  distributionNetworkId: z.uuid().nullable().optional(),
  sharingGroupId: z.uuid().nullable().optional(),
  tlp: tlpSchema,
  recipientIds: z.array(z.uuid()).max(200).default([]),
  organisationIds: z
    .array(z.uuid())
    .max(100)
    .default([])
    .describe("The 'organisations' distribution: the organisations that read it besides the owning one"),
});
