/**
 * A bounded XLSX reader: the first sheet, streamed row by row.
 *
 * Why not exceljs here: `Workbook.xlsx.load` inflates every part and builds the whole workbook in
 * memory before anything can be checked (a 0.9 MB file expanding to 315 MB of rows took 97 s and
 * 4 GB), and its streaming `WorkbookReader` unzips with its own reader, buffers the shared strings
 * without a bound and cannot be told to stop a part at N bytes. Validating with a zip reader first
 * and then handing the bytes to exceljs would inflate everything twice. So the zip is opened with
 * `yauzl` (central directory first: a declared size over the limit is refused before inflating;
 * `validateEntrySizes` stops a part that inflates beyond what it declares) and the few parts
 * needed — workbook, its relationships, styles (for date cells), shared strings and the first
 * sheet — are inflated as streams, each byte counted against TABLE_MAX_PART_BYTES and
 * TABLE_MAX_UNCOMPRESSED_BYTES, and parsed as they arrive with the `saxes` SAX parser (no DTD
 * entity expansion). Rows, columns and cell lengths are checked as each row closes, so reading
 * stops at the first limit. Values follow exceljs's conventions (dates as yyyy-mm-dd from the
 * cell's number format, rich text joined, formula results, errors as null) so imports read the
 * same as before.
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { bytesText, count, TableError, type TableLimits, tooManyColumns } from './limits.ts';
import { columnIndex, OverlongCell, type RawRecord, type ReaderContext } from './records.ts';

const MAX_ENTRIES = 10_000;

function invalid(reason: string): TableError {
  return new TableError(undefined, '', `The file is not a valid XLSX workbook: ${reason}`);
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
      (err, zip) => (err ? reject(invalid(err.message)) : resolve(zip)),
    );
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => {
      entries.set(e.fileName, e);
      if (entries.size > MAX_ENTRIES) {
        zip.close();
        reject(invalid(`it has more than ${count(MAX_ENTRIES)} parts.`));
      } else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(invalid(err.message)));
    zip.readEntry();
  });
}

function openStream(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
): Promise<NodeJS.ReadableStream & { destroy(): void }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) =>
      err ? reject(invalid(`part ${entry.fileName}: ${err.message}`)) : resolve(stream as never),
    );
  });
}

const partTooLarge = (name: string, l: TableLimits) =>
  new TableError(
    undefined,
    '',
    `Part ${name} of the workbook expands beyond ${bytesText(l.maxPartBytes)} (TABLE_MAX_PART_BYTES).`,
    413,
    'TABLE_MAX_PART_BYTES',
  );

const workbookTooLarge = (l: TableLimits) =>
  new TableError(
    undefined,
    '',
    `The workbook expands beyond ${bytesText(l.maxUncompressedBytes)} (TABLE_MAX_UNCOMPRESSED_BYTES).`,
    413,
    'TABLE_MAX_UNCOMPRESSED_BYTES',
  );

/** Bytes inflated so far from the whole workbook. */
interface Budget {
  total: number;
}

/**
 * The text of one zip part, chunk by chunk as it inflates. Refuses a declared size over the limit
 * before inflating and counts the bytes actually inflated (a zip whose declared sizes lie is
 * stopped by yauzl at the declared size, and by this count at the limit in any case).
 */
async function* partText(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limits: TableLimits,
  budget: Budget,
): AsyncGenerator<string> {
  const name = entry.fileName;
  if (entry.uncompressedSize > limits.maxPartBytes) throw partTooLarge(name, limits);
  if (budget.total + entry.uncompressedSize > limits.maxUncompressedBytes) throw workbookTooLarge(limits);
  const stream = await openStream(zip, entry);
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      budget.total += chunk.length;
      if (bytes > limits.maxPartBytes) throw partTooLarge(name, limits);
      if (budget.total > limits.maxUncompressedBytes) throw workbookTooLarge(limits);
      yield decoder.write(chunk);
    }
    yield decoder.end();
  } catch (e) {
    if (e instanceof TableError) throw e;
    const msg = (e as Error).message ?? String(e);
    if (/too many bytes in the stream/.test(msg))
      throw new TableError(
        undefined,
        '',
        `Part ${name} of the workbook expands beyond the ${bytesText(entry.uncompressedSize)} its zip entry declares: the file is damaged or crafted.`,
        413,
      );
    throw invalid(`part ${name}: ${msg}`);
  } finally {
    stream.destroy();
  }
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function attr(tag: SaxesTagPlain, local: string): string | undefined {
  return (tag.attributes as Record<string, string>)[local];
}

/** An attribute with any namespace prefix (e.g. r:id). */
function prefixedAttr(tag: SaxesTagPlain, local: string): string | undefined {
  const a = tag.attributes as Record<string, string>;
  for (const k of Object.keys(a)) if (k.includes(':') && localName(k) === local) return a[k];
  return a[local];
}

function newParser(part: string): SaxesParser {
  const p = new SaxesParser({ xmlns: false, position: false });
  p.on('error', (err) => {
    throw invalid(`part ${part}: ${err.message}`);
  });
  return p;
}

/** Parses one part to its end with the handlers set up by `setup`. */
async function parsePart(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limits: TableLimits,
  budget: Budget,
  setup: (p: SaxesParser) => void,
): Promise<void> {
  const p = newParser(entry.fileName);
  setup(p);
  for await (const text of partText(zip, entry, limits, budget)) if (text) p.write(text);
  p.close();
}

/** Built-in number formats that exceljs reads as dates (ids 14–22, 45–47 of its table). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's test of a date format: y, m, d, h, s or b outside quotes and brackets. */
function isDateFormat(fmt: string): boolean {
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

const dayCache = new Map<number, string | null>();

/** exceljs's date conversion, as yyyy-mm-dd (days repeat a lot in a sheet: cached). */
function excelDate(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const day = Math.floor(ms / 86_400_000);
  let iso = dayCache.get(day);
  if (iso === undefined) {
    const d = new Date(day * 86_400_000);
    iso = Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
    if (dayCache.size > 50_000) dayCache.clear();
    dayCache.set(day, iso);
  }
  return iso;
}

/**
 * Streams the rows of the workbook's first sheet that hold a value: line = the row number, values
 * by column (null where empty). Throws TableError (413 for sizes, 422 for rows / columns / cells
 * and malformed files).
 */
export async function* xlsxRecords(bytes: Uint8Array, ctx: ReaderContext): AsyncGenerator<RawRecord> {
  const { limits } = ctx;
  const zip = await openZip(bytes);
  try {
    const entries = await listEntries(zip);
    const lower = new Map([...entries].map(([k, v]) => [k.toLowerCase(), v]));
    const find = (name: string) => entries.get(name) ?? lower.get(name.toLowerCase());
    const budget: Budget = { total: 0 };

    // Workbook: the first sheet's relationship id and the date system.
    const wbEntry = find('xl/workbook.xml');
    if (!wbEntry) throw invalid('it has no xl/workbook.xml.');
    let sheetRid: string | undefined;
    let date1904 = false;
    await parsePart(zip, wbEntry, limits, budget, (p) => {
      p.on('opentag', (t) => {
        const n = localName(t.name);
        if (n === 'workbookPr') {
          const v = attr(t, 'date1904');
          date1904 = v === '1' || v === 'true';
        } else if (n === 'sheet' && sheetRid === undefined) sheetRid = prefixedAttr(t, 'id') ?? '';
      });
    });
    if (sheetRid === undefined) throw new TableError(1, '', 'The workbook has no sheet.');

    // Relationships: where the first sheet, the shared strings and the styles are.
    let sheetPath = 'xl/worksheets/sheet1.xml';
    let stringsPath = 'xl/sharedStrings.xml';
    let stylesPath = 'xl/styles.xml';
    const relsEntry = find('xl/_rels/workbook.xml.rels');
    if (relsEntry)
      await parsePart(zip, relsEntry, limits, budget, (p) => {
        p.on('opentag', (t) => {
          if (localName(t.name) !== 'Relationship') return;
          const target = attr(t, 'Target');
          const type = attr(t, 'Type') ?? '';
          if (!target) return;
          if (attr(t, 'Id') === sheetRid) sheetPath = resolveTarget(target);
          else if (type.endsWith('/sharedStrings')) stringsPath = resolveTarget(target);
          else if (type.endsWith('/styles')) stylesPath = resolveTarget(target);
        });
      });
    const sheetEntry = find(sheetPath);
    if (!sheetEntry) throw invalid(`its first sheet (${sheetPath}) is missing.`);
    // Declared sizes first: refuse before inflating anything large.
    for (const e of [find(stylesPath), find(stringsPath), sheetEntry])
      if (e && e.uncompressedSize > limits.maxPartBytes) throw partTooLarge(e.fileName, limits);

    // Styles: which cell formats are dates.
    const dateStyle: boolean[] = [];
    const stylesEntry = find(stylesPath);
    if (stylesEntry) {
      const custom = new Map<number, string>();
      const xfFormats: number[] = [];
      let inCellXfs = false;
      await parsePart(zip, stylesEntry, limits, budget, (p) => {
        p.on('opentag', (t) => {
          const n = localName(t.name);
          if (n === 'numFmt') custom.set(Number(attr(t, 'numFmtId')), attr(t, 'formatCode') ?? '');
          else if (n === 'cellXfs') inCellXfs = true;
          else if (n === 'xf' && inCellXfs) xfFormats.push(Number(attr(t, 'numFmtId') ?? 0));
        });
        p.on('closetag', (t) => {
          if (localName(t.name) === 'cellXfs') inCellXfs = false;
        });
      });
      xfFormats.forEach((id, i) => {
        dateStyle[i] = id
          ? custom.has(id)
            ? isDateFormat(custom.get(id)!)
            : BUILTIN_DATE_FORMATS.has(id)
          : false;
      });
    }

    // Shared strings: text runs of each <si> (phonetic runs left out); a string longer than the
    // cell limit keeps only its length (refused when a cell uses it).
    const shared: Array<string | OverlongCell> = [];
    const stringsEntry = find(stringsPath);
    if (stringsEntry) {
      let parts: string[] = [];
      let len = 0;
      let inT = false;
      let inPhonetic = false;
      await parsePart(zip, stringsEntry, limits, budget, (p) => {
        p.on('opentag', (t) => {
          const n = localName(t.name);
          if (n === 'si') {
            parts = [];
            len = 0;
          } else if (n === 'rPh') inPhonetic = true;
          else if (n === 't' && !inPhonetic) inT = true;
        });
        p.on('text', (text) => {
          if (!inT) return;
          len += text.length;
          if (len <= limits.maxCellChars) parts.push(text);
        });
        p.on('closetag', (t) => {
          const n = localName(t.name);
          if (n === 't') inT = false;
          else if (n === 'rPh') inPhonetic = false;
          else if (n === 'si')
            shared.push(len > limits.maxCellChars ? new OverlongCell(len) : parts.join(''));
        });
      });
    }

    // The sheet, row by row.
    const pending: RawRecord[] = [];
    let rowNum = 0;
    let cells: Array<[number, unknown]> = [];
    let lastCol = 0;
    let col = 0;
    let type = 'n';
    let style = 0;
    let hasF = false;
    let hasV = false;
    let capture = false;
    let inIs = false;
    let inPhonetic = false;
    let text: string[] = [];
    let textLen = 0;
    const p = newParser(sheetEntry.fileName);
    p.on('opentag', (t) => {
      const n = localName(t.name);
      if (n === 'row') {
        const r = attr(t, 'r');
        rowNum = r ? Number(r) : rowNum + 1;
        cells = [];
        lastCol = 0;
      } else if (n === 'c') {
        const r = attr(t, 'r');
        col = r ? columnIndex(r) || lastCol + 1 : lastCol + 1;
        lastCol = col;
        type = attr(t, 't') ?? 'n';
        style = Number(attr(t, 's') ?? 0);
        hasF = false;
        hasV = false;
        text = [];
        textLen = 0;
      } else if (n === 'v') {
        hasV = true;
        capture = true;
      } else if (n === 'f') hasF = true;
      else if (n === 'is') inIs = true;
      else if (n === 'rPh') inPhonetic = true;
      else if (n === 't' && inIs && !inPhonetic) {
        hasV = true;
        capture = true;
      }
    });
    p.on('text', (s) => {
      if (!capture) return;
      textLen += s.length;
      // A cell never grows beyond the limit in memory: past it only its length is counted (the
      // row is refused by the table layer, which knows the column's name).
      if (textLen <= limits.maxCellChars) text.push(s);
    });
    p.on('closetag', (t) => {
      const n = localName(t.name);
      if (n === 'v' || n === 't') capture = false;
      else if (n === 'is') inIs = false;
      else if (n === 'rPh') inPhonetic = false;
      else if (n === 'c') {
        const raw = text.join('');
        let value: unknown = null;
        if (textLen > limits.maxCellChars) value = new OverlongCell(textLen);
        else if (hasV) {
          if (type === 's') value = shared[Number.parseInt(raw, 10)] ?? null;
          else if (type === 'inlineStr' || type === 'str') value = raw;
          else if (type === 'b') value = Number.parseInt(raw, 10) !== 0;
          else if (type === 'e') value = null;
          else if (type === 'd') value = raw.slice(0, 10);
          else {
            const x = Number.parseFloat(raw);
            value = Number.isNaN(x) ? null : x;
            if (typeof value === 'number' && style > 0 && dateStyle[style])
              value = excelDate(value, date1904) ?? value;
          }
        } else if (hasF) value = null;
        if (value !== null) {
          if (col > limits.maxColumns) throw tooManyColumns(rowNum, col, limits);
          cells.push([col, value]);
        }
      } else if (n === 'row') {
        if (cells.length) {
          let width = 0;
          for (const [c] of cells) if (c > width) width = c;
          const values: unknown[] = new Array(width).fill(null);
          for (const [c, v] of cells) values[c - 1] = v;
          pending.push({ line: rowNum, values });
        }
        cells = [];
      }
    });
    for await (const chunk of partText(zip, sheetEntry, limits, budget)) {
      if (chunk) p.write(chunk);
      for (const r of pending.splice(0)) yield r;
    }
    p.close();
    for (const r of pending.splice(0)) yield r;
  } finally {
    zip.close();
  }
}
