import { describe, expect, it } from 'vitest';
import { compareFacts, describeFacts } from './database-facts.ts';
import type { DatabaseFacts } from './manifest.ts';

const facts = (): DatabaseFacts => ({
  migrations: ['0001_a', '0002_b'],
  counts: { 'public.users': 3, 'public.attachments': 1, 'pgboss.job': 0 },
  files: [{ table: 'attachments', id: 'a1', size: 4, sha256: 'a'.repeat(64) }],
  audit: { events: 7, head: { seq: 7, hash: 'b'.repeat(64) } },
});

describe('comparing a restored database with its backup', () => {
  it('finds no difference in equal facts, and names each difference', () => {
    expect(compareFacts(facts(), facts())).toEqual([]);
    const found = facts();
    found.migrations.pop();
    found.counts['public.users'] = 2;
    delete found.counts['pgboss.job'];
    found.counts['public.extra'] = 1;
    found.files[0]!.sha256 = 'c'.repeat(64);
    found.audit = { events: 6, head: { seq: 6, hash: 'd'.repeat(64) } };
    expect(compareFacts(facts(), found)).toEqual([
      'the applied migrations differ (backup: 0002_b, 2 in all; restored: 0001_a, 1 in all)',
      'table public.users has 2 rows, the backup recorded 3',
      'table pgboss.job is missing',
      'table public.extra is not in the backup',
      `attachment a1 does not match its checksum (SHA-256 ${'c'.repeat(64)}, the backup recorded ${'a'.repeat(64)})`,
      `the audit trail differs (backup: 7 events, newest #7 ${'b'.repeat(64)}; restored: 6 events, newest #6 ${'d'.repeat(64)})`,
    ]);
    const gone = facts();
    gone.files = [];
    expect(compareFacts(facts(), gone)).toEqual([
      'attachment a1 is missing',
      '0 uploaded files restored, the backup recorded 1',
    ]);
  });

  it('describes the facts in one line', () => {
    expect(describeFacts(facts())).toBe('3 tables with 4 rows, 1 uploaded file, 7 audit events');
  });
});
