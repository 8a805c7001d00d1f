/**
 * Greedy baseline: needs by priority (then size), each filling open sessions of a course that
 * covers it (nearest site first) and opening the nearest new session whose site and a trainer
 * are free. Used by the benchmark as the bar the MIP must reach, and as the fallback when the
 * solver ends without a usable solution.
 */
import { at, type Candidate, type Instance, itemKey } from './instance.ts';
import { Calendar, type Dated } from './schedule.ts';
import type { ProgrammeItem } from './types.ts';

interface OpenSession {
  c: Candidate;
  item: ProgrammeItem;
  room: number;
}

export function greedyDated(inst: Instance): Dated {
  const cal = new Calendar(inst);
  const open: OpenSession[] = [];
  const openSession = (c: Candidate, pinned: boolean, week?: number): OpenSession | null => {
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
    const s = { c, item, room: c.seats };
    open.push(s);
    return s;
  };
  const byKey = new Map(inst.candidates.map((c) => [itemKey(c), c]));
  for (const p of inst.pins) {
    const c = byKey.get(itemKey(p));
    if (c) openSession(c, true, p.week);
  }
  const covered: Record<string, number> = {};
  const coverage = new Map<number, Map<string, number>>();
  const order = inst.needs
    .map((n, i) => ({ n, i }))
    .sort((a, b) => b.n.priority - a.n.priority || b.n.officers - a.n.officers || a.i - b.i);
  for (const { n, i } of order) {
    let left = n.officers;
    const cands = at(inst.needCandidates, i);
    const usable = new Set(cands.map((c) => c.index));
    const dist = (c: Candidate) => inst.distance(n.admin, c.facilityId);
    while (left > 0) {
      const existing = open
        .filter((s) => s.room > 0 && usable.has(s.c.index))
        .sort((a, b) => dist(a.c) - dist(b.c))[0];
      let s: OpenSession | null | undefined = existing;
      if (!s)
        for (const c of [...cands].sort((a, b) => dist(a) - dist(b))) {
          s = openSession(c, false);
          if (s) break;
        }
      if (!s) break;
      const take = Math.min(left, s.room);
      s.room -= take;
      s.item.participants[n.admin] = (s.item.participants[n.admin] ?? 0) + take;
      left -= take;
      const m = coverage.get(i) ?? new Map<string, number>();
      const key = `${s.c.courseId}|${s.c.language}`;
      m.set(key, (m.get(key) ?? 0) + take);
      coverage.set(i, m);
    }
    covered[n.id] = n.officers - left;
  }
  const items = open
    .map((s) => s.item)
    .filter((it) => it.pinned || Object.keys(it.participants).length > 0)
    .sort((a, b) => a.startWeek - b.startWeek || a.courseId.localeCompare(b.courseId));
  return { items, covered, droppedByDates: new Set(), coverage };
}
