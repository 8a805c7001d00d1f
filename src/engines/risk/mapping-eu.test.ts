import { beforeAll, describe, expect, it } from 'vitest';
import { EU_NAMES, euFileLines, GERMAN_NAMES } from './eu-test-files.ts';
import { readSample } from './frame.ts';
import { proposeMapping } from './mapping.ts';
import { headLines, KCS_MAPPING, KCS_TRAIN, tmpDir, writeTemp } from './test-helpers.ts';

/** The KCS mapping expressed with the renamed columns, plus the remarks column as free text. */
function expected(names: Record<string, string>, remarks: string) {
  const columns: Record<string, string> = { [remarks]: 'text' };
  for (const [kcs, role] of Object.entries(KCS_MAPPING.columns)) columns[names[kcs]!] = role;
  return columns;
}

describe('proposeMapping with EU data-model names and German headings', () => {
  let kcs: string[];
  let dir: string;
  beforeAll(async () => {
    kcs = await headLines(KCS_TRAIN, 600);
    dir = tmpDir();
  });

  it.each([
    ['EU data model (semicolons, decimal commas, dd/mm/yyyy)', EU_NAMES, '/', 'Remarks'],
    ['German headings (dd.mm.yyyy)', GERMAN_NAMES, '.', 'Bemerkungen'],
  ] as const)('maps %s like the KCS file, outcomes as label / ignored', async (_n, names, sep, remarks) => {
    const p = writeTemp(
      dir,
      `${remarks}.csv`,
      euFileLines(kcs, { names, dateSeparator: sep, outcomes: true }),
    );
    const s = await readSample(p, 500);
    expect(s.dialect.dialect).toMatchObject({ delimiter: 'semicolon', decimal: ',', dateFormat: 'dmy' });
    const { mapping, inferred, uncertain } = proposeMapping(s.header, s.rows, s.dialect.dialect);
    expect(mapping.columns).toEqual(expected(names, remarks));
    for (const i of inferred) {
      expect(i.confidence).toBeGreaterThan(0);
      expect(i.confidence).toBeLessThanOrEqual(1);
    }
    const severity = inferred.find((i) => i.column === names['Critical Fraud'])!;
    expect(severity.reason).toMatch(/outcome.*leakage/);
    // only columns whose names say nothing are uncertain, and their proposal is still right
    expect(uncertain.every((c) => !['id', 'label', 'hs', 'date'].includes(mapping.columns[c]!))).toBe(true);
  });

  it('always returns a complete proposal, guessing the identifier with a low confidence', () => {
    const header = ['a', 'b', 'when'];
    const rows = Array.from({ length: 20 }, (_, i) => [`x${i % 3}`, `K${i}`, `0${(i % 9) + 1}.03.2021`]);
    const { mapping, inferred, uncertain } = proposeMapping(header, rows, { dateFormat: 'dmy' });
    expect(mapping.columns).toEqual({ a: 'categorical', b: 'id', when: 'date' });
    expect(inferred.find((i) => i.column === 'b')!.reason).toMatch(
      /no column is named like a declaration identifier/,
    );
    expect(uncertain).toContain('b');
  });

  it('proposes "Irregularity" as the label and a severity column as ignored', () => {
    const header = ['MRN', 'Irregularity', 'Severity', 'LRN'];
    const rows = Array.from({ length: 30 }, (_, i) => [`21DE${i}`, String(i % 2), String(i % 3), `L${i}`]);
    const { mapping } = proposeMapping(header, rows);
    expect(mapping.columns).toEqual({ MRN: 'id', Irregularity: 'label', Severity: 'ignore', LRN: 'ignore' });
  });
});
