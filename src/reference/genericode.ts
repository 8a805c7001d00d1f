import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';

/** Reads an OASIS genericode code list: one record per row, column id → value. */
export function readGenericode(path: string): Record<string, string>[] {
  const parser = new SaxesParser();
  const rows: Record<string, string>[] = [];
  let row: Record<string, string> | null = null;
  let column: string | null = null;
  let inValue = false;
  let text = '';
  parser.on('opentag', (tag) => {
    if (tag.name === 'Row') row = {};
    else if (tag.name === 'Value' && row) column = String(tag.attributes.ColumnRef ?? '');
    else if (tag.name === 'SimpleValue') {
      inValue = true;
      text = '';
    }
  });
  parser.on('text', (t) => {
    if (inValue) text += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'SimpleValue') {
      inValue = false;
      if (row && column) row[column] = text.trim();
    } else if (tag.name === 'Row' && row) {
      rows.push(row);
      row = null;
    }
  });
  parser.write(readFileSync(path, 'utf8')).close();
  return rows;
}
