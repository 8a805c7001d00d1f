import { titledAuditSentences } from '../sentence.ts';

/** How the events of organisations, sharing groups and identity providers read (`platform.audit.*`). */
export const ORGANISATIONS_AUDIT_SENTENCES = titledAuditSentences('platform', [
  'organisation.created',
  'organisation.updated',
  'sharing_group.created',
  'identity_provider.created',
  'identity_provider.updated',
]);
