import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type NominationState = 'seated' | 'waiting' | 'withdrawn';
export type SeatSource = 'quota' | 'released';

/** Tables of migration 0065_training_nominations (registered in DB through `TrainingTables`). */
export interface TrainingNominationsTable {
  id: Generated<string>;
  /** The training event (a registry record of kind `training_event`). */
  event_id: string;
  /** The nominating administration. */
  organisation_id: string;
  nominee_name: string;
  nominated_by: string;
  nominated_at: Timestamp;
  state: NominationState;
  /** How the seat was given: within the quota, or released to the waiting list (null unless seated). */
  seat_source: SeatSource | null;
  seated_at: NullableTimestamp;
  /** Attendance, recorded by the organiser (null: not yet recorded). */
  attended: boolean | null;
}

export interface TrainingSeatReleasesTable {
  event_id: string;
  released_at: Timestamp;
  seats_awarded: number;
  seats_left: number;
}

export interface TrainingTables {
  training_nominations: TrainingNominationsTable;
  training_seat_releases: TrainingSeatReleasesTable;
}
