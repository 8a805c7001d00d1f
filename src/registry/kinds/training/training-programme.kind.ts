import { defineKind } from '../../definition.ts';

/**
 * A training cooperation programme generated from the training needs and the training offers
 * (src/engines/training-programme, started as the job `training.programme`): which course, where,
 * when, with which trainers, for which administrations' officers; the coordinator's pins and
 * exclusions, the objective figures, the MIP gap and, for every need left uncovered, the reason.
 * Each run writes a new version of the draft; publication needs a second person (four-eyes).
 */
const L = (en: string, fr: string, de: string) => ({ en, fr, de });

export const trainingProgramme = defineKind({
  name: 'training_programme',
  label: L('Training programme', 'Programme de formation', 'Schulungsprogramm'),
  labelPlural: L('Training programmes', 'Programmes de formation', 'Schulungsprogramme'),
  description: L(
    'Training cooperation programmes computed from the needs of the administrations and the courses, trainers and facilities on offer.',
    'Programmes de coopération en matière de formation calculés à partir des besoins des administrations et des cours, formateurs et sites proposés.',
    'Schulungskooperationsprogramme, berechnet aus dem Bedarf der Verwaltungen und den angebotenen Kursen, Trainern und Schulungsstätten.',
  ),
  area: 'training',
  network: 'training',
  codeLists: [],
  fields: {
    title: { type: 'text', label: L('Title', 'Titre', 'Titel'), required: true, maxLength: 300 },
    year: {
      type: 'number',
      integer: true,
      min: 2000,
      max: 2100,
      label: L('Year', 'Année', 'Jahr'),
      required: true,
    },
    method: { type: 'text', maxLength: 40, label: L('Method', 'Méthode', 'Verfahren') },
    solver_status: {
      type: 'text',
      maxLength: 300,
      label: L('Solver status', 'Statut du solveur', 'Status des Lösers'),
    },
    mip_gap: { type: 'number', min: 0, label: L('MIP gap', 'Écart MIP', 'MIP-Lücke') },
    weighted_covered: {
      type: 'number',
      min: 0,
      label: L(
        'Priority-weighted need covered',
        'Besoin couvert pondéré par la priorité',
        'Gedeckter Bedarf, nach Priorität gewichtet',
      ),
    },
    weighted_need: {
      type: 'number',
      min: 0,
      label: L(
        'Priority-weighted need',
        'Besoin pondéré par la priorité',
        'Bedarf, nach Priorität gewichtet',
      ),
    },
    covered_officers: {
      type: 'number',
      integer: true,
      min: 0,
      label: L('Officers covered', 'Agents couverts', 'Abgedeckte Bedienstete'),
    },
    total_officers: {
      type: 'number',
      integer: true,
      min: 0,
      label: L('Officers in need', 'Agents ayant un besoin', 'Bedienstete mit Bedarf'),
    },
    min_share: {
      type: 'number',
      min: 0,
      max: 1,
      label: L('Smallest share covered', 'Plus petite part couverte', 'Kleinster gedeckter Anteil'),
    },
    travel_km: {
      type: 'number',
      min: 0,
      label: L('Travel (officer-km)', 'Déplacements (agent-km)', 'Reisen (Bedienstete-km)'),
    },
    items: {
      type: 'list',
      maxItems: 2000,
      label: L('Sessions', 'Sessions', 'Durchführungen'),
      of: {
        type: 'object',
        label: L('Session', 'Session', 'Durchführung'),
        fields: {
          course: { type: 'text', maxLength: 200, required: true, label: L('Course', 'Cours', 'Kurs') },
          course_title: {
            type: 'text',
            maxLength: 300,
            label: L('Course title', 'Intitulé du cours', 'Kurstitel'),
          },
          facility: {
            type: 'text',
            maxLength: 200,
            required: true,
            label: L('Facility', 'Site', 'Schulungsstätte'),
          },
          facility_title: {
            type: 'text',
            maxLength: 300,
            label: L('Facility name', 'Nom du site', 'Name der Schulungsstätte'),
          },
          host: { type: 'text', maxLength: 20, label: L('Host', 'Hôte', 'Gastgeber') },
          language: {
            type: 'text',
            maxLength: 10,
            required: true,
            label: L('Language', 'Langue', 'Sprache'),
          },
          start_week: {
            type: 'number',
            integer: true,
            min: 1,
            max: 53,
            label: L('First week', 'Première semaine', 'Erste Woche'),
          },
          end_week: {
            type: 'number',
            integer: true,
            min: 1,
            max: 53,
            label: L('Last week', 'Dernière semaine', 'Letzte Woche'),
          },
          quarter: {
            type: 'number',
            integer: true,
            min: 1,
            max: 4,
            label: L('Quarter', 'Trimestre', 'Quartal'),
          },
          trainers: {
            type: 'list',
            maxItems: 20,
            label: L('Trainers', 'Formateurs', 'Trainer'),
            of: { type: 'text', maxLength: 200, label: L('Trainer', 'Formateur', 'Trainer') },
          },
          seats: { type: 'number', integer: true, min: 0, label: L('Seats', 'Places', 'Plätze') },
          participants: {
            type: 'list',
            maxItems: 60,
            label: L('Participants', 'Participants', 'Teilnehmende'),
            of: {
              type: 'object',
              label: L('Administration', 'Administration', 'Verwaltung'),
              fields: {
                administration: {
                  type: 'text',
                  maxLength: 20,
                  required: true,
                  label: L('Administration', 'Administration', 'Verwaltung'),
                },
                officers: {
                  type: 'number',
                  integer: true,
                  min: 0,
                  required: true,
                  label: L('Officers', 'Agents', 'Bedienstete'),
                },
              },
            },
          },
          pinned: { type: 'boolean', label: L('Pinned', 'Épinglé', 'Fixiert') },
        },
      },
    },
    pins: {
      type: 'list',
      maxItems: 200,
      label: L('Pinned items', 'Éléments épinglés', 'Fixierte Einträge'),
      of: {
        type: 'object',
        label: L('Pinned item', 'Élément épinglé', 'Fixierter Eintrag'),
        fields: {
          course: { type: 'text', maxLength: 200, required: true, label: L('Course', 'Cours', 'Kurs') },
          facility: {
            type: 'text',
            maxLength: 200,
            required: true,
            label: L('Facility', 'Site', 'Schulungsstätte'),
          },
          language: {
            type: 'text',
            maxLength: 10,
            required: true,
            label: L('Language', 'Langue', 'Sprache'),
          },
          week: { type: 'number', integer: true, min: 1, max: 53, label: L('Week', 'Semaine', 'Woche') },
        },
      },
    },
    excludes: {
      type: 'list',
      maxItems: 200,
      label: L('Excluded items', 'Éléments exclus', 'Ausgeschlossene Einträge'),
      of: {
        type: 'object',
        label: L('Excluded item', 'Élément exclu', 'Ausgeschlossener Eintrag'),
        fields: {
          course: { type: 'text', maxLength: 200, label: L('Course', 'Cours', 'Kurs') },
          facility: { type: 'text', maxLength: 200, label: L('Facility', 'Site', 'Schulungsstätte') },
          language: { type: 'text', maxLength: 10, label: L('Language', 'Langue', 'Sprache') },
          trainer: { type: 'text', maxLength: 200, label: L('Trainer', 'Formateur', 'Trainer') },
        },
      },
    },
    uncovered: {
      type: 'list',
      maxItems: 5000,
      label: L('Uncovered needs', 'Besoins non couverts', 'Nicht gedeckter Bedarf'),
      of: {
        type: 'object',
        label: L('Uncovered need', 'Besoin non couvert', 'Nicht gedeckter Bedarf'),
        fields: {
          administration: {
            type: 'text',
            maxLength: 20,
            required: true,
            label: L('Administration', 'Administration', 'Verwaltung'),
          },
          competency: {
            type: 'text',
            maxLength: 200,
            required: true,
            label: L('Competency', 'Compétence', 'Kompetenz'),
          },
          level: { type: 'text', maxLength: 20, label: L('Level', 'Niveau', 'Niveau') },
          language: { type: 'text', maxLength: 10, label: L('Language', 'Langue', 'Sprache') },
          officers: {
            type: 'number',
            integer: true,
            min: 0,
            required: true,
            label: L('Officers', 'Agents', 'Bedienstete'),
          },
          reason: { type: 'text', maxLength: 40, required: true, label: L('Reason', 'Raison', 'Grund') },
        },
      },
    },
  },
  example: (token) => ({
    title: `Training programme ${token}`,
    year: 2027,
    method: 'mip',
    solver_status: 'Optimal',
    mip_gap: 0,
    weighted_covered: 36,
    weighted_need: 60,
    covered_officers: 12,
    total_officers: 20,
    min_share: 0.4,
    travel_km: 2890,
    items: [
      {
        course: 'course-1',
        course_title: 'Customs valuation, advanced',
        facility: 'facility-1',
        facility_title: 'Lille customs school',
        host: 'FR',
        language: 'en',
        start_week: 11,
        end_week: 11,
        quarter: 1,
        trainers: ['Trainer A (fictitious)'],
        seats: 12,
        participants: [{ administration: 'BE', officers: 12 }],
        pinned: false,
      },
    ],
    pins: [],
    excludes: [],
    uncovered: [
      {
        administration: 'DE',
        competency: 'k9',
        level: 'expert',
        language: 'de',
        officers: 8,
        reason: 'no_course',
      },
    ],
  }),
  titleField: 'title',
  importKey: ['title'],
  searchable: ['title'],
  listColumns: ['title', 'year', 'covered_officers', 'total_officers'],
  filters: ['year'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: true },
  views: [{ type: 'list', label: L('Training programmes', 'Programmes de formation', 'Schulungsprogramme') }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    training_programme: true;
  }
}
