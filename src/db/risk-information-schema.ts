import type { ColumnType, Generated } from 'kysely';
import type { FeedbackResult, FeedbackUsefulness } from '../contract/risk-information.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Table of migration 0081_risk_information_feedback (registered in DB through `RiskInformationTables`). */
export interface RiskInformationFeedbackTable {
  id: Generated<string>;
  record_id: string;
  organisation_id: string;
  received_by: string;
  received_at: Timestamp;
  received_version: number;
  feedback_by: string | null;
  feedback_at: NullableTimestamp;
  control_performed: boolean | null;
  result: FeedbackResult | null;
  usefulness: FeedbackUsefulness | null;
  comment: Generated<string>;
}

export interface RiskInformationTables {
  risk_information_feedback: RiskInformationFeedbackTable;
}
