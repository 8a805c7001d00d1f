import { z } from 'zod';
import { distributionSchema, tlpSchema } from '../contract/shared-records.ts';

export { distributionSchema, tlpSchema };

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
