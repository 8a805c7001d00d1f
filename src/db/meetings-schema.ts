import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type RsvpAnswer = 'yes' | 'no' | 'maybe';

/** Tables of migration 0045_meetings (registered in DB through `MeetingTables`). */
export interface MeetingRsvpsTable {
  meeting_id: string;
  user_id: string;
  answer: RsvpAnswer;
  answered_at: Timestamp;
}

export interface CalendarFeedsTable {
  user_id: string;
  /** SHA-256 (hex) of the secret in the feed's link; the secret itself is never stored. */
  token_hash: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
}

export interface ActionPointNoticesTable {
  record_id: string;
  notice: 'due' | 'overdue';
  /** The due date the notice was about (a moved due date is reminded again). */
  due_date: ColumnType<string, string, string>;
  user_id: string;
  sent_at: Timestamp;
}

export interface MeetingTables {
  meeting_rsvps: MeetingRsvpsTable;
  calendar_feeds: CalendarFeedsTable;
  action_point_notices: ActionPointNoticesTable;
}
