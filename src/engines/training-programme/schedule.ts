/**
 * Second stage: gives every session of a plan its weeks (facility free, a qualified trainer free),
 * re-seats the officers of a session that found no weeks where room is left (or in a new dated
 * session), and turns the plan into a Programme: items, coverage, figures, and a reason for every
 * need left uncovered.
 */
import { Calendar } from './calendar.ts';
import { fillNeeds, type OpenSession } from './greedy.ts';
import { at, type Instance, itemKey } from './instance.ts';
import type { Programme, ProgrammeFigures, ProgrammeItem, StageReport, UncoveredNeed } from './types.ts';

/** A plan before dating: sessions per candidate, seats per administration, officers per need. */
export interface Plan {
  sessions: Map<number, number>;
  /** candidate index → administration → officers */
  attendance: Map<number, Map<string, number>>;
  /** need index → `${courseId}|${language}` → officers covered through that course */
  coverage: Map<number, Map<string, number>>;
}

export interface Dated {
  items: ProgrammeItem[];
  covered: Record<string, number>;
  droppedByDates: Set<string>;
  /** need index → course|language → officers (the greedy baseline keeps it to seed the MIP) */
  coverage?: Map<number, Map<string, number>>;
}

/** Dates every session of the plan; sessions that find no weeks are dropped with their seats. */
export function datePlan(inst: Instance, plan: Plan): Dated {
  const cal = new Calendar(inst);
  const open: OpenSession[] = [];
  const pinsLeft = new Map<string, (number | undefined)[]>();
  for (const p of inst.pins) {
    const k = itemKey(p);
    pinsLeft.set(k, [...(pinsLeft.get(k) ?? []), p.week]);
  }
  // Pinned sessions first (with their weeks), then the longest courses, then in model order.
  const order = [...plan.sessions.entries()]
    .filter(([, n]) => n > 0)
    .map(([i, n]) => ({ c: at(inst.candidates, i), n }))
    .sort(
      (a, b) =>
        (pinsLeft.has(itemKey(b.c)) ? 1 : 0) - (pinsLeft.has(itemKey(a.c)) ? 1 : 0) ||
        b.c.weeks - a.c.weeks ||
        a.c.index - b.c.index,
    );
  const lost = new Map<string, Map<string, number>>(); // admin → course|language → seats lost
  for (const { c, n } of order) {
    const seatsLeft = new Map(plan.attendance.get(c.index) ?? []);
    const pinned = pinsLeft.get(itemKey(c)) ?? [];
    for (let s = 0; s < n; s++) {
      const participants: Record<string, number> = {};
      let room = c.seats;
      for (const [admin, left] of seatsLeft) {
        const take = Math.min(left, room);
        if (take <= 0) continue;
        participants[admin] = take;
        seatsLeft.set(admin, left - take);
        room -= take;
      }
      const isPinned = s < pinned.length;
      if (Object.keys(participants).length === 0 && !isPinned) continue; // an idle session
      const slot = cal.place(c, isPinned ? pinned[s] : undefined);
      if (!slot) {
        for (const [admin, k] of Object.entries(participants)) {
          const m = lost.get(admin) ?? new Map<string, number>();
          const key = `${c.courseId}|${c.language}`;
          m.set(key, (m.get(key) ?? 0) + k);
          lost.set(admin, m);
        }
        continue;
      }
      open.push({
        c,
        room,
        item: {
          courseId: c.courseId,
          facilityId: c.facilityId,
          language: c.language,
          host: c.facility.admin,
          startWeek: slot.start,
          endWeek: slot.start + c.weeks - 1,
          quarter: Math.min(4, Math.floor(((slot.start - 1) * 4) / inst.weeks) + 1),
          trainers: [slot.trainer],
          seats: c.seats,
          participants,
          pinned: isPinned,
        },
      });
    }
  }
  // Take lost seats away from the administration's needs on that course, lowest priority first.
  const hit = new Set<number>();
  const cov = new Map([...plan.coverage].map(([i, m]) => [i, new Map(m)]));
  for (const [admin, byCourse] of lost)
    for (const [key, seats] of byCourse) {
      let left = seats;
      const needs = inst.needs
        .map((n, i) => ({ n, i }))
        .filter(({ n, i }) => n.admin === admin && (cov.get(i)?.get(key) ?? 0) > 0)
        .sort((a, b) => a.n.priority - b.n.priority);
      for (const { i } of needs) {
        if (left <= 0) break;
        const m = cov.get(i);
        if (!m) continue;
        const take = Math.min(left, m.get(key) ?? 0);
        m.set(key, (m.get(key) ?? 0) - take);
        left -= take;
        hit.add(i);
      }
    }
  const covered: Record<string, number> = {};
  inst.needs.forEach((n, i) => {
    let sum = 0;
    for (const v of cov.get(i)?.values() ?? []) sum += v;
    covered[n.id] = Math.min(n.officers, Math.round(sum));
  });
  // Re-seat the officers who lost their session: room left in dated sessions, or new ones.
  const left = new Map<number, number>();
  for (const i of hit) left.set(i, at(inst.needs, i).officers - (covered[at(inst.needs, i).id] ?? 0));
  if (left.size) fillNeeds(inst, cal, open, left, covered, cov);
  const droppedByDates = new Set<string>();
  for (const [i, rest] of left) if (rest > 0) droppedByDates.add(at(inst.needs, i).id);
  const items = open
    .map((o) => o.item)
    .sort((a, b) => a.startWeek - b.startWeek || a.courseId.localeCompare(b.courseId));
  return { items, covered, droppedByDates, coverage: cov };
}

export function figuresOf(
  inst: Instance,
  items: ProgrammeItem[],
  covered: Record<string, number>,
): ProgrammeFigures {
  let weightedCovered = 0;
  let weightedNeed = 0;
  let coveredOfficers = 0;
  let totalOfficers = 0;
  const needOf = new Map<string, number>();
  const coveredOf = new Map<string, number>();
  for (const n of inst.needs) {
    const c = covered[n.id] ?? 0;
    weightedCovered += n.priority * c;
    weightedNeed += n.priority * n.officers;
    coveredOfficers += c;
    totalOfficers += n.officers;
    needOf.set(n.admin, (needOf.get(n.admin) ?? 0) + n.officers);
    coveredOf.set(n.admin, (coveredOf.get(n.admin) ?? 0) + c);
  }
  let minShare = 1;
  for (const [a, need] of needOf) if (need > 0) minShare = Math.min(minShare, (coveredOf.get(a) ?? 0) / need);
  let travelKm = 0;
  for (const it of items)
    for (const [a, k] of Object.entries(it.participants)) travelKm += k * inst.distance(a, it.facilityId);
  return {
    weightedCovered,
    weightedNeed,
    coveredOfficers,
    totalOfficers,
    minShare,
    travelKm: Math.round(travelKm),
    sessions: items.length,
  };
}

export function uncoveredOf(
  inst: Instance,
  covered: Record<string, number>,
  droppedByDates: Set<string>,
): UncoveredNeed[] {
  const out: UncoveredNeed[] = [];
  for (const n of inst.needs) {
    const left = n.officers - (covered[n.id] ?? 0);
    if (left <= 0) continue;
    out.push({
      needId: n.id,
      admin: n.admin,
      competency: n.competency,
      level: n.level,
      language: n.language,
      officers: left,
      reason: inst.blockedReason.get(n.id) ?? (droppedByDates.has(n.id) ? 'dates' : 'capacity'),
    });
  }
  return out;
}

export function programmeOf(
  inst: Instance,
  plan: Plan,
  meta: { method: Programme['method']; status: string; mipGap: number; stages: StageReport[] },
): Programme {
  return programmeOfDated(inst, datePlan(inst, plan), meta);
}

export function programmeOfDated(
  inst: Instance,
  dated: Dated,
  meta: { method: Programme['method']; status: string; mipGap: number; stages: StageReport[] },
): Programme {
  return {
    ...meta,
    figures: figuresOf(inst, dated.items, dated.covered),
    items: dated.items,
    covered: dated.covered,
    uncovered: uncoveredOf(inst, dated.covered, dated.droppedByDates),
    pins: inst.pins,
    excludes: inst.excludes,
  };
}
