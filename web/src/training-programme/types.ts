/** The data of a training_programme record (src/registry/kinds/training/training-programme.kind.ts). */
export interface ProgrammeItem {
  course: string;
  course_title?: string;
  facility: string;
  facility_title?: string;
  host?: string;
  language: string;
  start_week?: number;
  end_week?: number;
  quarter?: number;
  trainers?: string[];
  seats?: number;
  participants?: { administration: string; officers: number }[];
  pinned?: boolean;
}

export interface Pin {
  course: string;
  facility: string;
  language: string;
  week?: number;
}

export interface Exclude {
  course?: string;
  facility?: string;
  language?: string;
  trainer?: string;
}

export interface Uncovered {
  administration: string;
  competency: string;
  level?: string;
  language?: string;
  officers: number;
  reason: string;
}

export interface ProgrammeData {
  title: string;
  year: number;
  method?: string;
  solver_status?: string;
  mip_gap?: number;
  weighted_covered?: number;
  weighted_need?: number;
  covered_officers?: number;
  total_officers?: number;
  min_share?: number;
  travel_km?: number;
  items?: ProgrammeItem[];
  pins?: Pin[];
  excludes?: Exclude[];
  uncovered?: Uncovered[];
}

export interface ProgrammeRecord {
  id: string;
  status: string;
  data: ProgrammeData;
  abilities: Record<string, boolean>;
}

/** CSV of the programme's sessions (the export button). */
export function programmeCsv(items: ProgrammeItem[]): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const head = [
    'course',
    'facility',
    'host',
    'language',
    'start_week',
    'end_week',
    'quarter',
    'trainers',
    'seats',
    'participants',
    'pinned',
  ];
  const rows = items.map((it) =>
    [
      it.course_title ?? it.course,
      it.facility_title ?? it.facility,
      it.host,
      it.language,
      it.start_week,
      it.end_week,
      it.quarter,
      (it.trainers ?? []).join('; '),
      it.seats,
      (it.participants ?? []).map((p) => `${p.administration}:${p.officers}`).join(' '),
      it.pinned ? 'yes' : 'no',
    ]
      .map(cell)
      .join(','),
  );
  return [head.join(','), ...rows].join('\n');
}
