import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { count, TableError } from './limits.ts';
import type { RawRecord, ReaderContext } from './records.ts';

export interface CsvOptions {
  /** Trim spaces around cells (default true). */
  trim?: boolean;
  /** Lines starting with this are comments (e.g. "#": exports start with the marking). */
  comment?: string;
  /** Field delimiter (default ","). */
  delimiter?: string;
  /** Keep a stray quote inside an unquoted field (ACME 5" PIPES) as a character instead of failing. */
  relaxQuotes?: boolean;
}

const SLICE = 64 * 1024;

/**
 * Streams the records of a CSV file (header first) with csv-parse's streaming API. The buffer is
 * fed in 64 kB slices so a limit stops the parse where it is hit (a single chunk would be parsed
 * to its end first); a record can never grow beyond TABLE_MAX_CELL_CHARS × TABLE_MAX_COLUMNS
 * characters (`max_record_size`); the table layer checks columns and cells of each record as it
 * arrives. Lines are the file's lines as a person sees them (the line a record ends on).
 */
export async function* csvRecords(
  bytes: Uint8Array,
  ctx: ReaderContext,
  opts: CsvOptions = {},
): AsyncGenerator<RawRecord> {
  const { limits } = ctx;
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += SLICE)
        yield Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(SLICE, bytes.length - i));
    })(),
    { objectMode: false },
  );
  const parser = source.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      trim: opts.trim ?? true,
      info: true,
      relax_column_count: false,
      max_record_size: limits.maxCellChars * limits.maxColumns,
      ...(opts.comment ? { comment: opts.comment } : {}),
      ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
      ...(opts.relaxQuotes ? { relax_quotes: true } : {}),
    }),
  );
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: r.info.lines, values: r.record };
    }
  } catch (e) {
    if (e instanceof TableError) throw e;
    const err = e as { code?: string; lines?: number; message: string };
    if (err.code === 'CSV_MAX_RECORD_SIZE')
      throw new TableError(
        err.lines,
        '',
        `A record ending near line ${count(err.lines ?? 0)} holds more than ${count(limits.maxCellChars * limits.maxColumns)} characters (the limits, TABLE_MAX_CELL_CHARS × TABLE_MAX_COLUMNS).`,
        422,
        'TABLE_MAX_CELL_CHARS',
      );
    if (err.code?.startsWith('CSV_') || err.code?.startsWith('INVALID_'))
      throw new TableError(err.lines ?? 1, '', `The file is not valid CSV: ${err.message}`);
    throw e;
  } finally {
    source.destroy();
    parser.destroy();
  }
}
