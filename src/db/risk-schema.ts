import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
type DateCol = ColumnType<string | null, string | null | undefined, string | null>;

/** Tables of migration 0008_risk (registered in DB through `RiskTables`). */
export interface RiskDatasetsTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  purpose: 'history' | 'batch';
  file_name: string;
  file_sha256: string;
  header: Json<string[]>;
  mapping: Json<{ format: 'eucab-risk-mapping'; version: 1; columns: Record<string, string> }>;
  row_count: Generated<number>;
  labelled_count: Generated<number>;
  positives: Generated<number>;
  date_from: DateCol;
  date_to: DateCol;
  report: Json<Record<string, unknown>>;
  created_by: string;
  created_at: Timestamp;
  is_demo: Generated<boolean>;
}

export interface RiskDatasetChunksTable {
  dataset_id: string;
  organisation_id: string;
  chunk_no: number;
  row_count: number;
  rows: Buffer;
}

export interface RiskModelsTable {
  id: Generated<string>;
  organisation_id: string;
  version: number;
  active: Generated<boolean>;
  document: Buffer;
  mapping: Json<{ format: 'eucab-risk-mapping'; version: 1; columns: Record<string, string> }>;
  header: Json<string[]>;
  settings: Json<Record<string, unknown>>;
  trained_on: Json<Record<string, unknown>>;
  training_rows: number;
  positives: number;
  metrics: Json<Record<string, unknown>>;
  importance: Json<Array<{ feature: string; gain: number; share: number }>>;
  rule_importance: Json<Array<Record<string, unknown>>>;
  created_by: string;
  created_at: Timestamp;
  activated_at: NullableTimestamp;
  is_demo: Generated<boolean>;
}

export interface RiskBatchesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  dataset_id: string;
  model_id: string;
  model_version: number;
  settings: Json<Record<string, unknown>>;
  row_count: number;
  selected_count: number;
  mandatory_count: number;
  explore_count: number;
  outcomes_count: Generated<number>;
  controlled: Generated<number>;
  frauds_found: Generated<number>;
  explore_frauds: Generated<number>;
  revenue_found: Generated<number>;
  outcomes_at: NullableTimestamp;
  created_by: string;
  created_at: Timestamp;
  is_demo: Generated<boolean>;
}

export interface RiskSelectionsTable {
  batch_id: string;
  organisation_id: string;
  rank: number;
  declaration_id: string;
  reason: 'mandatory' | 'exploit' | 'explore';
  score: number;
  probability: number;
  base: number;
  contributions: Json<Array<{ name: string; value: number }>>;
  rest: number;
  rule_hits: Json<string[]>;
  mandatory_reasons: Json<string[]>;
}

export interface RiskOutcomesTable {
  batch_id: string;
  organisation_id: string;
  declaration_id: string;
  fraud: boolean;
  revenue: number | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface RiskTables {
  risk_datasets: RiskDatasetsTable;
  risk_dataset_chunks: RiskDatasetChunksTable;
  risk_models: RiskModelsTable;
  risk_batches: RiskBatchesTable;
  risk_selections: RiskSelectionsTable;
  risk_outcomes: RiskOutcomesTable;
}
