import { describe, expect, it } from 'vitest';
import { Rng } from '../risk/prng.ts';
import { SolverError, solveLp } from './highs-runner.ts';
import { ProgrammeInputError } from './instance.ts';
import { greedyProgramme, solveProgramme } from './solve.ts';
import type { Course, Need, ProgrammeInput } from './types.ts';

const ALL_WEEKS = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/**
 * A tiny instance: one facility and one trainer free every week, one-week courses, so the yearly
 * model and the dated programme agree and brute force can enumerate every programme.
 */
function tiny(seed: number): ProgrammeInput {
  const rng = new Rng(seed);
  const weeks = 1 + rng.int(3);
  const comps = ['a', 'b', 'c'];
  const courses: Course[] = Array.from({ length: 2 }, (_, i) => ({
    id: `c${i}`,
    competencies: [comps[rng.int(3)] as string, comps[rng.int(3)] as string],
    level: 'advanced',
    languages: ['en'],
    durationDays: 5,
    maxParticipants: 2 + rng.int(3),
  }));
  const admins = ['A1', 'A2'];
  const needs: Need[] = Array.from({ length: 3 }, (_, i) => ({
    id: `n${i}`,
    admin: admins[i % 2] as string,
    competency: comps[rng.int(3)] as string,
    level: 'trained',
    officers: 1 + rng.int(4),
    priority: 1 + rng.int(3),
    language: 'en',
  }));
  return {
    weeks,
    administrations: [
      { code: 'A1', lat: 50, lon: 4 },
      { code: 'A2', lat: 52, lon: 13 },
    ],
    needs,
    courses,
    trainers: [{ id: 't', competencies: comps, languages: ['en'], availableWeeks: ALL_WEEKS(weeks) }],
    facilities: [
      { id: 'f', admin: 'A1', lat: 50.5, lon: 4.5, capacity: 10, availableWeeks: ALL_WEEKS(weeks) },
    ],
  };
}

/** Lexicographic optimum (weighted coverage, then smallest share) by enumerating every programme. */
function bruteForce(input: ProgrammeInput): { weighted: number; minShare: number } {
  const weeks = input.weeks ?? 52;
  const needs = input.needs;
  const courses = input.courses;
  const eligible = needs.map((n) =>
    courses.map((c, ci) => (c.competencies.includes(n.competency) ? ci : -1)).filter((x) => x >= 0),
  );
  let best = { weighted: -1, minShare: -1 };
  const need = new Map<string, number>();
  for (const n of needs) need.set(n.admin, (need.get(n.admin) ?? 0) + n.officers);
  // sessions per course (Σ ≤ weeks), then every split of each need over its courses
  const zs: number[][] = [];
  for (let a = 0; a <= weeks; a++) for (let b = 0; a + b <= weeks; b++) zs.push([a, b]);
  for (const z of zs) {
    const cap = courses.map((c, i) => (z[i] ?? 0) * Math.min(c.maxParticipants, 10));
    const rec = (k: number, used: number[], cov: number[]) => {
      if (k === needs.length) {
        const n0 = needs;
        const weighted = n0.reduce((s, n, i) => s + n.priority * (cov[i] ?? 0), 0);
        const got = new Map<string, number>();
        n0.forEach((n, i) => {
          got.set(n.admin, (got.get(n.admin) ?? 0) + (cov[i] ?? 0));
        });
        let share = 1;
        for (const [a, t] of need) if (t > 0) share = Math.min(share, (got.get(a) ?? 0) / t);
        if (weighted > best.weighted || (weighted === best.weighted && share > best.minShare + 1e-9))
          best = { weighted, minShare: share };
        return;
      }
      const n = needs[k] as Need;
      const el = eligible[k] as number[];
      // y on the first eligible course, the rest on the second (at most two courses)
      const c0 = el[0];
      const c1 = el[1];
      for (let y0 = 0; y0 <= (c0 === undefined ? 0 : n.officers); y0++)
        for (let y1 = 0; y1 <= (c1 === undefined ? 0 : n.officers - y0); y1++) {
          const u = [...used];
          if (c0 !== undefined) u[c0] = (u[c0] ?? 0) + y0;
          if (c1 !== undefined) u[c1] = (u[c1] ?? 0) + y1;
          if (u.some((x, i) => x > (cap[i] ?? 0))) continue;
          rec(k + 1, u, [...cov, y0 + y1]);
        }
    };
    rec(0, [0, 0], []);
  }
  return best;
}

describe('solveProgramme', () => {
  it('finds the brute-force optimum (coverage, then the smallest share) on small instances', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const input = tiny(seed);
      const bf = bruteForce(input);
      const p = await solveProgramme(input, { timeLimitSeconds: 10, mipRelGap: 0 });
      expect(p.method, `seed ${seed}`).toBe('mip');
      expect(p.figures.weightedCovered, `seed ${seed}`).toBe(bf.weighted);
      expect(p.figures.minShare, `seed ${seed}`).toBeCloseTo(bf.minShare, 6);
      expect(p.mipGap).toBeLessThanOrEqual(1e-6);
      // every item is dated inside the year, led by a trainer, within its seats
      for (const it of p.items) {
        expect(it.startWeek).toBeGreaterThanOrEqual(1);
        expect(it.endWeek).toBeLessThanOrEqual(input.weeks ?? 52);
        expect(Object.values(it.participants).reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(it.seats);
      }
    }
  });

  it('covers at least what the greedy baseline covers', async () => {
    for (let seed = 20; seed <= 26; seed++) {
      const input = tiny(seed);
      const g = greedyProgramme(input);
      const p = await solveProgramme(input, { timeLimitSeconds: 10 });
      expect(p.figures.weightedCovered).toBeGreaterThanOrEqual(g.figures.weightedCovered);
    }
  });

  it('prefers the nearer facility (least travel) when coverage and fairness tie', async () => {
    const input: ProgrammeInput = {
      weeks: 4,
      administrations: [{ code: 'PT', lat: 38.72, lon: -9.14 }],
      needs: [
        {
          id: 'n',
          admin: 'PT',
          competency: 'origin',
          level: 'aware',
          officers: 5,
          priority: 1,
          language: 'en',
        },
      ],
      courses: [
        {
          id: 'c',
          competencies: ['origin'],
          level: 'trained',
          languages: ['en'],
          durationDays: 3,
          maxParticipants: 10,
        },
      ],
      trainers: [{ id: 't', competencies: ['origin'], languages: ['en'], availableWeeks: [1, 2, 3, 4] }],
      facilities: [
        { id: 'far', admin: 'PT', lat: 59.4, lon: 24.7, capacity: 20, availableWeeks: [1, 2, 3, 4] },
        { id: 'near', admin: 'PT', lat: 40.4, lon: -3.7, capacity: 20, availableWeeks: [1, 2, 3, 4] },
      ],
    };
    const p = await solveProgramme(input, { timeLimitSeconds: 10 });
    expect(p.items).toHaveLength(1);
    expect(p.items[0]?.facilityId).toBe('near');
    expect(p.items[0]?.participants).toEqual({ PT: 5 });
  });
});

const REASONS: ProgrammeInput = {
  weeks: 8,
  administrations: [
    { code: 'FR', lat: 48.86, lon: 2.35 },
    { code: 'DE', lat: 52.52, lon: 13.4 },
  ],
  needs: [
    {
      id: 'no-course',
      admin: 'FR',
      competency: 'k9',
      level: 'aware',
      officers: 3,
      priority: 2,
      language: 'en',
    },
    {
      id: 'no-lang',
      admin: 'FR',
      competency: 'origin',
      level: 'aware',
      officers: 3,
      priority: 2,
      language: 'it',
    },
    {
      id: 'no-trainer',
      admin: 'DE',
      competency: 'valuation',
      level: 'aware',
      officers: 3,
      priority: 2,
      language: 'de',
    },
    {
      id: 'capacity',
      admin: 'DE',
      competency: 'origin',
      level: 'aware',
      officers: 40,
      priority: 1,
      language: 'en',
    },
    { id: 'dates', admin: 'DE', competency: 'lab', level: 'aware', officers: 4, priority: 3, language: 'en' },
  ],
  courses: [
    {
      id: 'origin',
      competencies: ['origin'],
      level: 'trained',
      languages: ['en'],
      durationDays: 5,
      maxParticipants: 10,
    },
    {
      id: 'valuation',
      competencies: ['valuation'],
      level: 'trained',
      languages: ['en', 'de'],
      durationDays: 5,
      maxParticipants: 10,
    },
    {
      id: 'lab',
      competencies: ['lab'],
      level: 'expert',
      languages: ['en'],
      durationDays: 10,
      maxParticipants: 10,
    },
  ],
  trainers: [
    { id: 't-en', competencies: ['origin', 'valuation'], languages: ['en'], availableWeeks: [1, 2] },
    { id: 't-lab', competencies: ['lab'], languages: ['en'], availableWeeks: [3] },
  ],
  facilities: [
    { id: 'site', admin: 'FR', lat: 50.6, lon: 3.1, capacity: 30, availableWeeks: [1, 2, 3, 4, 5, 6, 7, 8] },
  ],
};

describe('reasons for uncovered needs', () => {
  it('names why each need is not covered', async () => {
    for (const p of [await solveProgramme(REASONS, { timeLimitSeconds: 10 }), greedyProgramme(REASONS)]) {
      const reason = Object.fromEntries(p.uncovered.map((u) => [u.needId, u.reason]));
      expect(reason).toEqual({
        'no-course': 'no_course',
        'no-lang': 'no_course_in_language',
        'no-trainer': 'no_trainer_in_language',
        capacity: 'capacity',
        dates: 'dates',
      });
      // two weeks of the English trainer: two origin sessions of 10 seats, 20 of the 40 covered
      expect(p.covered.capacity).toBe(20);
      expect(p.uncovered.find((u) => u.needId === 'capacity')?.officers).toBe(20);
    }
  });

  it('says "excluded" when the coordinator excluded the only way', async () => {
    const p = await solveProgramme(
      { ...REASONS, excludes: [{ courseId: 'origin' }] },
      { timeLimitSeconds: 10 },
    );
    expect(p.uncovered.find((u) => u.needId === 'capacity')?.reason).toBe('excluded');
    expect(p.items.some((it) => it.courseId === 'origin')).toBe(false);
    const q = await solveProgramme(
      { ...REASONS, excludes: [{ trainerId: 't-en' }] },
      { timeLimitSeconds: 10 },
    );
    expect(q.uncovered.find((u) => u.needId === 'capacity')?.reason).toBe('excluded');
    expect(q.items.flatMap((it) => it.trainers)).not.toContain('t-en');
  });
});

describe('pins and excludes', () => {
  const input: ProgrammeInput = {
    weeks: 6,
    administrations: [
      { code: 'PT', lat: 38.72, lon: -9.14 },
      { code: 'EE', lat: 59.44, lon: 24.75 },
    ],
    needs: [
      {
        id: 'n',
        admin: 'PT',
        competency: 'origin',
        level: 'aware',
        officers: 5,
        priority: 1,
        language: 'en',
      },
    ],
    courses: [
      {
        id: 'c',
        competencies: ['origin'],
        level: 'trained',
        languages: ['en'],
        durationDays: 3,
        maxParticipants: 10,
      },
      {
        id: 'd',
        competencies: ['valuation'],
        level: 'trained',
        languages: ['en'],
        durationDays: 3,
        maxParticipants: 10,
      },
    ],
    trainers: [
      {
        id: 't',
        competencies: ['origin', 'valuation'],
        languages: ['en'],
        availableWeeks: [1, 2, 3, 4, 5, 6],
      },
    ],
    facilities: [
      { id: 'far', admin: 'EE', lat: 59.4, lon: 24.7, capacity: 20, availableWeeks: [1, 2, 3, 4, 5, 6] },
      { id: 'near', admin: 'PT', lat: 38.7, lon: -9.1, capacity: 20, availableWeeks: [1, 2, 3, 4, 5, 6] },
    ],
  };

  it('keeps a pinned item in its week, even a far or empty one', async () => {
    const p = await solveProgramme(
      { ...input, pins: [{ courseId: 'd', facilityId: 'far', language: 'en', week: 4 }] },
      { timeLimitSeconds: 10 },
    );
    const pinned = p.items.filter((it) => it.pinned);
    expect(pinned).toMatchObject([{ courseId: 'd', facilityId: 'far', startWeek: 4, participants: {} }]);
    expect(p.figures.coveredOfficers).toBe(5);
    const g = greedyProgramme({
      ...input,
      pins: [{ courseId: 'd', facilityId: 'far', language: 'en', week: 4 }],
    });
    expect(g.items.filter((it) => it.pinned)).toMatchObject([{ courseId: 'd', startWeek: 4 }]);
  });

  it('leaves out an excluded facility', async () => {
    const p = await solveProgramme(
      { ...input, excludes: [{ facilityId: 'near' }] },
      { timeLimitSeconds: 10 },
    );
    expect(p.items.map((it) => it.facilityId)).toEqual(['far']);
    expect(p.excludes).toEqual([{ facilityId: 'near' }]);
  });

  it('refuses a pin that is also excluded, or cannot be given, with a message', async () => {
    await expect(
      solveProgramme({
        ...input,
        pins: [{ courseId: 'c', facilityId: 'near', language: 'en' }],
        excludes: [{ facilityId: 'near' }],
      }),
    ).rejects.toThrow(/both pinned and excluded/);
    await expect(
      solveProgramme({ ...input, pins: [{ courseId: 'c', facilityId: 'near', language: 'fr' }] }),
    ).rejects.toThrow(ProgrammeInputError);
    const seven = Array.from({ length: 7 }, () => ({ courseId: 'c', facilityId: 'near', language: 'en' }));
    await expect(solveProgramme({ ...input, pins: seven }, { timeLimitSeconds: 10 })).rejects.toThrow(
      /unpin one/,
    );
  });
});

describe('input checks', () => {
  it('rejects bad input with a message naming the item', () => {
    expect(() =>
      greedyProgramme({ ...REASONS, needs: [{ ...(REASONS.needs[0] as Need), admin: 'XX' }] }),
    ).toThrow(/administration "XX"/);
    expect(() =>
      greedyProgramme({
        ...REASONS,
        courses: [{ ...(REASONS.courses[0] as Course), level: 'guru' as never }],
      }),
    ).toThrow(/level must be one of/);
    expect(() =>
      greedyProgramme({
        ...REASONS,
        trainers: [{ id: 't', competencies: [], languages: [], availableWeeks: [60] }],
      }),
    ).toThrow(/week numbers from 1 to 8/);
    expect(() => greedyProgramme({ needs: [] } as unknown as ProgrammeInput)).toThrow(/administrations/);
  });
});

describe('solveLp', () => {
  it('turns an unreadable model into a SolverError and solves the next one with a fresh instance', async () => {
    await expect(
      solveLp('Maximize\n obj: 2 x +\nSubject To\n c: x <= 1\nBounds\n x >= banana\nEnd\n', {
        timeLimitSeconds: 5,
        mipRelGap: 0,
      }),
    ).rejects.toThrow(SolverError);
    const ok = await solveLp(
      'Maximize\n obj: 3 x + 2 y\nSubject To\n c: x + y <= 4\nBounds\n 0 <= x <= 3\nGenerals\n x y\nEnd\n',
      {
        timeLimitSeconds: 5,
        mipRelGap: 0,
      },
    );
    expect(ok).toMatchObject({ status: 'Optimal', feasible: true, objective: 11, mipGap: 0 });
    expect(ok.values.get('x')).toBe(3);
    expect(ok.values.get('y')).toBe(1);
  });

  it('reports an infeasible model as not feasible, with no values', async () => {
    const r = await solveLp('Maximize\n obj: x\nSubject To\n c: x >= 5\nBounds\n 0 <= x <= 3\nEnd\n', {
      timeLimitSeconds: 5,
      mipRelGap: 0,
    });
    expect(r.feasible).toBe(false);
    expect(r.values.size).toBe(0);
  });
});
