import type { KindDefinition } from '../../registry/definition.ts';
import {
  type AuditSentence,
  changedText,
  type NotificationSentence,
  sentenceKey,
  titled,
} from '../sentence.ts';

/** Every audit action a record of a kind gets: `<kind>.<verb>` (record-service, import, attachments). */
export const RECORD_AUDIT_VERBS = [
  'created',
  'updated',
  'corrected',
  'submitted',
  'published',
  'retracted',
  'shared',
  'comment',
  'feedback',
  'interest',
  'attachment_added',
  'import_published',
  // approval steps and co-editors (src/registry/operations/approvals.ts, co-editors.ts)
  'approved',
  'rejected',
  'editors_changed',
  // discussions on a record's thread (src/registry/operations/threads.ts)
  'post_edited',
  'post_withdrawn',
  'post_hidden',
  'thread_followed',
  'thread_left',
  // corrections awaiting approval (record-service.ts, operations/approvals.ts)
  'correction_proposed',
  'correction_rejected',
  'correction_withdrawn',
] as const;

/** Every notification kind a record of a kind gets: `<kind>.<event>` (registry-notifications). */
export const RECORD_NOTIFICATION_EVENTS = [
  'published',
  'corrected',
  'retracted',
  'shared',
  'comment',
  'feedback',
  'interest',
  'mention',
] as const;

const kindLabel = (k: KindDefinition) => ({ labels: k.label });

/**
 * How the registry's events read, for every kind alike (`registry.audit.<verb>` with the kind's
 * name): "Anna Schmidt published “Mobile scanners” (Tender)" — the title only where the reader
 * may read the record now.
 */
export function registryAuditSentences(kinds: readonly KindDefinition[]): Record<string, AuditSentence> {
  const out: Record<string, AuditSentence> = {
    'code_list.code_added': (e) =>
      titled('registry.audit.code_list_code_added', changedText(e.changes, 'code')),
    'code_list.code_changed': (e) =>
      titled('registry.audit.code_list_code_changed', changedText(e.changes, 'code')),
  };
  for (const k of kinds)
    for (const verb of RECORD_AUDIT_VERBS)
      out[`${k.name}.${verb}`] =
        verb === 'import_published'
          ? () => ({ key: 'registry.audit.import_published', params: { kind: kindLabel(k) } })
          : (e) =>
              titled(`registry.audit.${verb}`, e.recordName ?? changedText(e.changes, k.titleField), {
                kind: kindLabel(k),
              });
  return out;
}

/**
 * How the registry's notifications read. Changes: the summary is the title, or empty where the
 * marking does not allow quoting it. Comments: "FR: title" (the commenting administration first).
 */
export function registryNotificationSentences(
  kinds: readonly KindDefinition[],
): Record<string, NotificationSentence> {
  const out: Record<string, NotificationSentence> = {};
  for (const k of kinds)
    for (const event of RECORD_NOTIFICATION_EVENTS)
      out[`${k.name}.${event}`] =
        event === 'comment' || event === 'feedback' || event === 'interest' || event === 'mention'
          ? (n) => ({
              key: sentenceKey('registry', 'notify', event),
              params: { from: n.summary, kind: kindLabel(k) },
            })
          : (n) =>
              titled(sentenceKey('registry', 'notify', event), n.summary || null, { kind: kindLabel(k) });
  return out;
}
