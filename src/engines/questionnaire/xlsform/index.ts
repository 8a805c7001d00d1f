/** XLSForm in and out (Node side: exceljs). Kept apart from index.ts so that the web form never loads exceljs. */
export { EUCAB, KOBO_MATRIX_LIST } from './columns.ts';
export { type ReadOptions, type ReadResult, readXlsForm, type XlsFormIssue } from './read.ts';
export { WorkbookError } from './sheets.ts';
export { buildXlsFormRows, type WriteOptions, writeXlsForm } from './write.ts';
