import { describe, expect, it } from 'vitest';
import { snapshots } from './HistoryPanel.tsx';

// The form conversions and validation are tested against the server's parsing of the real kind
// definitions in src/registry/web-forms.test.ts (server code stays out of the web app's tests).
describe('registry form values', () => {
  it('history: the data of every version is rebuilt from the per-version changes', () => {
    const h = (version: number, changes: Record<string, { before: unknown; after: unknown }>) => ({
      version,
      status: 'draft' as const,
      changedAt: '',
      changedBy: '',
      note: null,
      changes,
    });
    const snaps = snapshots([
      h(1, { a: { before: null, after: 1 }, b: { before: null, after: 'x' } }),
      h(2, { a: { before: 1, after: 2 } }),
      h(3, { b: { before: 'x', after: null } }),
    ]);
    expect(snaps).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'x' }, { a: 2 }]);
  });
});
