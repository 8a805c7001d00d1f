/**
 * The job's input: needs from the answered training-needs campaign and offers from the training
 * kinds (training_course, trainer, training_facility), turned into the engine's ProgrammeInput.
 * Every field name of those kinds and of the needs matrix is in this one file (FIELDS, NEEDS_MATRIX)
 * so that the loader follows their definitions in one place.
 */
import type { Actor } from '../../access/actor.ts';
import { campaignPolicy, responsePolicy } from '../../access/mapping-policy.ts';
import { registryRecordPolicy } from '../../access/registry-record-policy.ts';
import type { Database } from '../../db/connection.ts';
import type {
  Course,
  Exclude,
  Facility,
  Level,
  Need,
  Pin,
  ProgrammeInput,
  Trainer,
} from '../../engines/training-programme/index.ts';
import { LEVELS } from '../../engines/training-programme/index.ts';
import { JobFailedError } from '../../jobs/index.ts';
import { kindByName } from '../../registry/kinds/index.ts';
import {
  TRAINING_NEEDS_MATRIX,
  TRAINING_NEEDS_OFFICERS,
} from '../../registry/kinds/training/training-needs.questionnaire.ts';
import { CAPITALS } from './programme-capitals.ts';

/** The needs questionnaire's matrix (rows: competency codes) and its columns. */
export const NEEDS_MATRIX = {
  code: TRAINING_NEEDS_MATRIX,
  level: 'level_needed',
  officers: TRAINING_NEEDS_OFFICERS,
  priority: 'priority',
  language: 'preferred_language',
  mode: 'mode',
} as const;

/** Field names of the offer kinds. */
export const FIELDS = {
  course: {
    kind: 'training_course',
    competencies: 'competencies',
    level: 'level',
    languages: 'languages',
    mode: 'mode',
    durationDays: 'duration_days',
    maxParticipants: 'max_participants',
  },
  trainer: {
    kind: 'trainer',
    competencies: 'competencies',
    languages: 'languages',
    availability: 'availability',
  },
  facility: {
    kind: 'training_facility',
    lat: 'lat',
    lon: 'lon',
    location: 'site',
    country: 'country',
    capacity: 'capacity',
    languages: 'languages',
    availableWeeks: 'available_weeks',
  },
} as const;

/** One answered cell of the needs matrix: an administration's need for one competency. */
export interface NeedRow {
  administration: string;
  competency: string;
  values: Record<string, unknown>;
}

/** A published, readable record of an offer kind. */
export interface OfferRecord {
  id: string;
  title: string;
  data: Record<string, unknown>;
}

/** Where the loader reads from: the database (registrySource) or, in tests, plain objects. */
export interface ProgrammeDataSource {
  needs(): Promise<NeedRow[]>;
  offers(kind: 'training_course' | 'trainer' | 'training_facility'): Promise<OfferRecord[]>;
}

export interface LoadedInput {
  input: ProgrammeInput;
  /** Titles of courses, trainers and facilities by record id (the programme shows names). */
  titles: Record<string, string>;
  /** Rows that could not be used, and why (shown with the result). */
  skipped: string[];
}

const PRIORITY: Record<string, number> = { low: 1, medium: 2, high: 3 };
/** Officers' mode of training that needs no facility: left to e-learning, not to the programme. */
const ONLINE_MODES = new Set(['e_learning', 'elearning', 'online']);

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
const numberOf = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
const levelOf = (v: unknown): Level | null =>
  typeof v === 'string' && (LEVELS as readonly string[]).includes(v) ? (v as Level) : null;

/**
 * Weeks from an availability value: week numbers (1–53), ISO weeks ('2027-W14'), quarters
 * ('Q2') or { from, to } week ranges; empty or absent: every week of the year.
 */
export function weeksOf(v: unknown, weeks = 52): number[] {
  const out = new Set<number>();
  const add = (w: number) => {
    if (Number.isInteger(w) && w >= 1 && w <= weeks) out.add(w);
  };
  for (const x of Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]) {
    if (typeof x === 'number') add(x);
    else if (typeof x === 'string') {
      // Written as the trainer's record has it ("Q2 and Q4, up to 10 days per quarter",
      // "2027-W14, W15"): every quarter and ISO week named in the text; a bare number is a week.
      if (/^\d+$/.test(x.trim())) add(Number(x));
      for (const q of x.matchAll(/\bQ([1-4])\b/gi))
        for (let w = (Number(q[1]) - 1) * 13 + 1; w <= Number(q[1]) * 13; w++) add(w);
      for (const iso of x.matchAll(/(?:\b\d{4}-)?\bW(\d{1,2})\b/gi)) add(Number(iso[1]));
    } else if (x && typeof x === 'object') {
      const from = numberOf((x as Record<string, unknown>).from);
      const to = numberOf((x as Record<string, unknown>).to);
      if (from !== null && to !== null) for (let w = from; w <= to; w++) add(w);
    }
  }
  return out.size ? [...out].sort((a, b) => a - b) : Array.from({ length: weeks }, (_, i) => i + 1);
}

/** Builds the engine's input from a data source. */
export async function loadProgrammeInput(
  source: ProgrammeDataSource,
  opts: { pins?: Pin[]; excludes?: Exclude[]; weeks?: number } = {},
): Promise<LoadedInput> {
  const weeks = opts.weeks ?? 52;
  const skipped: string[] = [];
  const titles: Record<string, string> = {};
  const needs: Need[] = [];
  const admins = new Set<string>();
  for (const row of await source.needs()) {
    const v = row.values;
    const officers = numberOf(v[NEEDS_MATRIX.officers]);
    const level = levelOf(v[NEEDS_MATRIX.level]);
    const language =
      typeof v[NEEDS_MATRIX.language] === 'string' ? (v[NEEDS_MATRIX.language] as string) : 'en';
    const mode = v[NEEDS_MATRIX.mode];
    if (!officers || officers <= 0) continue; // no officers: no need
    if (!level) {
      skipped.push(`${row.administration} ${row.competency}: no level needed`);
      continue;
    }
    if (typeof mode === 'string' && ONLINE_MODES.has(mode)) {
      skipped.push(`${row.administration} ${row.competency}: e-learning, not planned in sessions`);
      continue;
    }
    if (!CAPITALS[row.administration]) {
      skipped.push(`${row.administration} ${row.competency}: no location for the administration`);
      continue;
    }
    const p = v[NEEDS_MATRIX.priority];
    admins.add(row.administration);
    needs.push({
      id: `${row.administration}:${row.competency}`,
      admin: row.administration,
      competency: row.competency,
      level,
      officers: Math.round(officers),
      priority: typeof p === 'string' ? (PRIORITY[p] ?? 1) : (numberOf(p) ?? 1),
      language,
    });
  }
  const F = FIELDS;
  const courses: Course[] = [];
  for (const r of await source.offers(F.course.kind)) {
    const d = r.data;
    const level = levelOf(d[F.course.level]);
    const duration = numberOf(d[F.course.durationDays]);
    const seats = numberOf(d[F.course.maxParticipants]);
    if (typeof d[F.course.mode] === 'string' && ONLINE_MODES.has(d[F.course.mode] as string)) continue;
    if (!level || !duration || !seats || strings(d[F.course.competencies]).length === 0) {
      skipped.push(`course ${r.title}: competencies, level, duration and participants are needed`);
      continue;
    }
    titles[r.id] = r.title;
    courses.push({
      id: r.id,
      competencies: strings(d[F.course.competencies]),
      level,
      languages: strings(d[F.course.languages]),
      durationDays: Math.round(duration),
      maxParticipants: Math.round(seats),
    });
  }
  const trainers: Trainer[] = (await source.offers(F.trainer.kind)).map((r) => {
    titles[r.id] = r.title;
    return {
      id: r.id,
      competencies: strings(r.data[F.trainer.competencies]),
      languages: strings(r.data[F.trainer.languages]),
      availableWeeks: weeksOf(r.data[F.trainer.availability], weeks),
    };
  });
  const facilities: Facility[] = [];
  for (const r of await source.offers(F.facility.kind)) {
    const d = r.data;
    const loc = (d[F.facility.location] ?? {}) as Record<string, unknown>;
    const lat = numberOf(d[F.facility.lat] ?? loc.lat);
    const lon = numberOf(d[F.facility.lon] ?? loc.lon);
    const country = typeof d[F.facility.country] === 'string' ? (d[F.facility.country] as string) : null;
    const capacity = numberOf(d[F.facility.capacity]);
    if (lat === null || lon === null || !country || !capacity) {
      skipped.push(`facility ${r.title}: location, country and capacity are needed`);
      continue;
    }
    titles[r.id] = r.title;
    admins.add(country);
    facilities.push({
      id: r.id,
      admin: country,
      lat,
      lon,
      capacity: Math.round(capacity),
      languages: strings(d[F.facility.languages]),
      availableWeeks: weeksOf(d[F.facility.availableWeeks], weeks),
    });
  }
  const administrations = [...admins].map((code) => ({
    code,
    ...(CAPITALS[code] ?? { lat: 50.85, lon: 4.35 }),
  }));
  return {
    input: {
      weeks,
      administrations,
      needs,
      courses,
      trainers,
      facilities,
      pins: opts.pins ?? [],
      excludes: opts.excludes ?? [],
    },
    titles,
    skipped,
  };
}

/**
 * The database source: the validated responses of a campaign the caller coordinates (read through
 * campaignPolicy and responsePolicy), and the published offers the caller may read (the kinds'
 * readable filter). A kind not installed yet fails the job with a message.
 */
export function registrySource(db: Database, actor: Actor, campaignId: string): ProgrammeDataSource {
  return {
    async needs() {
      const campaign = await db
        .selectFrom('mapping_campaigns as c')
        .select(['c.id', 'c.network_id', 'c.sharing', 'c.opens_at', 'c.closes_at'])
        .where('c.id', '=', campaignId)
        .executeTakeFirst();
      const facts = campaign && {
        networkId: campaign.network_id,
        sharing: campaign.sharing,
        opensAt: new Date(campaign.opens_at as unknown as string),
        closesAt: new Date(campaign.closes_at as unknown as string),
        participant: false,
        myRoles: new Set<never>(),
      };
      if (!facts || !campaignPolicy.abilities(actor, facts).read)
        throw new JobFailedError('The needs campaign does not exist or you may not read it.');
      const rows = await db
        .selectFrom('mapping_responses as r')
        .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
        .select(['r.answers', 'o.code', 'o.country_code'])
        .where('r.campaign_id', '=', campaignId)
        .where('r.status', '=', 'validated')
        .where(responsePolicy.readable(actor, 'r'))
        .execute();
      const out: NeedRow[] = [];
      for (const r of rows) {
        const matrix = (r.answers as Record<string, unknown>)[NEEDS_MATRIX.code];
        if (!matrix || typeof matrix !== 'object') continue;
        for (const [competency, values] of Object.entries(matrix as Record<string, unknown>))
          if (values && typeof values === 'object')
            out.push({
              administration: r.country_code ?? r.code,
              competency,
              values: values as Record<string, unknown>,
            });
      }
      return out;
    },
    async offers(name) {
      const kind = kindByName(name);
      if (!kind)
        throw new JobFailedError(
          `The registry kind ${name} is not installed on this platform: the programme needs courses, trainers and facilities.`,
        );
      const rows = await db
        .selectFrom('registry_records as r')
        .select(['r.id', 'r.data'])
        .where('r.kind', '=', name)
        .where('r.status', '=', 'published')
        .where(registryRecordPolicy.readable(actor, 'r'))
        .execute();
      return rows.map((r) => {
        const data = r.data as Record<string, unknown>;
        const t = data[kind.titleField];
        return { id: r.id, title: typeof t === 'string' ? t : r.id, data };
      });
    },
  };
}
