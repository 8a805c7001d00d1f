import type { Area } from '../area.ts';
import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { Sentence } from '../sentence.ts';

/** A figure on the caller's home page (e.g. the tenders they may read). */
export interface HomeTile {
  /** Unique on the page, e.g. `registry.tender`. */
  id: string;
  area: Area;
  /** What is counted, in words (a message of the module's catalog). */
  title: Sentence;
  count: number;
  link: string | null;
}

/** Something waiting for the caller (e.g. records awaiting their four-eyes approval). */
export interface HomeTask {
  id: string;
  area: Area;
  /** What is waiting, in words; the message receives `count`. */
  title: Sentence;
  count: number;
  link: string;
}

export type HomeTiles = (ctx: ModuleReadContext) => Promise<HomeTile[]>;
export type HomeTasks = (ctx: ModuleReadContext) => Promise<HomeTask[]>;
