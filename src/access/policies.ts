import { membershipPolicy, userPolicy } from './admin-policy.ts';
import { auditEventPolicy } from './audit-policy.ts';
import { directoryEntryPolicy } from './directory-policy.ts';
import { jobPolicy } from './job-policy.ts';
import { joinRequestPolicy } from './join-request-policy.ts';
import { campaignPolicy, questionnairePolicy, responsePolicy } from './mapping-policy.ts';
import { messageVersionPolicy } from './message-policy.ts';
import { notificationPolicy } from './notification-policy.ts';
import type { AnyResourcePolicy } from './policy.ts';
import { registryRecordPolicy } from './registry-record-policy.ts';
import { riskInformationFeedbackPolicy } from './risk-information-policy.ts';
import { riskBatchPolicy, riskDatasetPolicy, riskModelPolicy } from './risk-policy.ts';
import { recommendationResponsePolicy } from './risk-sharing-policy.ts';
import { screeningBatchPolicy, screeningCasePolicy, screeningPartyPolicy } from './screening-policy.ts';
import { trainingNominationPolicy } from './training-policy.ts';

/**
 * Every resource policy of the platform: ONE registration point (a new resource kind adds its
 * policy here; nothing registers itself by being imported). The tests run over this list: each
 * table holding an organisation's or a user's data belongs to exactly one policy (or is exempt
 * with its reason), `abilities().read` and `readable()` agree for every actor, and operations read
 * those tables only through a policy.
 */
export const POLICIES: readonly AnyResourcePolicy[] = Object.freeze([
  registryRecordPolicy,
  messageVersionPolicy,
  riskDatasetPolicy,
  riskModelPolicy,
  riskBatchPolicy,
  recommendationResponsePolicy,
  screeningPartyPolicy,
  screeningCasePolicy,
  screeningBatchPolicy,
  jobPolicy,
  notificationPolicy,
  auditEventPolicy,
  membershipPolicy,
  userPolicy,
  questionnairePolicy,
  campaignPolicy,
  responsePolicy,
  directoryEntryPolicy,
  trainingNominationPolicy,
  joinRequestPolicy,
  riskInformationFeedbackPolicy,
]);

/** The policy of a resource kind by its name. */
export function policyOf(resource: string): AnyResourcePolicy | undefined {
  return POLICIES.find((p) => p.resource === resource);
}
