/** Tests only: build XLSForm workbooks with exceljs from arrays of rows (first row = headers). */
import ExcelJS from 'exceljs';

export type SheetRows = (string | number | boolean | null)[][];

export async function workbook(sheets: Record<string, SheetRows>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
