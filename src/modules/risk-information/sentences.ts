import { type AuditSentence, sentenceKey, titled } from '../sentence.ts';

/** How the receipts and feedback on risk information read in the audit trail. */
export const RISK_INFORMATION_AUDIT_SENTENCES: Record<string, AuditSentence> = {
  'risk_information.receipt': (e) =>
    titled(sentenceKey('riskInformation', 'audit', 'risk_information.receipt'), e.recordName),
  'risk_information.feedback': (e) =>
    titled(sentenceKey('riskInformation', 'audit', 'risk_information.feedback'), e.recordName),
};
