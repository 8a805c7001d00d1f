import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the server's sources (src/), for tests that read the code itself. */
export const SRC_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Every TypeScript source file below `dir`, tests left out. */
export function sourceFiles(dir: string = SRC_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}
