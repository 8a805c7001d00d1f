import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, type Tree } from '../../web/src/i18n/catalog.ts';
import type { MembershipStatus } from '../db/schema.ts';
import { KINDS } from '../registry/kinds/index.ts';
import { tender } from './../registry/kinds/procurement/tender.kind.ts';
import { SRC_DIR, sourceFiles } from '../testing/source-files.ts';
import { MODULES } from './index.ts';
import type { AuditFacts, NotificationFacts, Sentence } from './sentence.ts';
import { sentenceTables } from './sentences.ts';

/**
 * Every audit action and notification kind the code writes has a sentence in some module's
 * manifest, and every sentence names messages (and parameters) the EN catalog has — FR and DE
 * have the same keys and placeholders (web/src/i18n/catalogs.test.ts).
 *
 * Actions are found in the code: `action: '…'` (or a ternary of two literals, or `action = '…'`),
 * the literal passed to a helper that takes `action: string`, and template literals, which this
 * table expands; a template the table does not know fails the test (teach it here).
 */
const STATUSES: readonly MembershipStatus[] = ['requested', 'endorsed', 'active', 'rejected', 'withdrawn'];
const perKind = (...verbs: string[]) => KINDS.flatMap((k) => verbs.map((v) => `${k.name}.${v}`));
const TEMPLATES: Record<string, readonly string[]> = {
  // registry records (record-service, import, attachments)
  "${kind.name}.${corrected ? 'corrected' : 'updated'}": perKind('corrected', 'updated'),
  '${kind.name}.${status}': perKind('submitted', 'published', 'retracted'),
  '${kind.name}.${input.kind}': perKind('comment', 'feedback', 'interest'),
  // memberships (transitions, and the demo data)
  'membership.${t.to}': STATUSES.map((s) => `membership.${s}`),
  'membership.${status}': STATUSES.map((s) => `membership.${s}`),
  'job.${outcome.state}': ['job.succeeded', 'job.failed', 'job.cancelled'],
  'screening.case_${state}': ['screening.case_confirmed', 'screening.case_dismissed'],
  // notifications
  'membership.${m.status}': STATUSES.map((s) => `membership.${s}`),
  'job.${job.state}': ['job.succeeded', 'job.failed', 'job.cancelled'],
  '${kind.name}.${String(payload.event)}': perKind('published', 'corrected', 'retracted', 'shared'),
  // a post of a record's thread: its mentions and its followers (registry-notifications.ts)
  "${kind.name}.${mentioned.has(userId) ? 'mention' : comment.kind}": perKind(
    'mention',
    'comment',
    'feedback',
    'interest',
  ),
  // action-point reminders (src/modules/meetings)
  'action_point.${r.notice}': ['action_point.due', 'action_point.overdue'],
  '${kind.name}.${comment.kind}': perKind('comment', 'feedback', 'interest'),
};

const DOTTED = /^[a-z_]+(\.[a-z_]+)+$/;

function expand(template: string, where: string, unresolved: string[]): string[] {
  const known = TEMPLATES[template];
  if (known) return [...known];
  const oneVerb = /^\$\{kind\.name\}\.([a-z_]+)$/.exec(template);
  if (oneVerb) return perKind(oneVerb[1]!);
  unresolved.push(`${where}: \`${template}\``);
  return [];
}

function lineOf(text: string, index: number) {
  return text.slice(0, index).split('\n').length;
}

/** Is the match in a comment line (`*`, `//`)? */
function isComment(text: string, index: number) {
  const line = text.slice(text.lastIndexOf('\n', index) + 1, index).trim();
  return line.startsWith('*') || line.startsWith('//') || line.startsWith('/*');
}

/** The audit actions the code writes, with where. */
function writtenActions() {
  const found = new Map<string, string>();
  const unresolved: string[] = [];
  const files = sourceFiles(SRC_DIR).map((file) => ({
    file,
    rel: relative(SRC_DIR, file),
    text: readFileSync(file, 'utf8'),
  }));
  // Helpers that write an audit event and take the action as a parameter (`action: string`),
  // wherever they are declared: their callers may live in other files.
  const HELPER = /(?:function\s+(\w+)|const\s+(\w+)\s*=\s*(?:async\s*)?)\(([^)]*)\)/g;
  const helpers = files
    .filter((f) => f.text.includes('recordAudit'))
    .flatMap((f) => [...f.text.matchAll(HELPER)])
    .filter((m) => /\baction\s*:\s*string\b/.test(m[3]!))
    .map((m) => m[1] ?? m[2]!);
  for (const { rel, text } of files) {
    const callsHelper = helpers.some((h) => text.includes(`${h}(`));
    if ((!text.includes('recordAudit') && !callsHelper) || rel.startsWith(join('testing', ''))) continue;
    if (rel === join('audit', 'audit-log.ts')) continue; // the writer itself
    const add = (action: string, index: number) => found.set(action, `${rel}:${lineOf(text, index)}`);
    for (const m of text.matchAll(/\baction\s*(?::|=(?!=))\s*(`[^`]*`|[^,\n}]+)/g)) {
      const expr = m[1]!.trim().replace(/;$/, '');
      const where = `${rel}:${lineOf(text, m.index)}`;
      if (isComment(text, m.index)) continue;
      const literals = [...expr.matchAll(/'([^']*)'/g)].map((x) => x[1]!);
      const template = /^`([^`]+)`$/.exec(expr);
      if (template) for (const a of expand(template[1]!, where, unresolved)) add(a, m.index);
      else if (literals.length && /^('[^']*'|[\w.!]+\s*\?\s*'[^']*'\s*:\s*'[^']*')$/.test(expr)) {
        for (const l of literals) if (DOTTED.test(l)) add(l, m.index);
      } else if (/^'[^']*'(\s*\|\s*'[^']*')+/.test(expr) || /^(string|keyof |z\.)/.test(expr)) {
        // a type (a union of words, `string`) or a query parameter, not a write
      } else if (expr !== 'action' && !/^[a-z]\.action$/.test(expr)) unresolved.push(`${where}: ${expr}`);
    }
    // Helpers that take the action as a parameter: the literal each call passes.
    for (const h of helpers)
      for (const call of text.matchAll(new RegExp(`\\b${h}\\(([^;]*)`, 'g'))) {
        const lit = [...call[1]!.matchAll(/'([^']+)'/g)].map((x) => x[1]!).find((l) => DOTTED.test(l));
        if (lit) add(lit, call.index);
      }
  }
  return { found, unresolved };
}

/** The notification kinds the code writes (`kind:` in the files that insert notifications). */
function writtenNotificationKinds() {
  const found = new Map<string, string>();
  const unresolved: string[] = [];
  for (const file of sourceFiles(SRC_DIR)) {
    const rel = relative(SRC_DIR, file);
    const text = readFileSync(file, 'utf8');
    if (!text.includes("insertInto('notifications')") || rel.startsWith(join('testing', ''))) continue;
    for (const m of text.matchAll(/\bkind\s*:\s*(`[^`]*`|[^,\n}]+)/g)) {
      const expr = m[1]!.trim().replace(/;$/, '');
      if (isComment(text, m.index)) continue;
      const where = `${rel}:${lineOf(text, m.index)}`;
      const template = /^`([^`]+)`$/.exec(expr);
      const literal = /^'([^']+)'$/.exec(expr);
      if (template) for (const k of expand(template[1]!, where, unresolved)) found.set(k, where);
      else if (literal) found.set(literal[1]!, where);
      else if (!/^(string|kind\.name|String\(|job\.kind|comment\.kind)/.test(expr))
        unresolved.push(`${where}: ${expr}`);
    }
  }
  return { found, unresolved };
}

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}
const EN = flatten(catalog('en'));

/** The message a sentence names (a plural message by its `_other` form), with its placeholders satisfied. */
function problemsOf(s: Sentence, extra: string[]): string[] {
  const message = EN.get(s.key) ?? EN.get(`${s.key}_other`);
  if (message === undefined) return [`no message ${s.key}`];
  const problems: string[] = [];
  const given = new Set([...Object.keys(s.params), ...extra]);
  for (const m of message.matchAll(/\{\{(\w+)\}\}/g))
    if (!given.has(m[1]!)) problems.push(`${s.key}: {{${m[1]}}} not given`);
  for (const p of Object.values(s.params))
    if (typeof p === 'object' && 't' in p && !EN.has(p.t) && !p.fallback)
      problems.push(`${s.key}: no message ${p.t}`);
  return problems;
}

/** Facts as a reader who may see everything, and as one who may see nothing, would get them. */
function auditVariants(action: string): AuditFacts[] {
  const changes = {
    title: 'Mobile scanners',
    name: 'AT',
    code: '123',
    role: 'ncp',
    kind: { after: 'users.import' },
  };
  return [
    { action, recordKind: 'x', recordId: null, changes, recordName: 'Anna Schmidt' },
    { action, recordKind: 'x', recordId: null, changes: null, recordName: null },
  ];
}
function notificationVariants(kind: string): NotificationFacts[] {
  return [
    { kind, summary: 'FR: Mobile scanners' },
    { kind, summary: '' },
  ];
}

describe('sentences of audit events and notifications', () => {
  const tables = sentenceTables(MODULES);
  const actions = writtenActions();
  const kinds = writtenNotificationKinds();

  it('finds what the code writes (the scan works)', () => {
    expect(actions.unresolved, 'action expressions the scan cannot resolve').toEqual([]);
    expect(kinds.unresolved, 'notification kinds the scan cannot resolve').toEqual([]);
    for (const a of [
      'auth.second_factor_failed',
      'account.api_key_created',
      'membership.appointed',
      'screening.batch_screened',
      'job.cancel_requested',
      'user.role_revoked',
      'tender.published',
      'code_list.code_added',
      'auth.oidc_denied',
      'auth.failed',
    ])
      expect(actions.found.has(a), a).toBe(true);
    for (const k of ['announcement.published', 'membership.endorsed', 'job.failed', 'tender.interest'])
      expect(kinds.found.has(k), k).toBe(true);
  });

  it('has a sentence for every audit action the code writes', () => {
    const missing = [...actions.found].filter(([a]) => !tables.audit.has(a)).map(([a, w]) => `${a} (${w})`);
    expect(missing, 'audit actions without a sentence in a module manifest (auditSentences)').toEqual([]);
  });

  it('has a sentence for every notification kind the code writes', () => {
    const missing = [...kinds.found].filter(([k]) => !tables.notify.has(k)).map(([k, w]) => `${k} (${w})`);
    expect(missing, 'notification kinds without a sentence (notificationSentences)').toEqual([]);
  });

  it('names messages of the catalog, with every placeholder given', () => {
    const problems: string[] = [];
    for (const [action, s] of tables.audit)
      for (const facts of auditVariants(action)) problems.push(...problemsOf(s(facts), ['actor']));
    for (const [kind, s] of tables.notify)
      for (const facts of notificationVariants(kind)) problems.push(...problemsOf(s(facts), ['count']));
    expect(problems).toEqual([]);
  });

  it('quotes a title only where the reader may see the details', () => {
    const published = tables.audit.get('tender.published')!;
    expect(published(auditVariants('tender.published')[0]!)).toEqual({
      key: 'registry.audit.published',
      params: { title: 'Anna Schmidt', kind: { labels: tender.label } },
    });
    expect(published(auditVariants('tender.published')[1]!).params).not.toHaveProperty('title');
    const role = tables.audit.get('user.role_granted')!;
    expect(role(auditVariants('user.role_granted')[1]!)).toEqual({
      key: 'platform.audit.user_role_grantedUntitled',
      params: {},
    });
    const unquoted = tables.notify.get('announcement.created')!(
      notificationVariants('announcement.created')[1]!,
    );
    expect(unquoted.key).toBe('platform.notify.announcement_createdUntitled');
  });
});
