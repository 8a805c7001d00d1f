import type { Programme } from '../../engines/training-programme/index.ts';

/** The engine's programme as the data of a training_programme record (titles beside the ids). */
export function programmeRecordData(
  base: { title: unknown; year: unknown },
  p: Programme,
  titles: Record<string, string>,
): Record<string, unknown> {
  const name = (id: string) => titles[id] ?? id;
  const f = p.figures;
  return {
    title: base.title,
    year: base.year,
    method: p.method,
    solver_status: p.status.slice(0, 300),
    ...(Number.isFinite(p.mipGap) ? { mip_gap: Math.max(0, p.mipGap) } : {}),
    weighted_covered: f.weightedCovered,
    weighted_need: f.weightedNeed,
    covered_officers: f.coveredOfficers,
    total_officers: f.totalOfficers,
    min_share: Math.min(1, Math.max(0, f.minShare)),
    travel_km: f.travelKm,
    items: p.items.map((it) => ({
      course: it.courseId,
      course_title: name(it.courseId).slice(0, 300),
      facility: it.facilityId,
      facility_title: name(it.facilityId).slice(0, 300),
      host: it.host,
      language: it.language,
      start_week: it.startWeek,
      end_week: it.endWeek,
      quarter: it.quarter,
      trainers: it.trainers.map((t) => name(t).slice(0, 200)),
      seats: it.seats,
      participants: Object.entries(it.participants).map(([administration, officers]) => ({
        administration,
        officers,
      })),
      pinned: it.pinned,
    })),
    pins: p.pins.map((x) => ({
      course: x.courseId,
      facility: x.facilityId,
      language: x.language,
      ...(x.week !== undefined ? { week: x.week } : {}),
    })),
    excludes: p.excludes.map((x) => ({
      ...(x.courseId !== undefined ? { course: x.courseId } : {}),
      ...(x.facilityId !== undefined ? { facility: x.facilityId } : {}),
      ...(x.language !== undefined ? { language: x.language } : {}),
      ...(x.trainerId !== undefined ? { trainer: x.trainerId } : {}),
    })),
    uncovered: p.uncovered.map((u) => ({
      administration: u.admin,
      competency: u.competency,
      level: u.level,
      language: u.language,
      officers: u.officers,
      reason: u.reason,
    })),
  };
}
