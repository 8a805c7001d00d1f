import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../registry/kinds/index.ts';
import { SRC_DIR, sourceFiles } from '../testing/source-files.ts';
import { AUDIT_KIND_RULES, hasAuditRule } from './audit-policy.ts';
import { SHARED_KINDS } from './shared-kinds.ts';

const SRC = SRC_DIR;

/**
 * Every `recordKind: …` the code writes into the audit trail, resolved to kind names: string
 * literals, a constant (`const KIND = '…'`, in the file or exported by another), and `kind.name` (a registry kind: every one of KINDS).
 * Any other expression fails the test, so a new way of naming a kind must be taught here.
 */
function writtenKinds(): { kinds: Map<string, string[]>; unresolved: string[] } {
  const kinds = new Map<string, string[]>();
  const unresolved: string[] = [];
  const files = sourceFiles(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const constant = (name: string, own: string): string | undefined => {
    const re = new RegExp(`const ${name}\\s*=\\s*'([^']+)'`);
    return (
      re.exec(own)?.[1] ?? files.map((f) => new RegExp(`export ${re.source}`).exec(f.text)?.[1]).find(Boolean)
    );
  };
  const add = (kind: string, where: string) => kinds.set(kind, [...(kinds.get(kind) ?? []), where]);
  for (const { file, text } of files) {
    const rel = relative(SRC, file);
    if (rel === join('audit', 'audit-log.ts')) continue; // the type declaration and the writer
    if (!text.includes('recordAudit')) continue; // only files that write audit events
    for (const m of text.matchAll(/\brecordKind\s*:\s*([^,\n}]+)/g)) {
      const expr = m[1]!.trim();
      const line = text.slice(0, m.index).split('\n').length;
      const where = `${rel}:${line}`;
      const literal = /^'([^']+)'$/.exec(expr);
      if (literal) add(literal[1]!, where);
      else if (expr === 'kind.name') for (const k of KINDS) add(k.name, where);
      else if (/^[A-Z_]+$/.test(expr)) {
        const c = constant(expr, text);
        if (c) add(c, where);
        else unresolved.push(`${where}: ${expr}`);
      } else if (rel.startsWith(`modules${'/'}audit`) || /^(string|req\.|z\.)/.test(expr)) {
        // the audit route's query parameter, not a write
      } else unresolved.push(`${where}: ${expr}`);
    }
  }
  return { kinds, unresolved };
}

describe('audit policy: every record kind written to the trail has a detail rule', () => {
  const { kinds, unresolved } = writtenKinds();

  it('finds the kinds the code writes (the scan works)', () => {
    for (const k of ['risk_dataset', 'risk_batch', 'screening_case', 'job', 'user', 'announcement'])
      expect(kinds.has(k), k).toBe(true);
    expect(unresolved, 'recordKind expressions the scan cannot resolve').toEqual([]);
  });

  it('has a rule for every kind written with recordAudit (a new kind cannot fall through to "show")', () => {
    const missing = [...kinds].filter(([k]) => !hasAuditRule(k)).map(([k, where]) => `${k} (${where[0]})`);
    expect(missing, 'record kinds written to the audit trail without a rule in AUDIT_KIND_RULES').toEqual([]);
  });

  it('covers every shared kind and every registry kind', () => {
    for (const k of Object.keys(SHARED_KINDS)) expect(hasAuditRule(k), k).toBe(true);
    for (const k of KINDS) expect(hasAuditRule(k.name), k.name).toBe(true);
  });

  it('denies the details of an unknown kind', () => {
    expect(hasAuditRule('something_new')).toBe(false);
    expect(Object.hasOwn(AUDIT_KIND_RULES, 'toString')).toBe(false);
  });
});
