/** Shapes of the risk API's answers (only what the pages use). */

export type Role = string;

export interface RiskAbilities {
  use: boolean;
  change: boolean;
}

export interface Mapping {
  format: 'eucab-risk-mapping';
  version: 1;
  columns: Record<string, Role>;
}

export interface MappingProposal {
  header: string[];
  sample: string[][];
  mapping: Mapping;
  inferred: { column: string; role: Role; reason: string; confidence: number }[];
  /** Columns whose proposal is a guess, to review. */
  uncertain: string[];
  /** How the file was read (detected or given), with one note per setting. */
  dialect: {
    encoding: string;
    delimiter: string;
    decimal: string;
    dateFormat: string;
    notes: string[];
  } | null;
}

export interface Dataset {
  id: string;
  name: string;
  purpose: 'history' | 'batch';
  file_name: string;
  row_count: number;
  labelled_count: number;
  positives: number;
  date_from: string | null;
  date_to: string | null;
  created_at: string;
  is_demo: boolean;
}

export interface AtN {
  n: number;
  k: number;
  precision: number;
  recall: number;
  revenue: number | null;
}

export interface MetricReport {
  rows: number;
  positives: number;
  auc: number;
  at: AtN[];
}

export interface ModelRow {
  id: string;
  version: number;
  active: boolean;
  settings: { budgetPercent?: number; explorationShare?: number; seed?: number; trees?: number };
  trained_on: {
    datasetIds: string[];
    batchIds: string[];
    rules: string[];
    skippedRules?: { rule: string; reason: string }[];
  };
  training_rows: number;
  positives: number;
  metrics: { validation: MetricReport | null; trainInSample: MetricReport | null; holdoutRows: number };
  created_at: string;
  activated_at: string | null;
  is_demo: boolean;
  abilities: { activate: boolean };
}

export interface ModelDetail extends ModelRow {
  importance: { feature: string; gain: number; share: number }[];
  rule_importance: {
    id: string;
    name: string;
    family: string;
    weight: number;
    mandatory: boolean;
    hits: number;
    frauds: number;
    precision: number;
    recall: number;
  }[];
}

export interface BatchRow {
  id: string;
  name: string;
  model_id: string;
  model_version: number;
  settings: { budget: { percent?: number; k?: number }; explorationShare: number; k: number };
  row_count: number;
  selected_count: number;
  mandatory_count: number;
  explore_count: number;
  outcomes_count: number;
  controlled: number;
  frauds_found: number;
  explore_frauds: number;
  revenue_found: number;
  outcomes_at: string | null;
  created_at: string;
  hit_rate: number | null;
  is_demo: boolean;
}

export interface SelectionRow {
  rank: number;
  declaration_id: string;
  reason: 'mandatory' | 'exploit' | 'explore';
  score: number;
  probability: number;
  base: number;
  contributions: { name: string; value: number }[];
  rest: number;
  rule_hits: string[];
  mandatory_reasons: string[];
  fraud: boolean | null;
  revenue: number | null;
}

export interface BatchDetail extends BatchRow {
  selection: SelectionRow[];
  abilities: { outcomes: boolean; download: boolean };
}

/** The engine's roles, in the order the mapping editor offers them. */
export const ROLES = [
  'id',
  'date',
  'direction',
  'hs',
  'origin',
  'departure',
  'destination',
  'importer',
  'exporter',
  'consignor',
  'consignee',
  'declarant',
  'office',
  'categorical',
  'value',
  'mass',
  'quantity',
  'numeric',
  'text',
  'label',
  'revenue',
  'ignore',
] as const;
