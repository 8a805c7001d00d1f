/**
 * Deterministic benchmark instances for the training programme: `generateInstance(seed, size)`
 * gives administrations at their capitals, needs per administration × competency, courses,
 * trainers with weekly availability and facilities with free weeks — the same for a seed.
 */
import { Rng } from '../../src/engines/risk/prng.ts';
import {
  type Course,
  type Facility,
  LEVELS,
  type Need,
  type ProgrammeInput,
  type Trainer,
} from '../../src/engines/training-programme/types.ts';

/** The 27 member states' capitals (approximate coordinates) and a usual language of instruction. */
const CAPITALS: [string, number, number, string][] = [
  ['AT', 48.21, 16.37, 'de'],
  ['BE', 50.85, 4.35, 'fr'],
  ['BG', 42.7, 23.32, 'en'],
  ['HR', 45.81, 15.98, 'en'],
  ['CY', 35.17, 33.36, 'en'],
  ['CZ', 50.08, 14.44, 'en'],
  ['DK', 55.68, 12.57, 'en'],
  ['EE', 59.44, 24.75, 'en'],
  ['FI', 60.17, 24.94, 'en'],
  ['FR', 48.86, 2.35, 'fr'],
  ['DE', 52.52, 13.4, 'de'],
  ['GR', 37.98, 23.73, 'en'],
  ['HU', 47.5, 19.04, 'en'],
  ['IE', 53.35, -6.26, 'en'],
  ['IT', 41.9, 12.5, 'it'],
  ['LV', 56.95, 24.11, 'en'],
  ['LT', 54.69, 25.28, 'en'],
  ['LU', 49.61, 6.13, 'fr'],
  ['MT', 35.9, 14.51, 'en'],
  ['NL', 52.37, 4.9, 'en'],
  ['PL', 52.23, 21.01, 'en'],
  ['PT', 38.72, -9.14, 'en'],
  ['RO', 44.43, 26.1, 'en'],
  ['SK', 48.15, 17.11, 'en'],
  ['SI', 46.06, 14.51, 'en'],
  ['ES', 40.42, -3.7, 'es'],
  ['SE', 59.33, 18.07, 'en'],
];

export interface Size {
  admins: number;
  competencies: number;
  courses: number;
  facilities: number;
  weeks: number;
  trainers: number;
  /** Share of administration × competency cells with a need. */
  needDensity: number;
}

export const FULL: Size = {
  admins: 27,
  competencies: 60,
  courses: 40,
  facilities: 15,
  weeks: 52,
  trainers: 60,
  needDensity: 0.35,
};

function pick<T>(rng: Rng, a: readonly T[]): T {
  return a[rng.int(a.length)] as T;
}

/** A set of weeks: `blocks` runs of free weeks covering about `share` of the year. */
function freeWeeks(rng: Rng, weeks: number, share: number): number[] {
  const out: number[] = [];
  for (let w = 1; w <= weeks; ) {
    const run = 2 + rng.int(6);
    const free = rng.next() < share;
    for (let i = 0; i < run && w <= weeks; i++, w++) if (free) out.push(w);
  }
  return out;
}

export function generateInstance(seed: number, size: Size = FULL): ProgrammeInput {
  const rng = new Rng(seed);
  const capitals = CAPITALS.slice(0, size.admins);
  const administrations = capitals.map(([code, lat, lon]) => ({ code, lat, lon }));
  const comps = Array.from({ length: size.competencies }, (_, i) => `C${String(i + 1).padStart(2, '0')}`);
  const needs: Need[] = [];
  for (const [code, , , lang] of capitals)
    for (const c of comps) {
      if (rng.next() >= size.needDensity) continue;
      needs.push({
        id: `${code}-${c}`,
        admin: code,
        competency: c,
        level: pick(rng, LEVELS.slice(0, 3)),
        officers: 2 + rng.int(24),
        priority: 1 + rng.int(3),
        // Most ask for English; about a third for their own language.
        language: lang !== 'en' && rng.next() < 0.5 ? lang : 'en',
      });
    }
  const courses: Course[] = Array.from({ length: size.courses }, (_, i) => {
    const k = 1 + rng.int(3);
    const cs = new Set<string>();
    while (cs.size < k) cs.add(pick(rng, comps));
    const langs = new Set(['en']);
    if (rng.next() < 0.4) langs.add(pick(rng, ['fr', 'de', 'it', 'es']));
    return {
      id: `course-${i + 1}`,
      competencies: [...cs],
      level: pick(rng, LEVELS.slice(1)),
      languages: [...langs],
      durationDays: pick(rng, [2, 3, 5, 5, 10]),
      maxParticipants: 12 + rng.int(14),
    };
  });
  const trainers: Trainer[] = Array.from({ length: size.trainers }, (_, i) => {
    const cs = new Set<string>();
    for (let j = 0; j < 2 + rng.int(2); j++) for (const c of pick(rng, courses).competencies) cs.add(c);
    const langs = new Set(['en']);
    if (rng.next() < 0.5) langs.add(pick(rng, ['fr', 'de', 'it', 'es']));
    return {
      id: `trainer-${i + 1}`,
      competencies: [...cs],
      languages: [...langs],
      availableWeeks: freeWeeks(rng, size.weeks, 0.5),
    };
  });
  const facilities: Facility[] = Array.from({ length: size.facilities }, (_, i) => {
    const host = pick(rng, administrations);
    return {
      id: `facility-${i + 1}`,
      admin: host.code,
      lat: host.lat + (rng.next() - 0.5),
      lon: host.lon + (rng.next() - 0.5),
      capacity: 15 + rng.int(16),
      availableWeeks: freeWeeks(rng, size.weeks, 0.75),
    };
  });
  return { weeks: size.weeks, administrations, needs, courses, trainers, facilities };
}
