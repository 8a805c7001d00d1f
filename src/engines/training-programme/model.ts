/**
 * The programme as a mixed-integer model (CPLEX LP text for HiGHS).
 *
 * Columns (integers unless said):
 *   z_k      sessions of candidate k (course × facility × language), ≥ the pins on k
 *   u_k_a    officers of administration a in the sessions of k
 *   y_n_g    officers of need n covered through group g (course × language)
 *   w_t_g    sessions of group g led by trainer t
 *   s        (continuous, 0…1) the smallest share of its own need covered for any administration
 * Rows:
 *   N_n  Σ_g y_n_g ≤ officers(n)               L_a_g  Σ_n∈a y_n_g ≤ Σ_k∈g u_k_a
 *   C_k  Σ_a u_k_a ≤ seats(k)·z_k              F_f    Σ_k@f weeks(k)·z_k ≤ free weeks of f
 *   T_g  Σ_k∈g z_k ≤ Σ_t w_t_g                 W_t    Σ_g weeks(g)·w_t_g ≤ free weeks of t
 *   S_a  need(a)·s ≤ Σ_n∈a Σ_g y_n_g   (stages 2 and 3)
 * Lexicographic objective, one solve per stage: (1) max Σ priority·y; (2) max s keeping (1) at the
 * value found; (3) min Σ km(a, f)·u_k_a (+ 0.001 per session, to drop idle sessions) keeping both.
 */
import { at, type Instance, itemKey } from './instance.ts';
import type { Plan } from './schedule.ts';

export type Stage = 'coverage' | 'fairness' | 'travel';

export interface ModelIndex {
  /** course|language → group number */
  groups: Map<string, number>;
  groupWeeks: number[];
  adminNo: Map<string, number>;
  /** candidate → administrations with a need it may serve */
  candAdmins: string[][];
  /** need → groups it may use */
  needGroups: number[][];
}

export const groupKey = (courseId: string, language: string) => `${courseId}|${language}`;

export function indexModel(inst: Instance): ModelIndex {
  const groups = new Map<string, number>();
  const groupWeeks: number[] = [];
  for (const c of inst.candidates) {
    const g = groupKey(c.courseId, c.language);
    if (!groups.has(g)) {
      groups.set(g, groups.size);
      groupWeeks.push(c.weeks);
    }
  }
  const adminNo = new Map([...inst.admins.keys()].map((a, i) => [a, i]));
  const admSets = inst.candidates.map(() => new Set<string>());
  const needGroups = inst.needs.map((n, i) => {
    const gs = new Set<number>();
    if (n.officers > 0)
      for (const c of at(inst.needCandidates, i)) {
        at(admSets, c.index).add(n.admin);
        gs.add(groups.get(groupKey(c.courseId, c.language)) as number);
      }
    return [...gs];
  });
  return { groups, groupWeeks, adminNo, candAdmins: admSets.map((s) => [...s]), needGroups };
}

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(12));

class Lines {
  private out: string[] = [];
  private line = ' ';
  add(coef: number, name: string) {
    if (coef === 0) return;
    this.line += `${coef < 0 ? '-' : '+'} ${num(Math.abs(coef))} ${name} `;
    if (this.line.length > 200) this.flush();
  }
  flush() {
    if (this.line.trim()) this.out.push(this.line);
    this.line = ' ';
  }
  text(): string {
    this.flush();
    const t = this.out.join('\n');
    this.out = [];
    return t;
  }
}

export interface StageFix {
  weightedCovered?: number;
  minShare?: number;
}

export function buildLp(inst: Instance, ix: ModelIndex, stage: Stage, fix: StageFix): string {
  const a = (admin: string) => ix.adminNo.get(admin);
  const parts: string[] = [];
  const e = new Lines();
  const pinCount = new Map<string, number>();
  for (const p of inst.pins) pinCount.set(itemKey(p), (pinCount.get(itemKey(p)) ?? 0) + 1);

  // Objective
  if (stage === 'coverage') {
    inst.needs.forEach((n, i) => {
      for (const g of at(ix.needGroups, i)) e.add(n.priority, `y_${i}_${g}`);
    });
  } else if (stage === 'fairness') e.add(1, 's');
  else {
    for (const c of inst.candidates) {
      for (const ad of at(ix.candAdmins, c.index))
        e.add(Math.max(1, Math.round(inst.distance(ad, c.facilityId))), `u_${c.index}_${a(ad)}`);
      e.add(0.001, `z_${c.index}`);
    }
  }
  const obj = e.text();
  parts.push(
    stage === 'travel' ? 'Minimize' : 'Maximize',
    ` obj: ${obj.trim() ? obj.trim() : '0 s'}`,
    'Subject To',
  );
  const row = (name: string, rhsOp: string, rhs: number) => {
    const body = e.text().trim();
    if (body) parts.push(` ${name}: ${body} ${rhsOp} ${num(rhs)}`);
  };

  // N_n
  inst.needs.forEach((n, i) => {
    for (const g of at(ix.needGroups, i)) e.add(1, `y_${i}_${g}`);
    row(`N_${i}`, '<=', n.officers);
  });
  // L_a_g
  const lg = new Map<string, { needs: number[]; cands: number[] }>();
  const lgOf = (ad: string, g: number) => {
    const k = `${a(ad)}_${g}`;
    const v = lg.get(k) ?? { needs: [], cands: [] };
    lg.set(k, v);
    return v;
  };
  inst.needs.forEach((n, i) => {
    for (const g of at(ix.needGroups, i)) lgOf(n.admin, g).needs.push(i);
  });
  for (const c of inst.candidates) {
    const g = ix.groups.get(groupKey(c.courseId, c.language)) as number;
    for (const ad of at(ix.candAdmins, c.index)) lgOf(ad, g).cands.push(c.index);
  }
  for (const [k, v] of lg) {
    const g = k.slice(k.indexOf('_') + 1);
    for (const i of v.needs) e.add(1, `y_${i}_${g}`);
    const an = k.slice(0, k.indexOf('_'));
    for (const ci of v.cands) e.add(-1, `u_${ci}_${an}`);
    row(`L_${k}`, '<=', 0);
  }
  // C_k, F_f, T_g
  const byFacility = new Map<string, number[]>();
  const byGroup = new Map<number, number[]>();
  for (const c of inst.candidates) {
    for (const ad of at(ix.candAdmins, c.index)) e.add(1, `u_${c.index}_${a(ad)}`);
    e.add(-c.seats, `z_${c.index}`);
    row(`C_${c.index}`, '<=', 0);
    byFacility.set(c.facilityId, [...(byFacility.get(c.facilityId) ?? []), c.index]);
    const g = ix.groups.get(groupKey(c.courseId, c.language)) as number;
    byGroup.set(g, [...(byGroup.get(g) ?? []), c.index]);
  }
  inst.facilities.forEach((f, fi) => {
    for (const k of byFacility.get(f.id) ?? []) e.add(at(inst.candidates, k).weeks, `z_${k}`);
    row(`F_${fi}`, '<=', new Set(f.availableWeeks).size);
  });
  const trainerNo = new Map(inst.trainers.map((t, i) => [t.id, i]));
  const trainerGroups = new Map<number, number[]>();
  for (const [g, ks] of byGroup) {
    for (const k of ks) e.add(1, `z_${k}`);
    for (const t of at(inst.candidates, at(ks, 0)).trainers) {
      const ti = trainerNo.get(t.id) as number;
      e.add(-1, `w_${ti}_${g}`);
      trainerGroups.set(ti, [...(trainerGroups.get(ti) ?? []), g]);
    }
    row(`T_${g}`, '<=', 0);
  }
  // W_t
  for (const [ti, gs] of trainerGroups) {
    for (const g of gs) e.add(at(ix.groupWeeks, g), `w_${ti}_${g}`);
    row(`W_${ti}`, '<=', new Set(at(inst.trainers, ti).availableWeeks).size);
  }
  // Fairness and the fixed objectives of earlier stages
  if (stage !== 'coverage') {
    const adminNeed = new Map<string, number[]>();
    inst.needs.forEach((n, i) => {
      adminNeed.set(n.admin, [...(adminNeed.get(n.admin) ?? []), i]);
    });
    for (const [ad, is] of adminNeed) {
      const need = is.reduce((s, i) => s + at(inst.needs, i).officers, 0);
      if (need <= 0) continue;
      e.add(need, 's');
      for (const i of is) for (const g of at(ix.needGroups, i)) e.add(-1, `y_${i}_${g}`);
      row(`S_${a(ad)}`, '<=', 0);
    }
    if (fix.weightedCovered !== undefined) {
      inst.needs.forEach((n, i) => {
        for (const g of at(ix.needGroups, i)) e.add(n.priority, `y_${i}_${g}`);
      });
      row('P1', '>=', Math.max(0, fix.weightedCovered - 1e-6 * Math.max(1, fix.weightedCovered)));
    }
    if (fix.minShare !== undefined) {
      e.add(1, 's');
      row('P2', '>=', Math.max(0, fix.minShare - 1e-7));
    }
  }
  // Bounds and integers
  parts.push('Bounds');
  const ints: string[] = [];
  for (const c of inst.candidates) {
    parts.push(` ${pinCount.get(itemKey(c)) ?? 0} <= z_${c.index} <= ${c.maxSessions}`);
    ints.push(`z_${c.index}`);
    for (const ad of at(ix.candAdmins, c.index)) ints.push(`u_${c.index}_${a(ad)}`);
  }
  inst.needs.forEach((n, i) => {
    for (const g of at(ix.needGroups, i)) {
      parts.push(` 0 <= y_${i}_${g} <= ${n.officers}`);
      ints.push(`y_${i}_${g}`);
    }
  });
  for (const [ti, gs] of trainerGroups) for (const g of gs) ints.push(`w_${ti}_${g}`);
  parts.push(' 0 <= s <= 1', 'Generals');
  for (let i = 0; i < ints.length; i += 20) parts.push(` ${ints.slice(i, i + 20).join(' ')}`);
  parts.push('End', '');
  return parts.join('\n');
}

/** Reads a solution's values into a plan (rounded to whole officers and sessions). */
export function planFromValues(inst: Instance, ix: ModelIndex, values: Map<string, number>): Plan {
  const v = (name: string) => Math.max(0, Math.round(values.get(name) ?? 0));
  const sessions = new Map<number, number>();
  const attendance = new Map<number, Map<string, number>>();
  for (const c of inst.candidates) {
    const z = v(`z_${c.index}`);
    if (z > 0) sessions.set(c.index, z);
    const m = new Map<string, number>();
    for (const ad of at(ix.candAdmins, c.index)) {
      const u = v(`u_${c.index}_${ix.adminNo.get(ad)}`);
      if (u > 0) m.set(ad, u);
    }
    if (m.size) attendance.set(c.index, m);
  }
  const keyOfGroup = [...ix.groups.keys()];
  const coverage = new Map<number, Map<string, number>>();
  inst.needs.forEach((_, i) => {
    const m = new Map<string, number>();
    for (const g of at(ix.needGroups, i)) {
      const y = v(`y_${i}_${g}`);
      if (y > 0) m.set(at(keyOfGroup, g), y);
    }
    if (m.size) coverage.set(i, m);
  });
  return { sessions, attendance, coverage };
}

/** The columns of a plan (the greedy baseline's, or an earlier stage's) as a start solution. */
export function startFromDated(
  inst: Instance,
  ix: ModelIndex,
  items: {
    courseId: string;
    facilityId: string;
    language: string;
    trainers: string[];
    participants: Record<string, number>;
  }[],
  coverage: Map<number, Map<string, number>>,
): Map<string, number> {
  const start = new Map<string, number>();
  const inc = (k: string, d: number) => start.set(k, (start.get(k) ?? 0) + d);
  const cand = new Map(inst.candidates.map((c) => [itemKey(c), c]));
  const trainerNo = new Map(inst.trainers.map((t, i) => [t.id, i]));
  for (const it of items) {
    const c = cand.get(itemKey(it));
    if (!c) continue;
    inc(`z_${c.index}`, 1);
    for (const [ad, k] of Object.entries(it.participants)) inc(`u_${c.index}_${ix.adminNo.get(ad)}`, k);
    const g = ix.groups.get(groupKey(c.courseId, c.language));
    for (const t of it.trainers) inc(`w_${trainerNo.get(t)}_${g}`, 1);
  }
  const needOf = new Map<string, number>();
  const covOf = new Map<string, number>();
  inst.needs.forEach((n, i) => {
    needOf.set(n.admin, (needOf.get(n.admin) ?? 0) + n.officers);
    for (const [key, k] of coverage.get(i) ?? []) {
      const g = ix.groups.get(key);
      if (g === undefined) continue;
      inc(`y_${i}_${g}`, k);
      covOf.set(n.admin, (covOf.get(n.admin) ?? 0) + k);
    }
  });
  let s = 1;
  for (const [ad, need] of needOf) if (need > 0) s = Math.min(s, (covOf.get(ad) ?? 0) / need);
  start.set('s', s);
  return start;
}

/** Σ km × officers of a solution's (or start's) u columns: the travel objective without the session term. */
export function travelOfValues(inst: Instance, ix: ModelIndex, values: Map<string, number>): number {
  let km = 0;
  for (const c of inst.candidates)
    for (const ad of at(ix.candAdmins, c.index))
      km +=
        Math.max(1, Math.round(inst.distance(ad, c.facilityId))) *
        (values.get(`u_${c.index}_${ix.adminNo.get(ad)}`) ?? 0);
  return km;
}
