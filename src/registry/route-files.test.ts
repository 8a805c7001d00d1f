import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { problemsOf, routeFiles } from '../../scripts/check-route-files.ts';

// The registry's route files are adapters over ./operations (README "Operations and routes"):
// the same rule as scripts/check-route-files.ts, kept here for this folder.
describe('registry route files', () => {
  const files = routeFiles(fileURLToPath(new URL('.', import.meta.url)));

  it('are found', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((f) => [f.replace(/^.*\/src\//, 'src/'), f]))(
    '%s is at most 150 lines and does not use the query builder',
    (_name, file) => {
      expect(problemsOf(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('the check catches a long file, a kysely import and a query-builder call', () => {
    const text = `import { sql } from 'kysely';\n${'\n'.repeat(150)}const x = db.selectFrom('users');\n`;
    expect(problemsOf(text)).toEqual([
      '152 lines (at most 150)',
      "line 1: imports 'kysely'",
      'line 152: calls the query builder (.selectFrom)',
    ]);
    expect(problemsOf("// a comment about .selectFrom('x')\nimport type { X } from './x.ts';\n")).toEqual([]);
  });
});
