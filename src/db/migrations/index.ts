import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';

/** Committed migrations, applied in name order at start (never auto-synced from code). */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
