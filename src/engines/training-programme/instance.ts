/**
 * Checks a programme input and derives what both solvers share: which courses can serve which
 * need, the candidate items (course × facility × language) with their seats and qualified
 * trainers, distances, and the reason a need cannot be served at all.
 */
import {
  type Administration,
  type Course,
  type Exclude,
  type Facility,
  type ItemKey,
  LEVELS,
  type Need,
  type Pin,
  type ProgrammeInput,
  type Trainer,
  type UncoveredReason,
} from './types.ts';

export class ProgrammeInputError extends Error {}

export interface Candidate extends ItemKey {
  index: number;
  course: Course;
  facility: Facility;
  /** Weeks one session takes. */
  weeks: number;
  /** Seats in one session: the smaller of the course's and the facility's limit. */
  seats: number;
  /** Trainers who may lead it (every competency of the course, the language, enough free weeks). */
  trainers: Trainer[];
  /** Most sessions the facility's weeks allow. */
  maxSessions: number;
}

export interface Instance {
  weeks: number;
  admins: Map<string, Administration>;
  needs: Need[];
  courses: Course[];
  trainers: Trainer[];
  facilities: Facility[];
  pins: Pin[];
  excludes: Exclude[];
  candidates: Candidate[];
  /** Candidates usable by each need (same index as needs). */
  needCandidates: Candidate[][];
  /** For needs with no candidate: why. */
  blockedReason: Map<string, UncoveredReason>;
  /** Great-circle km from an administration to a facility. */
  distance(admin: string, facilityId: string): number;
}

export const itemKey = (k: ItemKey): string => `${k.courseId}|${k.facilityId}|${k.language}`;
export const sessionWeeks = (c: Course): number => Math.max(1, Math.ceil(c.durationDays / 5));
const levelRank = (l: string): number => LEVELS.indexOf(l as (typeof LEVELS)[number]);

/** Great-circle distance in km (haversine, mean Earth radius). */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export const courseCovers = (c: Course, n: Need): boolean =>
  c.competencies.includes(n.competency) && levelRank(c.level) >= levelRank(n.level);

const trainerQualifies = (t: Trainer, c: Course, language: string): boolean =>
  t.languages.includes(language) && c.competencies.every((x) => t.competencies.includes(x));

function matchesExclude(e: Exclude, k: ItemKey): boolean {
  if (e.trainerId !== undefined) return false;
  return (
    (e.courseId === undefined || e.courseId === k.courseId) &&
    (e.facilityId === undefined || e.facilityId === k.facilityId) &&
    (e.language === undefined || e.language === k.language)
  );
}

function fail(msg: string): never {
  throw new ProgrammeInputError(msg);
}

function checkId(kind: string, ids: Set<string>, id: unknown): string {
  if (typeof id !== 'string' || id === '') fail(`Every ${kind} needs a non-empty text "id".`);
  if (ids.has(id)) fail(`Two ${kind}s have the id "${id}": ids must be unique.`);
  ids.add(id);
  return id;
}

function checkWeeks(kind: string, id: string, weeks: unknown, max: number): void {
  if (!Array.isArray(weeks) || weeks.some((w) => !Number.isInteger(w) || w < 1 || w > max))
    fail(`${kind} "${id}": availableWeeks must be a list of week numbers from 1 to ${max}.`);
}

function positive(kind: string, id: string, field: string, v: unknown, integer = true): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v)))
    fail(`${kind} "${id}": ${field} must be a ${integer ? 'whole ' : ''}number of 0 or more.`);
}

/** Validates the input (throws ProgrammeInputError with a message naming the bad item). */
export function buildInstance(input: ProgrammeInput): Instance {
  if (!input || typeof input !== 'object')
    fail('The input must be an object with needs, courses, trainers, facilities.');
  for (const f of ['administrations', 'needs', 'courses', 'trainers', 'facilities'] as const)
    if (!Array.isArray(input[f])) fail(`The input needs a list "${f}".`);
  const weeks = input.weeks ?? 52;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 53) fail('weeks must be a whole number from 1 to 53.');

  const admins = new Map<string, Administration>();
  for (const a of input.administrations) {
    if (typeof a?.code !== 'string' || !a.code) fail('Every administration needs a "code".');
    if (!Number.isFinite(a.lat) || !Number.isFinite(a.lon) || Math.abs(a.lat) > 90 || Math.abs(a.lon) > 180)
      fail(`Administration "${a.code}": lat and lon must be degrees (−90…90, −180…180).`);
    admins.set(a.code, a);
  }
  const needIds = new Set<string>();
  for (const n of input.needs) {
    const id = checkId('need', needIds, n?.id);
    if (!admins.has(n.admin)) fail(`Need "${id}": administration "${n.admin}" is not in "administrations".`);
    if (levelRank(n.level) < 0) fail(`Need "${id}": level must be one of ${LEVELS.join(', ')}.`);
    positive('Need', id, 'officers', n.officers);
    positive('Need', id, 'priority', n.priority, false);
    if (typeof n.competency !== 'string' || typeof n.language !== 'string')
      fail(`Need "${id}": competency and language must be codes.`);
  }
  const courseIds = new Set<string>();
  for (const c of input.courses) {
    const id = checkId('course', courseIds, c?.id);
    if (!Array.isArray(c.competencies) || c.competencies.length === 0)
      fail(`Course "${id}": list its competencies.`);
    if (!Array.isArray(c.languages)) fail(`Course "${id}": languages must be a list.`);
    if (levelRank(c.level) < 0) fail(`Course "${id}": level must be one of ${LEVELS.join(', ')}.`);
    positive('Course', id, 'durationDays', c.durationDays);
    positive('Course', id, 'maxParticipants', c.maxParticipants);
  }
  const trainerIds = new Set<string>();
  for (const t of input.trainers) {
    const id = checkId('trainer', trainerIds, t?.id);
    if (!Array.isArray(t.competencies) || !Array.isArray(t.languages))
      fail(`Trainer "${id}": competencies and languages must be lists.`);
    checkWeeks('Trainer', id, t.availableWeeks, weeks);
  }
  const facilityIds = new Set<string>();
  for (const f of input.facilities) {
    const id = checkId('facility', facilityIds, f?.id);
    if (!admins.has(f.admin))
      fail(`Facility "${id}": administration "${f.admin}" is not in "administrations".`);
    if (!Number.isFinite(f.lat) || !Number.isFinite(f.lon))
      fail(`Facility "${id}": lat and lon must be numbers.`);
    positive('Facility', id, 'capacity', f.capacity);
    checkWeeks('Facility', id, f.availableWeeks, weeks);
  }
  const excludes = input.excludes ?? [];
  const pins = input.pins ?? [];
  for (const p of pins) {
    if (!courseIds.has(p.courseId))
      fail(`A pinned item names course "${p.courseId}", which is not in the input.`);
    if (!facilityIds.has(p.facilityId))
      fail(`A pinned item names facility "${p.facilityId}", which is not in the input.`);
    if (p.week !== undefined && (!Number.isInteger(p.week) || p.week < 1 || p.week > weeks))
      fail(`A pinned item has week ${p.week}: weeks run from 1 to ${weeks}.`);
    if (excludes.some((e) => matchesExclude(e, p)))
      fail(`Course "${p.courseId}" at "${p.facilityId}" (${p.language}) is both pinned and excluded.`);
  }

  const excludedTrainers = new Set(excludes.flatMap((e) => (e.trainerId !== undefined ? [e.trainerId] : [])));
  const trainers = input.trainers.filter((t) => !excludedTrainers.has(t.id));
  const candidates: Candidate[] = [];
  for (const course of input.courses) {
    const w = sessionWeeks(course);
    for (const language of new Set(course.languages)) {
      const qualified = trainers.filter(
        (t) => trainerQualifies(t, course, language) && new Set(t.availableWeeks).size >= w,
      );
      for (const facility of input.facilities) {
        const key = { courseId: course.id, facilityId: facility.id, language };
        if (excludes.some((e) => matchesExclude(e, key))) continue;
        if (facility.languages?.length && !facility.languages.includes(language)) continue;
        const maxSessions = Math.floor(new Set(facility.availableWeeks).size / w);
        const seats = Math.min(course.maxParticipants, facility.capacity);
        if (qualified.length === 0 || maxSessions === 0 || seats === 0) continue;
        candidates.push({
          ...key,
          index: candidates.length,
          course,
          facility,
          weeks: w,
          seats,
          trainers: qualified,
          maxSessions,
        });
      }
    }
  }
  for (const p of pins)
    if (!candidates.some((c) => itemKey(c) === itemKey(p)))
      fail(
        `Course "${p.courseId}" cannot be given at "${p.facilityId}" in "${p.language}" (language not offered, no qualified trainer with enough free weeks, or no free weeks at the site): remove the pin.`,
      );

  const blockedReason = new Map<string, UncoveredReason>();
  const needCandidates = input.needs.map((n) => {
    const usable = candidates.filter((c) => c.language === n.language && courseCovers(c.course, n));
    if (usable.length === 0 && n.officers > 0)
      blockedReason.set(n.id, whyBlocked(n, input, excludes, trainers));
    return usable;
  });
  const distCache = new Map<string, number>();
  const facilitiesById = new Map(input.facilities.map((f) => [f.id, f]));
  return {
    weeks,
    admins,
    needs: input.needs,
    courses: input.courses,
    trainers,
    facilities: input.facilities,
    pins,
    excludes,
    candidates,
    needCandidates,
    blockedReason,
    distance(admin, facilityId) {
      const k = `${admin}|${facilityId}`;
      let d = distCache.get(k);
      if (d === undefined) {
        const a = admins.get(admin);
        const f = facilitiesById.get(facilityId);
        d = a && f ? greatCircleKm(a.lat, a.lon, f.lat, f.lon) : 0;
        distCache.set(k, d);
      }
      return d;
    },
  };
}

function whyBlocked(
  n: Need,
  input: ProgrammeInput,
  excludes: Exclude[],
  trainers: Trainer[],
): UncoveredReason {
  const covering = input.courses.filter((c) => courseCovers(c, n));
  if (covering.length === 0) return 'no_course';
  const inLanguage = covering.filter((c) => c.languages.includes(n.language));
  if (inLanguage.length === 0) return 'no_course_in_language';
  const withTrainer = inLanguage.filter((c) => trainers.some((t) => trainerQualifies(t, c, n.language)));
  if (withTrainer.length === 0) {
    const anyTrainer = inLanguage.some((c) => input.trainers.some((t) => trainerQualifies(t, c, n.language)));
    return anyTrainer ? 'excluded' : 'no_trainer_in_language';
  }
  const notExcluded = withTrainer.filter((c) =>
    input.facilities.some(
      (f) =>
        !excludes.some((e) => matchesExclude(e, { courseId: c.id, facilityId: f.id, language: n.language })),
    ),
  );
  if (notExcluded.length === 0) return 'excluded';
  const siteInLanguage = input.facilities.some(
    (f) => !f.languages?.length || f.languages.includes(n.language),
  );
  // A site and a trainer exist, but not enough free weeks at the site or for the trainers.
  return siteInLanguage ? 'dates' : 'no_facility';
}

/** arr[i], which the index construction guarantees to exist. */
export function at<T>(arr: readonly T[], i: number): T {
  const v = arr[i];
  if (v === undefined) throw new Error(`internal: index ${i} out of range`);
  return v;
}
