/**
 * Greedy baseline: needs by priority (then size), each filling open sessions of a course that
 * covers it (nearest site first) and opening the nearest new session whose site and a trainer
 * are free. Used by the benchmark as the bar the MIP must reach, as the fallback when the solver
 * ends without a usable solution, and (fillNeeds) to re-seat officers whose session found no
 * weeks in the dating stage.
 */

import { Calendar } from './calendar.ts';
import { at, type Candidate, type Instance, itemKey } from './instance.ts';
import type { Dated } from './schedule.ts';
import type { ProgrammeItem } from './types.ts';

export interface OpenSession {
  c: Candidate;
  item: ProgrammeItem;
  room: number;
}

export function openSession(
  inst: Instance,
  cal: Calendar,
  c: Candidate,
  pinned: boolean,
  week?: number,
): OpenSession | null {
  const slot = cal.place(c, week);
  if (!slot) return null;
  const item: ProgrammeItem = {
    courseId: c.courseId,
    facilityId: c.facilityId,
    language: c.language,
    host: c.facility.admin,
    startWeek: slot.start,
    endWeek: slot.start + c.weeks - 1,
    quarter: Math.min(4, Math.floor(((slot.start - 1) * 4) / inst.weeks) + 1),
    trainers: [slot.trainer],
    seats: c.seats,
    participants: {},
    pinned,
  };
  return { c, item, room: c.seats };
}

/**
 * Seats the officers still `left` per need (index → officers), highest priority first, in the
 * open sessions or in new ones; updates `open`, `covered` and `coverage` in place.
 */
export function fillNeeds(
  inst: Instance,
  cal: Calendar,
  open: OpenSession[],
  left: Map<number, number>,
  covered: Record<string, number>,
  coverage: Map<number, Map<string, number>>,
): void {
  const order = [...left.keys()].sort((a, b) => {
    const na = at(inst.needs, a);
    const nb = at(inst.needs, b);
    return nb.priority - na.priority || nb.officers - na.officers || a - b;
  });
  for (const i of order) {
    const n = at(inst.needs, i);
    let rest = left.get(i) ?? 0;
    const cands = at(inst.needCandidates, i);
    const usable = new Set(cands.map((c) => c.index));
    const dist = (c: Candidate) => inst.distance(n.admin, c.facilityId);
    while (rest > 0) {
      let s: OpenSession | null | undefined = open
        .filter((x) => x.room > 0 && usable.has(x.c.index))
        .sort((a, b) => dist(a.c) - dist(b.c))[0];
      if (!s)
        for (const c of [...cands].sort((a, b) => dist(a) - dist(b))) {
          s = openSession(inst, cal, c, false);
          if (s) {
            open.push(s);
            break;
          }
        }
      if (!s) break;
      const take = Math.min(rest, s.room);
      s.room -= take;
      s.item.participants[n.admin] = (s.item.participants[n.admin] ?? 0) + take;
      rest -= take;
      covered[n.id] = (covered[n.id] ?? 0) + take;
      const m = coverage.get(i) ?? new Map<string, number>();
      const key = `${s.c.courseId}|${s.c.language}`;
      m.set(key, (m.get(key) ?? 0) + take);
      coverage.set(i, m);
    }
    left.set(i, rest);
  }
}

export function greedyDated(inst: Instance): Dated {
  const cal = new Calendar(inst);
  const open: OpenSession[] = [];
  const byKey = new Map(inst.candidates.map((c) => [itemKey(c), c]));
  for (const p of inst.pins) {
    const c = byKey.get(itemKey(p));
    const s = c ? openSession(inst, cal, c, true, p.week) : null;
    if (s) open.push(s);
  }
  const covered: Record<string, number> = {};
  const coverage = new Map<number, Map<string, number>>();
  const left = new Map(inst.needs.map((n, i) => [i, n.officers]));
  for (const n of inst.needs) covered[n.id] = 0;
  fillNeeds(inst, cal, open, left, covered, coverage);
  const items = open
    .map((s) => s.item)
    .filter((it) => it.pinned || Object.keys(it.participants).length > 0)
    .sort((a, b) => a.startWeek - b.startWeek || a.courseId.localeCompare(b.courseId));
  return { items, covered, droppedByDates: new Set(), coverage };
}
