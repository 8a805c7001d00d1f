/** The aggregate-only setting shared by the result primitives. */

export interface AggregateOptions {
  /** Aggregate-only mode: small cells hidden, no minimum or maximum, no free text or files. */
  aggregateOnly?: boolean;
  /** The minimum number of respondents behind a visible figure (default 3). */
  k?: number;
}

export const DEFAULT_K = 3;
export const minRespondents = (opts: AggregateOptions): number =>
  opts.aggregateOnly ? (opts.k ?? DEFAULT_K) : 0;
