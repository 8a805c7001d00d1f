/** Bad data in a declaration file: every problem with its line, column and reason. */

export interface RowProblem {
  line: number;
  column: string;
  reason: string;
}

export class DataError extends Error {
  constructor(
    public readonly problems: RowProblem[],
    public readonly file?: string,
  ) {
    super(
      `invalid data${file ? ` in ${file}` : ''}:\n  ${problems
        .map((p) => `line ${p.line}, column "${p.column}": ${p.reason}`)
        .join('\n  ')}`,
    );
    this.name = 'DataError';
  }
}
