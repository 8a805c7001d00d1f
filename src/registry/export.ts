import ExcelJS from 'exceljs';
import { strictest, TLP_RULES } from '../access/tlp.ts';
import { csvWithMarking, neutraliseCell } from '../core/export-safety.ts';
import type { Tlp } from '../db/schema.ts';
import type { KindDefinition } from './definition.ts';

export interface ExportRow {
  id: string;
  owner_org_code: string;
  status: string;
  version: number;
  tlp: Tlp;
  marking: string;
  updated_at: Date | string;
  data: Record<string, unknown>;
}

/** The strictest marking in a file, stated at its top. */
export function fileMarking(rows: ExportRow[]) {
  return TLP_RULES[strictest(rows.map((r) => r.tlp))];
}

/** A cell value: lists of scalars joined with "; ", structures as JSON (what the import reads back). */
export function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function table(rows: ExportRow[], visibleFields: string[]) {
  const header = ['id', 'tlp', 'sharing_rule', 'owner', 'status', 'version', 'updated_at', ...visibleFields];
  const body = rows.map((r) =>
    [
      r.id,
      TLP_RULES[r.tlp].label,
      r.marking,
      r.owner_org_code,
      r.status,
      r.version,
      r.updated_at,
      ...visibleFields.map((f) => cell(r.data[f])),
    ].map(neutraliseCell),
  );
  return { header, body };
}

export function exportCsv(
  kind: KindDefinition,
  rows: ExportRow[],
  visibleFields: string[],
  by: string,
): string {
  const m = fileMarking(rows);
  const { header, body } = table(rows, visibleFields);
  return csvWithMarking(
    `${m.label} — strictest marking in this file. ${m.rule} ${kind.labelPlural.en}, exported ${new Date().toISOString()} by ${by}.`,
    header,
    body,
  );
}

export async function exportXlsx(
  kind: KindDefinition,
  rows: ExportRow[],
  visibleFields: string[],
  by: string,
): Promise<Buffer> {
  const m = fileMarking(rows);
  const { header, body } = table(rows, visibleFields);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'EUCAB Cooperation Platform';
  const ws = wb.addWorksheet(kind.labelPlural.en.slice(0, 31));
  ws.addRow([
    `${m.label} — strictest marking in this file. ${m.rule} Exported ${new Date().toISOString()} by ${by}.`,
  ]);
  ws.addRow(header).font = { bold: true };
  for (const b of body) ws.addRow(b);
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function exportJson(kind: KindDefinition, rows: ExportRow[], by: string) {
  const m = fileMarking(rows);
  return {
    kind: kind.name,
    exportedAt: new Date().toISOString(),
    exportedBy: by,
    marking: `${m.label} (the strictest marking in this file) — ${m.rule}`,
    notice:
      'Each record carries its own TLP marking and sharing rule: respect them when you pass this file on.',
    items: rows.map((r) => ({
      id: r.id,
      owner: r.owner_org_code,
      status: r.status,
      version: r.version,
      tlp: TLP_RULES[r.tlp].label,
      sharingRule: r.marking,
      updatedAt: r.updated_at,
      data: r.data,
    })),
  };
}
