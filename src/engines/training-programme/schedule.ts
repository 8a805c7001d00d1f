/**
 * Second stage: gives every session of a plan its weeks (facility free, a qualified trainer free)
 * and turns the plan into a Programme: items, coverage, figures, and a reason for every need left
 * uncovered. The greedy baseline uses the same calendar (Calendar) while it builds its plan.
 */
import { at, type Candidate, type Instance, itemKey } from './instance.ts';
import type { Programme, ProgrammeFigures, ProgrammeItem, StageReport, UncoveredNeed } from './types.ts';

export class Calendar {
  private readonly facilityBusy = new Map<string, Set<number>>();
  private readonly trainerBusy = new Map<string, Set<number>>();
  private readonly facilityFree: Map<string, Set<number>>;
  private readonly trainerFree: Map<string, Set<number>>;
  constructor(private readonly inst: Instance) {
    this.facilityFree = new Map(inst.facilities.map((f) => [f.id, new Set(f.availableWeeks)]));
    this.trainerFree = new Map(inst.trainers.map((t) => [t.id, new Set(t.availableWeeks)]));
  }

  private free(
    free: Map<string, Set<number>>,
    busy: Map<string, Set<number>>,
    id: string,
    start: number,
    len: number,
  ) {
    const f = free.get(id);
    const b = busy.get(id);
    for (let w = start; w < start + len; w++) if (!f?.has(w) || b?.has(w)) return false;
    return true;
  }

  private book(busy: Map<string, Set<number>>, id: string, start: number, len: number) {
    let b = busy.get(id);
    if (!b) busy.set(id, (b = new Set()));
    for (let w = start; w < start + len; w++) b.add(w);
  }

  /** Books the earliest weeks (or `preferred` when free) where the site and a trainer are free. */
  place(c: Candidate, preferred?: number): { start: number; trainer: string } | null {
    const starts: number[] = [];
    if (preferred !== undefined) starts.push(preferred);
    for (let w = 1; w + c.weeks - 1 <= this.inst.weeks; w++) if (w !== preferred) starts.push(w);
    // The trainer with the fewest free weeks first: keep the flexible ones for later sessions.
    const trainers = [...c.trainers].sort((a, b) => a.availableWeeks.length - b.availableWeeks.length);
    for (const start of starts) {
      if (!this.free(this.facilityFree, this.facilityBusy, c.facilityId, start, c.weeks)) continue;
      const t = trainers.find((x) => this.free(this.trainerFree, this.trainerBusy, x.id, start, c.weeks));
      if (!t) continue;
      this.book(this.facilityBusy, c.facilityId, start, c.weeks);
      this.book(this.trainerBusy, t.id, start, c.weeks);
      return { start, trainer: t.id };
    }
    return null;
  }
}

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
  const items: ProgrammeItem[] = [];
  const pinsLeft = new Map<string, (number | undefined)[]>();
  for (const p of inst.pins) {
    const k = itemKey(p);
    pinsLeft.set(k, [...(pinsLeft.get(k) ?? []), p.week]);
  }
  // Pinned sessions first (with their weeks), then the longest courses, then the fullest.
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
      const pinWeek = s < pinned.length ? pinned[s] : undefined;
      const slot = cal.place(c, pinWeek);
      const participants: Record<string, number> = {};
      let room = c.seats;
      for (const [admin, left] of seatsLeft) {
        const take = Math.min(left, room);
        if (take <= 0) continue;
        participants[admin] = take;
        seatsLeft.set(admin, left - take);
        room -= take;
      }
      if (!slot) {
        for (const [admin, k] of Object.entries(participants)) {
          const m = lost.get(admin) ?? new Map<string, number>();
          const key = `${c.courseId}|${c.language}`;
          m.set(key, (m.get(key) ?? 0) + k);
          lost.set(admin, m);
        }
        continue;
      }
      if (Object.keys(participants).length === 0 && s >= pinned.length) continue; // an empty, unpinned session
      items.push({
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
        pinned: s < pinned.length,
      });
    }
  }
  // Take lost seats away from the administration's needs on that course, lowest priority first.
  const droppedByDates = new Set<string>();
  const cov = new Map([...plan.coverage].map(([i, m]) => [i, new Map(m)]));
  for (const [admin, byCourse] of lost)
    for (const [key, seats] of byCourse) {
      let left = seats;
      const needs = inst.needs
        .map((n, i) => ({ n, i }))
        .filter(({ n, i }) => n.admin === admin && (cov.get(i)?.get(key) ?? 0) > 0)
        .sort((a, b) => a.n.priority - b.n.priority);
      for (const { n, i } of needs) {
        if (left <= 0) break;
        const m = cov.get(i);
        if (!m) continue;
        const take = Math.min(left, m.get(key) ?? 0);
        m.set(key, (m.get(key) ?? 0) - take);
        left -= take;
        droppedByDates.add(n.id);
      }
    }
  const covered: Record<string, number> = {};
  inst.needs.forEach((n, i) => {
    let sum = 0;
    for (const v of cov.get(i)?.values() ?? []) sum += v;
    covered[n.id] = Math.min(n.officers, Math.round(sum));
  });
  items.sort((a, b) => a.startWeek - b.startWeek || a.courseId.localeCompare(b.courseId));
  return { items, covered, droppedByDates };
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
