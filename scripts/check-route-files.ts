/**
 * Route files are adapters: zod schemas, the scope where it differs from the method's default, one
 * call to an operation and the shaping of the reply. This check fails (exit 1) on a route file
 * (`src/**\/*-routes.ts`) that is longer than 150 lines, imports the query builder ('kysely') or
 * calls it directly (`.selectFrom(`, `.insertInto(`, `.updateTable(`, `.deleteFrom(`, …): such
 * code belongs in an operation (e.g. src/registry/operations/).
 *
 * Run: npx tsx scripts/check-route-files.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAX_LINES = 150;
const KYSELY_IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]kysely(?:\/[^'"]*)?['"]/;
const BUILDER_CALL =
  /\.(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\s*\(/g;

/**
 * Route files allowed to be more than adapters for now, each with its reason; an entry whose file
 * passes (or is gone) fails the check, so the list only shrinks.
 */
export const NOT_YET: Readonly<Record<string, string>> = {};

export function routeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeFiles(path));
    else if (entry.name.endsWith('-routes.ts')) out.push(path);
  }
  return out;
}

/** The code without comments (block comments, and lines that are comments), line numbers kept. */
function code(text: string): string[] {
  const noBlocks = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  return noBlocks.split('\n').map((line) => (line.trimStart().startsWith('//') ? '' : line));
}

/** What makes a route file more than an adapter (empty: none). */
export function problemsOf(text: string): string[] {
  const problems: string[] = [];
  const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  if (lines > MAX_LINES) problems.push(`${lines} lines (at most ${MAX_LINES})`);
  code(text).forEach((line, i) => {
    if (KYSELY_IMPORT.test(line)) problems.push(`line ${i + 1}: imports 'kysely'`);
    for (const m of line.matchAll(BUILDER_CALL))
      problems.push(`line ${i + 1}: calls the query builder (.${m[1]})`);
  });
  return problems;
}

function main() {
  const files = routeFiles(join(ROOT, 'src')).sort();
  let offenders = 0;
  const rel = (f: string) => relative(ROOT, f).split('\\').join('/');
  for (const [file, why] of Object.entries(NOT_YET)) {
    const path = join(ROOT, file);
    if (!files.includes(path) || problemsOf(readFileSync(path, 'utf8')).length === 0) {
      offenders++;
      console.log(
        `${file} is listed in NOT_YET (${why}) but is an adapter now, or gone: remove it from the list`,
      );
    }
  }
  for (const file of files) {
    if (Object.hasOwn(NOT_YET, rel(file))) continue;
    const problems = problemsOf(readFileSync(file, 'utf8'));
    if (!problems.length) continue;
    offenders++;
    console.log(`${relative(ROOT, file)}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  if (offenders) {
    console.log(
      `\n${offenders} of ${files.length} route files are more than adapters: move the queries and rules into operations, split long files by resource.`,
    );
    process.exit(1);
  }
  console.log(
    `${files.length} route files checked: all at most ${MAX_LINES} lines, none uses the query builder${
      Object.keys(NOT_YET).length ? ` (not yet: ${Object.keys(NOT_YET).join(', ')})` : ''
    }.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
