export type Labels = Record<string, string>;

export interface CodeSeed {
  code: string;
  labels: Labels;
  /** Extra facts (a unit's dimension and factor to the base unit, …). */
  meta?: Record<string, unknown>;
}

export interface CodeListSeed {
  name: string;
  label: Labels;
  codes: CodeSeed[];
}
