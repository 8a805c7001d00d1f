import type { Actor } from '../../access/actor.ts';
import type { Database } from '../../db/connection.ts';
import type { Tlp } from '../../db/schema.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import type { Area } from '../area.ts';
import type { Sentence } from '../sentence.ts';

/** The days asked for, both included, as ISO dates (YYYY-MM-DD). */
export interface CalendarRange {
  from: string;
  to: string;
}

/** A dated thing of a module, as one reader may see it. */
export interface CalendarItem {
  /** Unique across the calendar, e.g. `registry:tender:<id>:submission_deadline`. */
  id: string;
  /** What kind of thing it is, e.g. `tender.submission_deadline`, `scheduled-task.next-run`. */
  kind: string;
  /** What the date is, in words (a message of the module's catalog). */
  what: Sentence;
  /** The record's title or the thing's name, as far as the reader may see it. */
  title: string;
  /** The first day (YYYY-MM-DD) or the moment (ISO date-time) when `allDay` is false. */
  start: string;
  /** The last day of a span (YYYY-MM-DD), or the moment it ends when `allDay` is false; else null. */
  end: string | null;
  allDay: boolean;
  /** For a moment: the IANA time zone it was planned in (calendar files write the time in it). */
  timeZone?: string | null;
  /** For a meeting: the answers to its invitation, and the reader's own. */
  rsvp?: { yes: number; no: number; maybe: number; mine: 'yes' | 'no' | 'maybe' | null };
  /** The web page that shows it. */
  link: string | null;
  area: Area;
  /** The organisation it belongs to, when it belongs to one. */
  organisation: { id: string; code: string } | null;
  /** The TLP marking of a shared record (what the reader may do with it next). */
  marking: Tlp | null;
}

/** Who asks, and with what: the calendar and home contributions of a module read through it. */
export interface ModuleReadContext {
  db: Database;
  actor: Actor;
  deps: AppDeps;
}

export type CalendarSource = (ctx: ModuleReadContext, range: CalendarRange) => Promise<CalendarItem[]>;
