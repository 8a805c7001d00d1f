import { z } from 'zod';
import type { Distribution, Tlp } from '../db/schema.ts';
import { DISTRIBUTIONS, TLP_MARKINGS } from './tlp.ts';

export const distributionSchema = z.enum(DISTRIBUTIONS as [Distribution, ...Distribution[]]);
export const tlpSchema = z.enum(TLP_MARKINGS as [Tlp, ...Tlp[]]);

/** Distribution + marking + named recipients: what "share" changes. */
export const markingBody = z.strictObject({
  distribution: distributionSchema,
  distributionNetworkId: z.uuid().nullable().optional(),
  sharingGroupId: z.uuid().nullable().optional(),
  tlp: tlpSchema,
  recipientIds: z.array(z.uuid()).max(200).default([]),
});
