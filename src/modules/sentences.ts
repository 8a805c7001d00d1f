import type { ModuleManifest } from './manifest.ts';
import type {
  AuditFacts,
  AuditSentence,
  NotificationFacts,
  NotificationSentence,
  Sentence,
} from './sentence.ts';

interface SentenceTables {
  audit: Map<string, AuditSentence>;
  notify: Map<string, NotificationSentence>;
}

const cache = new WeakMap<readonly ModuleManifest[], SentenceTables>();

/** The sentences of every module by action and notification kind; one module per action. */
export function sentenceTables(modules: readonly ModuleManifest[]): SentenceTables {
  const known = cache.get(modules);
  if (known) return known;
  const audit = new Map<string, AuditSentence>();
  const notify = new Map<string, NotificationSentence>();
  const owner = new Map<string, string>();
  for (const m of modules) {
    for (const [action, s] of Object.entries(m.auditSentences ?? {})) {
      if (audit.has(action))
        throw new Error(`Audit action ${action} has a sentence in both ${owner.get(action)} and ${m.name}.`);
      audit.set(action, s);
      owner.set(action, m.name);
    }
    for (const [kind, s] of Object.entries(m.notificationSentences ?? {})) {
      if (notify.has(kind)) throw new Error(`Notification kind ${kind} has two sentences (${m.name}).`);
      notify.set(kind, s);
    }
  }
  const tables = { audit, notify };
  cache.set(modules, tables);
  return tables;
}

/** The sentence of an audit event, or null for an action no module declares (an old event). */
export function auditSentence(modules: readonly ModuleManifest[], e: AuditFacts): Sentence | null {
  return sentenceTables(modules).audit.get(e.action)?.(e) ?? null;
}

export function notificationSentence(
  modules: readonly ModuleManifest[],
  n: NotificationFacts,
): Sentence | null {
  return sentenceTables(modules).notify.get(n.kind)?.(n) ?? null;
}
