import { plainAuditSentences } from '../sentence.ts';

/**
 * How the events of sanctions screening read (`screening.audit.*`). They never quote the screened
 * party: whom an administration looks at is its own business (the details stay in the event).
 */
export const SCREENING_AUDIT_SENTENCES = plainAuditSentences('screening', [
  'screening.list_version_loaded',
  'screening.party_saved',
  'screening.batch_uploaded',
  'screening.batch_screened',
  'screening.declarations_screened',
  'screening.case_raised',
  'screening.case_reopened',
  'screening.case_updated',
  'screening.case_confirmed',
  'screening.case_dismissed',
]);
