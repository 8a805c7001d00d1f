import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineKind, type KindName } from '../registry/definition.ts';
import { registryIndexes } from '../registry/index-sql.ts';
import { KINDS } from '../registry/kinds/index.ts';
import { migrationSource, nextMigrationId, writeRegistryMigration } from './registry-migration.ts';

const widget = defineKind({
  ...KINDS[0]!,
  name: 'widget_test' as KindName,
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true },
    colour: { type: 'text', label: { en: 'Colour', fr: 'Couleur', de: 'Farbe' } },
  },
  titleField: 'title',
  importKey: ['title'],
  searchable: ['title'],
  listColumns: ['title'],
  filters: ['colour'],
  views: [{ type: 'list', label: { en: 'List', fr: 'Liste', de: 'Liste' } }],
  example: (token) => ({ title: token }),
});

describe('registry-migration: the index migration of a new kind is written, not copied by hand', () => {
  it('numbers and writes it: the file is the whole registration', async () => {
    expect(nextMigrationId(['0001_a.ts', '0013_b.ts'], 'widgets')).toBe('0014_widgets');
    const src = migrationSource("CREATE INDEX x ON registry_records ((data->>'a')) WHERE kind = 'w';", ['w']);
    expect(src).toContain(
      "await sql`CREATE INDEX x ON registry_records ((data->>'a')) WHERE kind = 'w'`.execute(db);",
    );
    // A long statement is wrapped as Biome wraps it, so the generated file is committed as written.
    const long = `CREATE INDEX registry_idx_${'w'.repeat(40)}_x ON registry_records ((data->>'x')) WHERE kind = 'w';`;
    expect(migrationSource(long, ['w'])).toContain(`WHERE kind = 'w'\`.execute(\n    db,\n  );\n}`);

    const dir = mkdtempSync(join(tmpdir(), 'eucab-mig-'));
    writeFileSync(join(dir, 'index.ts'), '// finds the migrations\n');
    writeFileSync(join(dir, '0001_foundation.ts'), '');
    writeFileSync(join(dir, '0013_example.ts'), '');
    const existing = registryIndexes(KINDS).map((i) => i.name);
    const out = await writeRegistryMigration(
      'widget_indexes',
      [...KINDS, widget],
      pathToFileURL(`${dir}/`),
      existing,
    );
    expect(out?.statements).toBe(
      "CREATE INDEX registry_idx_widget_test_colour ON registry_records ((data->>'colour')) WHERE kind = 'widget_test';",
    );
    expect(out?.id).toBe('0014_widget_indexes');
    expect(out?.file).toBe(join(dir, '0014_widget_indexes.ts'));
    expect(readFileSync(out!.file, 'utf8')).toContain('registry_idx_widget_test_colour');
    expect(readFileSync(join(dir, 'index.ts'), 'utf8')).toBe('// finds the migrations\n');
    // Nothing to do when the definitions and the committed migrations agree.
    expect(await writeRegistryMigration('nothing_new', KINDS, pathToFileURL(`${dir}/`), existing)).toBeNull();
    await expect(
      writeRegistryMigration('Bad Name', KINDS, pathToFileURL(`${dir}/`), existing),
    ).rejects.toThrow(/not a migration name/);
  });
});
