import type { KindDefinition } from './definition.ts';

/**
 * The per-kind indexes the definitions ask for: one partial expression index per scalar filter
 * field (lists are served by the GIN index on data). Migrations are generated from this
 * (`npm run cli -- registry-indexes`) and committed; a test checks that the database has exactly
 * these indexes, so a definition change without its migration fails CI.
 */
export interface IndexSpec {
  name: string;
  sql: string;
}

const SCALAR = new Set([
  'text',
  'code',
  'country',
  'ref',
  'organisation',
  'network',
  'user',
  'date',
  'datetime',
  'timezone',
  'number',
  'boolean',
  'url',
]);

export function registryIndexes(kinds: readonly KindDefinition[]): IndexSpec[] {
  const out: IndexSpec[] = [];
  for (const k of kinds) {
    for (const f of k.filters) {
      const def = k.fields[f]!;
      if (!SCALAR.has(def.type)) continue;
      const name = `registry_idx_${k.name}_${f}`.slice(0, 63);
      out.push({
        name,
        sql: `CREATE INDEX ${name} ON registry_records ((data->>'${f}')) WHERE kind = '${k.name}';`,
      });
    }
  }
  return out;
}

/** SQL of a migration that moves the database from `existing` index names to the definitions. */
export function indexMigrationSql(kinds: readonly KindDefinition[], existing: readonly string[]): string {
  const wanted = registryIndexes(kinds);
  const names = new Set(wanted.map((w) => w.name));
  const drops = existing.filter((e) => !names.has(e)).map((e) => `DROP INDEX IF EXISTS ${e};`);
  const creates = wanted.filter((w) => !existing.includes(w.name)).map((w) => w.sql);
  return [...drops, ...creates].join('\n');
}
