/**
 * Sentences: how an audit event or a notification reads for a person ("Anna Schmidt published
 * “Mobile scanners” (Tender)"). A module maps each audit action and notification kind it writes
 * to a message key of its catalog (web/src/i18n) and the parameters the message needs; the API
 * sends `sentence: { key, params }` with each event and notification and the web app translates it.
 */

/**
 * A parameter: a value shown as is, or `{ t: key }`, a message key translated in the reader's
 * language (`fallback` is shown when the catalog has no such key, e.g. a job kind of a test).
 */
/**
 * A parameter of a sentence: a value, a message key of the web catalogs (`{ t }`), or words in
 * several languages (`{ labels }`, e.g. a registry kind's name from its definition) that the
 * reader sees in their language, else in English.
 */
export type SentenceParam =
  | string
  | number
  | { t: string; fallback?: string }
  | { labels: Readonly<Record<string, string>> };

export interface Sentence {
  key: string;
  params: Record<string, SentenceParam>;
}

/**
 * What a sentence of an audit event may use. `changes` is null when the reader may not see them;
 * `recordName` (a user's or organisation's name, a record's title) is given only when they may.
 * The API adds `actor` (who acted, by name) to the parameters of every sentence.
 */
export interface AuditFacts {
  action: string;
  recordKind: string;
  recordId: string | null;
  changes: Record<string, unknown> | null;
  recordName: string | null;
}

/** What a sentence of a notification may use (`summary` is already cut to what the reader may see). */
export interface NotificationFacts {
  kind: string;
  summary: string;
}

export type AuditSentence = (e: AuditFacts) => Sentence;
export type NotificationSentence = (n: NotificationFacts) => Sentence;

/** A text value of the changes: the value itself, or the `after` (else `before`) of a change. */
export function changedText(changes: Record<string, unknown> | null, ...names: string[]): string | null {
  if (!changes) return null;
  for (const name of names) {
    const v = changes[name];
    if (typeof v === 'string' && v) return v;
    if (typeof v === 'number') return String(v);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const ba = v as { before?: unknown; after?: unknown };
      const x = ba.after ?? ba.before;
      if (typeof x === 'string' && x) return x;
      if (typeof x === 'number') return String(x);
    }
  }
  return null;
}

/**
 * A sentence that quotes a title when the reader may see it: `key` with `{ title }`, else
 * `key + 'Untitled'` without it (two messages, so that no language has to drop quotation marks).
 */
export function titled(
  key: string,
  title: string | null,
  params: Record<string, SentenceParam> = {},
): Sentence {
  return title ? { key, params: { ...params, title } } : { key: `${key}Untitled`, params };
}

/** The message key of an action or a notification kind: `<namespace>.<group>.<action with _ for .>`. */
export function sentenceKey(namespace: string, group: 'audit' | 'notify', name: string): string {
  return `${namespace}.${group}.${name.replaceAll('.', '_')}`;
}

/** Audit sentences that only name the actor: `{{actor}} changed their password`. */
export function plainAuditSentences(namespace: string, actions: readonly string[]) {
  return Object.fromEntries(
    actions.map((a): [string, AuditSentence] => [
      a,
      () => ({ key: sentenceKey(namespace, 'audit', a), params: {} }),
    ]),
  );
}

/** Audit sentences that quote the record's name where the reader may see it (`key` / `keyUntitled`). */
export function titledAuditSentences(namespace: string, actions: readonly string[]) {
  return Object.fromEntries(
    actions.map((a): [string, AuditSentence] => [
      a,
      (e) =>
        titled(sentenceKey(namespace, 'audit', a), e.recordName ?? changedText(e.changes, 'title', 'name')),
    ]),
  );
}
