import { cellTooLong, count, TableError, tooManyColumns, tooManyRows } from './limits.ts';
import type { RawRecord, ReaderContext } from './records.ts';

/** Every string cell of a JSON record within the cell limit (structured values count as their JSON). */
function checkCells(cells: Record<string, unknown>, line: number, ctx: ReaderContext) {
  for (const [k, v] of Object.entries(cells)) {
    const len =
      typeof v === 'string' ? v.length : v !== null && typeof v === 'object' ? JSON.stringify(v).length : 0;
    if (len > ctx.limits.maxCellChars) throw cellTooLong(line, k, len, ctx.limits);
  }
}

/**
 * A JSON array of records (or an object with "items"; an item with a "data" object is read as
 * that object), as the registry exports it. JSON.parse is bounded by the upload size; rows,
 * columns and cells are checked item by item.
 */
export function jsonItems(
  bytes: Uint8Array,
  ctx: ReaderContext,
): { columns: string[]; rows: { line: number; cells: Record<string, unknown> }[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
  } catch (e) {
    throw new TableError(1, '', `The file is not valid JSON: ${(e as Error).message}`);
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown })?.items;
  if (!Array.isArray(items))
    throw new TableError(1, '', 'Expected a JSON array of records (or an object with "items").');
  if (items.length > ctx.limits.maxRows) throw tooManyRows(ctx.limits.maxRows + 1, ctx.limits, 'file');
  const columns = new Set<string>();
  const rows = items.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item))
      throw new TableError(i + 1, '', `Item ${count(i + 1)} is not an object.`);
    const cells = (
      'data' in item && typeof (item as { data: unknown }).data === 'object'
        ? (item as { data: Record<string, unknown> }).data
        : item
    ) as Record<string, unknown>;
    for (const k of Object.keys(cells)) columns.add(k);
    if (columns.size > ctx.limits.maxColumns) throw tooManyColumns(i + 1, columns.size, ctx.limits, 'file');
    checkCells(cells, i + 1, ctx);
    return { line: i + 1, cells };
  });
  return { columns: [...columns], rows };
}

/**
 * JSON lines: one object per line; the first object's keys are the header. Read line by line
 * from the buffer (never split as a whole); values by header position, as the risk engine reads
 * them.
 */
export async function* jsonLinesRecords(bytes: Uint8Array, ctx: ReaderContext): AsyncGenerator<RawRecord> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let header: string[] | null = null;
  let line = 0;
  let start = 0;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
  while (start < buf.length) {
    let end = buf.indexOf(0x0a, start);
    if (end < 0) end = buf.length;
    const text = buf.toString('utf8', start, end);
    start = end + 1;
    line++;
    if (text.trim() === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      throw new TableError(line, '', `invalid JSON: ${(e as Error).message}`);
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj))
      throw new TableError(line, '', 'each line must be a JSON object');
    const rec = obj as Record<string, unknown>;
    if (!header) {
      header = Object.keys(rec);
      if (header.length > ctx.limits.maxColumns)
        throw tooManyColumns(line, header.length, ctx.limits, 'file');
      yield { line, values: header };
    }
    checkCells(rec, line, ctx);
    yield { line, values: header.map((h) => rec[h]) };
  }
}
