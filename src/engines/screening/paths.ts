/**
 * Paths of the shared (licensed, never copied) list files, relative to the project root:
 * `../shared/data/sanctions/...`.
 */
import { fileURLToPath } from 'node:url';

/** Project root (the folder holding package.json). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Absolute path of `../shared/data/sanctions/<rel>` resolved from the project root. */
export function sanctionsData(rel = ''): string {
  return fileURLToPath(new URL(`../shared/data/sanctions/${rel}`, new URL('../../../', import.meta.url)));
}
