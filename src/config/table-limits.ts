/**
 * The limits of the one table reader (CSV, XLSX, JSON, JSON lines): their values come from the
 * configuration (TABLE_MAX_* in src/config/config.ts, documented in the README); a server never
 * reads an uploaded table without them. Here, not in src/core, because the job runner (src/jobs)
 * hands them to every job and the configuration sits below both.
 */

export interface TableLimits {
  /** Data rows after the header (TABLE_MAX_ROWS). */
  maxRows: number;
  /** Columns of the header or of any row with a value (TABLE_MAX_COLUMNS). */
  maxColumns: number;
  /** Characters of one cell (TABLE_MAX_CELL_CHARS). */
  maxCellChars: number;
  /** Bytes one zip part (sheet, shared strings, styles …) may inflate to (TABLE_MAX_PART_BYTES). */
  maxPartBytes: number;
  /** Bytes all parts read from a workbook may inflate to together, and characters of all cells
   * of a table together (TABLE_MAX_UNCOMPRESSED_BYTES): one short shared string referenced by a
   * million cells would otherwise become gigabytes of rows. */
  maxUncompressedBytes: number;
}

const MB = 1_048_576;

/**
 * Defaults that keep today's legitimate files working: 200,000 rows (the registry import limit
 * since the start, and the largest KCS risk upload), 200 columns, 32,767 characters per cell
 * (Excel's own limit), 256 MB per zip part (a 200,000-row × 25-column sheet is about 200 MB of
 * XML) and 512 MB for a whole workbook.
 */
export const DEFAULT_TABLE_LIMITS: TableLimits = {
  maxRows: 200_000,
  maxColumns: 200,
  maxCellChars: 32_767,
  maxPartBytes: 256 * MB,
  maxUncompressedBytes: 512 * MB,
};

/** The limits from the configuration (the TABLE_MAX_* variables). */
export function tableLimitsFrom(c: {
  TABLE_MAX_ROWS: number;
  TABLE_MAX_COLUMNS: number;
  TABLE_MAX_CELL_CHARS: number;
  TABLE_MAX_PART_BYTES: number;
  TABLE_MAX_UNCOMPRESSED_BYTES: number;
}): TableLimits {
  return {
    maxRows: c.TABLE_MAX_ROWS,
    maxColumns: c.TABLE_MAX_COLUMNS,
    maxCellChars: c.TABLE_MAX_CELL_CHARS,
    maxPartBytes: c.TABLE_MAX_PART_BYTES,
    maxUncompressedBytes: c.TABLE_MAX_UNCOMPRESSED_BYTES,
  };
}
