/** The weeks booked so far at each facility and for each trainer (one session at a time). */
import type { Candidate, Instance } from './instance.ts';

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
    const b = busy.get(id) ?? new Set<number>();
    busy.set(id, b);
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
