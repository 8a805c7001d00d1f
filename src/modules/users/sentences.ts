import {
  type AuditSentence,
  changedText,
  plainAuditSentences,
  type Sentence,
  sentenceKey,
  titledAuditSentences,
} from '../sentence.ts';

/** A role granted or revoked: the user and the role where the reader may see the details. */
const roleSentence =
  (action: string): AuditSentence =>
  (e): Sentence => {
    const role = changedText(e.changes, 'role');
    const key = sentenceKey('platform', 'audit', action);
    return e.recordName && role
      ? { key, params: { title: e.recordName, role: { t: `roles.${role}`, fallback: role } } }
      : { key: `${key}Untitled`, params: {} };
  };

/** How the events of user accounts read (`platform.audit.*`). */
export const USERS_AUDIT_SENTENCES: Record<string, AuditSentence> = {
  ...titledAuditSentences('platform', ['user.created', 'user.updated', 'user.bootstrap_admin']),
  ...plainAuditSentences('platform', ['user.import_published']),
  'user.role_granted': roleSentence('user.role_granted'),
  'user.role_revoked': roleSentence('user.role_revoked'),
};
