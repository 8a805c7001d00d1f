import { EXPORTABLE } from '../../access/tlp.ts';
import type { Database } from '../../db/connection.ts';
import type { KindDefinition } from '../definition.ts';
import { exportCsv, exportJson, exportXlsx } from '../export.ts';
import { META_COLUMNS, present, readableKindQuery } from '../record-queries.ts';
import { type FilterInput, listFilters } from './list.ts';
import type { UserActor } from './types.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

/** A file to send: its name, its media type (none: JSON as the API sends it) and its content. */
export interface ExportFile {
  fileName: string;
  contentType: string | null;
  body: unknown;
}

/**
 * The records the caller may export (never TLP:RED), filtered as the list is, as CSV, XLSX or
 * JSON with the markings in words. Owner-only fields are columns only when every row shows them.
 */
export async function exportRecords(
  db: Database,
  a: UserActor,
  kind: KindDefinition,
  input: FilterInput & { format: ExportFormat },
): Promise<ExportFile> {
  const rows = await readableKindQuery(db, a, kind, listFilters(kind, input))
    .where('r.tlp', 'in', EXPORTABLE)
    .select([...META_COLUMNS])
    .orderBy('r.updated_at', 'desc')
    .limit(200_000)
    .execute();
  const shown = rows.map((row) => present(a, kind, row, [])).filter((x) => x.abilities.export);
  const fields = Object.keys(kind.fields).filter(
    (f) => !kind.fields[f]!.visibleTo || shown.every((s) => s.abilities.restrictedFields),
  );
  const items = shown.map((s) => ({ ...s, data: s.data as Record<string, unknown> }));
  const name = `${kind.name}-${new Date().toISOString().slice(0, 10)}`;
  if (input.format === 'json')
    return { fileName: `${name}.json`, contentType: null, body: exportJson(kind, items, a.label) };
  if (input.format === 'xlsx')
    return {
      fileName: `${name}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await exportXlsx(kind, items, fields, a.label),
    };
  return {
    fileName: `${name}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: exportCsv(kind, items, fields, a.label),
  };
}
