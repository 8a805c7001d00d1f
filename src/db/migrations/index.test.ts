import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATION_FILES, migrations } from './index.ts';

/** The migrations are the files of this folder, under their file names, in name order. */
describe('migrations: discovered from their folder', () => {
  it('registers every NNNN_name.ts file under its name, in order, with an up()', () => {
    const files = readdirSync(new URL('./', import.meta.url)).filter(
      (f) => /^\d{4}_/.test(f) && !f.endsWith('.test.ts'),
    );
    expect([...MIGRATION_FILES]).toEqual(files.sort());
    expect(Object.keys(migrations)).toEqual(MIGRATION_FILES.map((f) => f.replace(/\.ts$/, '')));
    expect(Object.keys(migrations).slice(0, 3)).toEqual([
      '0001_foundation',
      '0002_registry',
      '0003_registry_indexes',
    ]);
    for (const m of Object.values(migrations)) expect(typeof m.up).toBe('function');
  });
});
