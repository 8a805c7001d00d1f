/**
 * Input and output shapes of the training-programme engine. Pure data: no platform imports, so the
 * engine runs as a library, from the CLI, in a worker thread and in the benchmark alike.
 */

/** Proficiency levels after the EU Customs Competency Framework, lowest first. */
export const LEVELS = ['aware', 'trained', 'advanced', 'expert'] as const;
export type Level = (typeof LEVELS)[number];

export interface Administration {
  /** Administration code (e.g. the member state's ISO code). */
  code: string;
  /** Where its officers travel from (capital or training academy), WGS84 degrees. */
  lat: number;
  lon: number;
}

/** One administration's need for one competency (a cell of the needs questionnaire). */
export interface Need {
  id: string;
  admin: string;
  competency: string;
  level: Level;
  /** Officers needing the level. */
  officers: number;
  /** Weight of one covered officer (e.g. 1 low, 2 medium, 3 high). */
  priority: number;
  /** Preferred language of instruction (e.g. "en"). */
  language: string;
}

export interface Course {
  id: string;
  competencies: string[];
  /** The level a participant reaches: the course covers needs at this level or below. */
  level: Level;
  languages: string[];
  durationDays: number;
  maxParticipants: number;
}

export interface Trainer {
  id: string;
  /** A trainer may lead a course whose every competency is listed here. */
  competencies: string[];
  languages: string[];
  /** Weeks of the year (1-based) the trainer can teach. */
  availableWeeks: number[];
}

export interface Facility {
  id: string;
  /** The hosting administration. */
  admin: string;
  lat: number;
  lon: number;
  /** Seats in one session. */
  capacity: number;
  /** Languages the site supports; empty or absent: any. */
  languages?: string[];
  /** Weeks of the year (1-based) the site can host a session; one session at a time. */
  availableWeeks: number[];
}

/** A programme item: course c at facility f in language l. */
export interface ItemKey {
  courseId: string;
  facilityId: string;
  language: string;
}

/** Keep at least one session of this item (a pin repeated n times keeps n sessions). */
export interface Pin extends ItemKey {
  /** Preferred start week; kept when the facility and a trainer are free then. */
  week?: number;
}

/**
 * Leave out everything that matches: a trainer (trainerId), or the sessions matching every given
 * field among courseId, facilityId and language (e.g. only facilityId: the whole site).
 */
export interface Exclude {
  trainerId?: string;
  courseId?: string;
  facilityId?: string;
  language?: string;
}

export interface ProgrammeInput {
  /** Weeks in the planning year (default 52). */
  weeks?: number;
  administrations: Administration[];
  needs: Need[];
  courses: Course[];
  trainers: Trainer[];
  facilities: Facility[];
  pins?: Pin[];
  excludes?: Exclude[];
}

export interface SolveOptions {
  /** Wall-clock limit for all solver stages together, in seconds (default 60). */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which a stage stops (default 0.01). */
  mipRelGap?: number;
  /** Called between stages (the job reports it as progress). */
  onProgress?: (p: { done: number; total: number; phase: string }) => void;
}

/** A dated session of the programme. */
export interface ProgrammeItem extends ItemKey {
  /** Hosting administration of the facility. */
  host: string;
  startWeek: number;
  endWeek: number;
  /** 1–4 */
  quarter: number;
  trainers: string[];
  seats: number;
  /** Officers per administration. */
  participants: Record<string, number>;
  pinned: boolean;
}

export const UNCOVERED_REASONS = [
  'no_course',
  'excluded',
  'no_course_in_language',
  'no_trainer_in_language',
  'no_facility',
  'capacity',
  'dates',
] as const;
export type UncoveredReason = (typeof UNCOVERED_REASONS)[number];

export interface UncoveredNeed {
  needId: string;
  admin: string;
  competency: string;
  level: Level;
  language: string;
  /** Officers left without a seat. */
  officers: number;
  reason: UncoveredReason;
}

export interface StageReport {
  stage: 'coverage' | 'fairness' | 'travel';
  status: string;
  objective: number;
  /** Relative MIP gap HiGHS reports for the stage (0 when proved optimal). */
  mipGap: number;
  seconds: number;
}

export interface ProgrammeFigures {
  /** Σ priority × covered officers (objective 1). */
  weightedCovered: number;
  /** Σ priority × officers: the most that could be covered. */
  weightedNeed: number;
  coveredOfficers: number;
  totalOfficers: number;
  /** Smallest share of its own need covered for any administration with a need (objective 2). */
  minShare: number;
  /** Σ officers × great-circle km between their administration and the facility (objective 3). */
  travelKm: number;
  sessions: number;
}

export interface Programme {
  method: 'mip' | 'greedy' | 'greedy-fallback';
  /** Solver status of the coverage stage ("Optimal", "Time limit reached", …); "greedy" for the baseline. */
  status: string;
  /** Relative MIP gap of the coverage stage (objective 1); 0 for a proved optimum. */
  mipGap: number;
  stages: StageReport[];
  figures: ProgrammeFigures;
  items: ProgrammeItem[];
  /** Covered officers per need id. */
  covered: Record<string, number>;
  uncovered: UncoveredNeed[];
  pins: Pin[];
  excludes: Exclude[];
}
