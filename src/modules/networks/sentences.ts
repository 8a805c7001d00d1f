import { titledAuditSentences } from '../sentence.ts';

/** How the events of network memberships read: the member and the network where the reader may see them. */
export const NETWORKS_AUDIT_SENTENCES = titledAuditSentences('platform', [
  'membership.requested',
  'membership.nominated',
  'membership.appointed',
  'membership.endorsed',
  'membership.active',
  'membership.rejected',
  'membership.withdrawn',
]);
