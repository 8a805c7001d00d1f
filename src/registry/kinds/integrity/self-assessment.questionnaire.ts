import type { Item, Questionnaire } from '../../../engines/questionnaire/model.ts';

/**
 * The integrity self-assessment, shipped with the platform: a questionnaire of the mapping engine
 * (src/modules/mapping) with, per key factor of the WCO Revised Arusha Declaration (the rows are the
 * platform code list `arusha_factor`, so results pivot on its codes), the maturity 1–5 with labelled
 * levels, the evidence and the planned actions. The coordinator of the integrity network imports it
 * (as the XLSForm file the engine writes from this definition) and sends it in campaigns in
 * aggregate-only mode: each administration sees its own answers against the others' median, never
 * another administration's. Version 2026 keeps every code of 2025 (trends compare them) and adds a
 * question on the integrity strategy.
 */
export const SELF_ASSESSMENT_CODE = 'integrity_self_assessment';
export const SELF_ASSESSMENT_MATRIX = 'arusha_factors';
export const SELF_ASSESSMENT_MATURITY = 'maturity';

const LEVELS = [
  {
    name: '1',
    label: {
      en: '1 – Initial: no formal measures',
      fr: '1 – Initial : aucune mesure formelle',
      de: '1 – Anfangsstadium: keine förmlichen Maßnahmen',
    },
  },
  {
    name: '2',
    label: {
      en: '2 – Developing: measures planned or partly in place',
      fr: '2 – En développement : mesures prévues ou partiellement en place',
      de: '2 – Im Aufbau: Maßnahmen geplant oder teilweise umgesetzt',
    },
  },
  {
    name: '3',
    label: {
      en: '3 – Defined: measures in place and documented',
      fr: '3 – Défini : mesures en place et documentées',
      de: '3 – Festgelegt: Maßnahmen umgesetzt und dokumentiert',
    },
  },
  {
    name: '4',
    label: {
      en: '4 – Managed: measures applied and monitored',
      fr: '4 – Maîtrisé : mesures appliquées et suivies',
      de: '4 – Gesteuert: Maßnahmen angewandt und überwacht',
    },
  },
  {
    name: '5',
    label: {
      en: '5 – Optimised: measures evaluated and continuously improved',
      fr: '5 – Optimisé : mesures évaluées et améliorées en continu',
      de: '5 – Optimiert: Maßnahmen bewertet und laufend verbessert',
    },
  },
];

const matrix: Item = {
  type: 'matrix',
  code: SELF_ASSESSMENT_MATRIX,
  label: {
    en: 'Your administration against the key factors of the Revised Arusha Declaration',
    fr: 'Votre administration au regard des facteurs clés de la Déclaration d’Arusha révisée',
    de: 'Ihre Verwaltung gemessen an den Schlüsselfaktoren der überarbeiteten Erklärung von Arusha',
  },
  hint: {
    en: 'For each key factor: the maturity reached, the evidence for it (documents, evaluations) and the actions planned. Other administrations see only figures built from at least three administrations, never your answers.',
    fr: 'Pour chaque facteur clé : la maturité atteinte, ses justificatifs (documents, évaluations) et les actions prévues. Les autres administrations ne voient que des chiffres calculés sur au moins trois administrations, jamais vos réponses.',
    de: 'Für jeden Schlüsselfaktor: der erreichte Reifegrad, die Nachweise dafür (Dokumente, Evaluierungen) und die geplanten Maßnahmen. Andere Verwaltungen sehen nur Zahlen aus mindestens drei Verwaltungen, nie Ihre Antworten.',
  },
  rows: { codeList: 'arusha_factor' },
  columns: [
    {
      type: 'scale',
      code: SELF_ASSESSMENT_MATURITY,
      label: { en: 'Maturity (1–5)', fr: 'Maturité (1–5)', de: 'Reifegrad (1–5)' },
      min: 1,
      max: 5,
      step: 1,
      labels: 'maturity_levels',
      required: true,
    },
    {
      type: 'text',
      code: 'evidence',
      label: { en: 'Evidence', fr: 'Justificatifs', de: 'Nachweise' },
    },
    {
      type: 'text',
      code: 'planned_actions',
      label: { en: 'Planned actions', fr: 'Actions prévues', de: 'Geplante Maßnahmen' },
    },
  ],
};

const strategy: Item = {
  type: 'yes_no',
  code: 'integrity_strategy',
  label: {
    en: 'Has your administration adopted an integrity strategy or action plan?',
    fr: 'Votre administration a-t-elle adopté une stratégie ou un plan d’action en matière d’intégrité ?',
    de: 'Hat Ihre Verwaltung eine Integritätsstrategie oder einen Aktionsplan angenommen?',
  },
  required: true,
};

const base = {
  format: 'eucab-questionnaire' as const,
  id: SELF_ASSESSMENT_CODE,
  languages: [
    { code: 'en', name: 'English' },
    { code: 'fr', name: 'French' },
    { code: 'de', name: 'German' },
  ],
  defaultLanguage: 'en',
  choiceLists: { maturity_levels: LEVELS },
  leftOut: [],
};

/** Version 2025: the maturity matrix. */
export const selfAssessment2025: Questionnaire = {
  ...base,
  title: 'Integrity self-assessment',
  version: '2025',
  items: [matrix],
};

/** Version 2026: keeps every code of 2025 and adds the integrity strategy question. */
export const selfAssessment2026: Questionnaire = {
  ...base,
  title: 'Integrity self-assessment',
  version: '2026',
  previous: {
    version: '2025',
    keeps: [SELF_ASSESSMENT_MATRIX, SELF_ASSESSMENT_MATURITY, 'evidence', 'planned_actions'],
  },
  items: [strategy, matrix],
};
