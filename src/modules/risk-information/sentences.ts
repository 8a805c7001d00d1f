import { type AuditSentence, sentenceKey, titled } from '../sentence.ts';

/** How the receipts and feedback on risk information read in the audit trail. */
export const RISK_INFORMATION_AUDIT_SENTENCES: Record<string, AuditSentence> = {
  'risk_information.receipt_confirmed': (e) =>
    titled(sentenceKey('riskInformation', 'audit', 'risk_information.receipt_confirmed'), e.recordName),
  'risk_information.control_feedback': (e) =>
    titled(sentenceKey('riskInformation', 'audit', 'risk_information.control_feedback'), e.recordName),
};
