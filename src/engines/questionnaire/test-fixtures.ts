// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
/** Tests only: a mapping questionnaire that uses every internal type. */
import type { Choice, Questionnaire } from './model.ts';

const t = (en: string, fr?: string, de?: string) => ({ en, ...(fr ? { fr } : {}), ...(de ? { de } : {}) });
const levels: Choice[] = [1, 2, 3, 4, 5].map((n) => ({
  name: String(n),
  label: t(['Initial', 'Developing', 'Defined', 'Managed', 'Optimised'][n - 1]!),
}));

export function mappingQuestionnaire(): Questionnaire {
  return {
    format: 'eucab-questionnaire',
    id: 'eucab_mapping',
    title: 'EUCAB capacity mapping',
    version: '2026.1',
    previous: { version: '2025.1', keeps: ['staff', 'integrity', 'initiatives'] },
    languages: [
      { code: 'en', name: 'English' },
      { code: 'fr', name: 'Français' },
      { code: 'de', name: 'Deutsch' },
    ],
    defaultLanguage: 'en',
    choiceLists: {
      maturity: levels,
      factors: [
        {
          name: 'leadership',
          label: t('Leadership', 'Direction'),
          binding: { list: 'arusha_factor', code: 'leadership_commitment' },
        },
        {
          name: 'regulatory',
          label: t('Regulatory framework'),
          binding: { list: 'arusha_factor', code: 'regulatory_framework' },
        },
        {
          name: 'transparency',
          label: t('Transparency'),
          binding: { list: 'arusha_factor', code: 'transparency' },
        },
      ],
      priority: [
        { name: 'high', label: t('High', 'Haute', 'Hoch') },
        { name: 'low', label: t('Low', 'Basse', 'Niedrig') },
      ],
      mode: [
        { name: 'classroom', label: t('Classroom') },
        { name: 'elearning', label: t('E-learning') },
      ],
      tools: [
        { name: 'xray', label: t('X-ray scanners') },
        { name: 'dogs', label: t('Detector dogs') },
        { name: 'lab', label: t('Laboratory') },
      ],
      region: [
        { name: 'north', label: t('North'), filters: { zone: 'land' } },
        { name: 'harbour', label: t('Harbour'), filters: { zone: 'sea' } },
      ],
      zone: [
        { name: 'land', label: t('Land border') },
        { name: 'sea', label: t('Sea border') },
      ],
    },
    items: [
      {
        type: 'group',
        code: 'general',
        label: t('General', 'Généralités', 'Allgemeines'),
        items: [
          { type: 'note', code: 'intro', label: t('Answer for your administration.') },
          {
            type: 'select_one',
            code: 'country',
            label: t('Administration', 'Administration', 'Verwaltung'),
            required: true,
            choices: { codeList: 'country' },
          },
          {
            type: 'integer',
            code: 'staff',
            label: t('Customs staff', 'Personnel douanier', 'Zollpersonal'),
            hint: t('Full-time equivalents'),
            required: true,
            requiredMessage: t('Give the staff number', 'Indiquez l’effectif', 'Personalzahl angeben'),
            constraint: '. >= 0 and . <= 200000',
            constraintMessage: t('Between 0 and 200 000', 'Entre 0 et 200 000', 'Zwischen 0 und 200 000'),
            binding: { list: 'indicator', code: 'STAFF' },
          },
          { type: 'decimal', code: 'budget', label: t('Budget (M€)'), constraint: '. > 0', default: '1.5' },
          {
            type: 'calculate',
            code: 'budget_per_staff',
            label: {},
            calculation: 'if(${staff} > 0, ${budget} * 1000000 div ${staff}, 0)',
          },
          {
            type: 'yes_no',
            code: 'has_strategy',
            label: t('Integrity strategy?', 'Stratégie d’intégrité ?', 'Integritätsstrategie?'),
          },
          {
            type: 'date',
            code: 'strategy_date',
            label: t('Adopted on'),
            relevant: "${has_strategy} = 'yes'",
            required: true,
            constraint: '. <= today()',
          },
          { type: 'time', code: 'office_opens', label: t('Office opens') },
          { type: 'datetime', code: 'last_audit', label: t('Last audit') },
          {
            type: 'select_multiple',
            code: 'tools',
            label: t('Tools used'),
            choices: { list: 'tools' },
            orOther: true,
            constraint: 'count-selected(.) <= 2',
          },
          { type: 'select_one', code: 'zone', label: t('Zone'), choices: { list: 'zone' } },
          {
            type: 'select_one',
            code: 'region',
            label: t('Region'),
            choices: { list: 'region' },
            choiceFilter: 'zone = ${zone}',
          },
          {
            type: 'scale',
            code: 'overall',
            label: t('Overall maturity'),
            min: 1,
            max: 5,
            step: 1,
            labels: 'maturity',
          },
          { type: 'scale', code: 'confidence', label: t('Confidence'), min: 0, max: 10, step: 2 },
          {
            type: 'text',
            code: 'contact',
            label: t('Contact e-mail'),
            constraint: "regex(., '^[^@ ]+@[^@ ]+$')",
            readOnly: true,
          },
          { type: 'multilingual_text', code: 'mission', label: t('Mission statement') },
          { type: 'file', code: 'organigram', label: t('Organigram'), media: 'file' },
          { type: 'file', code: 'hq_photo', label: t('Headquarters'), media: 'image' },
          { type: 'geopoint', code: 'hq_location', label: t('Headquarters location') },
        ],
      },
      {
        type: 'group',
        code: 'integrity_section',
        label: t('Integrity'),
        relevant: "${has_strategy} = 'yes'",
        items: [
          {
            type: 'matrix',
            code: 'integrity',
            label: t('Per integrity factor'),
            rows: { list: 'factors' },
            columns: [
              {
                type: 'scale',
                code: 'maturity',
                label: t('Maturity'),
                min: 1,
                max: 5,
                step: 1,
                labels: 'maturity',
                required: true,
              },
              { type: 'text', code: 'evidence', label: t('Evidence') },
              { type: 'yes_no', code: 'planned', label: t('Action planned') },
            ],
          },
        ],
      },
      {
        type: 'matrix',
        code: 'competencies',
        label: t('Per competency'),
        rows: { codeList: 'competency' },
        columns: [
          {
            type: 'scale',
            code: 'level_needed',
            label: t('Level needed'),
            min: 1,
            max: 5,
            step: 1,
            labels: 'maturity',
          },
          { type: 'integer', code: 'officers', label: t('Officers'), constraint: '. >= 0' },
          { type: 'select_one', code: 'priority', label: t('Priority'), choices: { list: 'priority' } },
          {
            type: 'select_multiple',
            code: 'language',
            label: t('Languages'),
            choices: { codeList: 'language' },
          },
          { type: 'select_one', code: 'mode', label: t('Mode'), choices: { list: 'mode' } },
        ],
      },
      {
        type: 'repeat',
        code: 'initiatives',
        label: t('Your initiatives', 'Vos initiatives'),
        minCount: 0,
        maxCount: 5,
        items: [
          { type: 'text', code: 'initiative_title', label: t('Title'), required: true },
          {
            type: 'select_one',
            code: 'initiative_factor',
            label: t('Factor'),
            choices: { codeList: 'arusha_factor' },
          },
          { type: 'decimal', code: 'initiative_budget', label: t('Budget (k€)'), constraint: '. >= 0' },
          {
            type: 'date',
            code: 'initiative_end',
            label: t('Ends'),
            relevant: "${initiative_title} != ''",
            constraint: "${strategy_date} = '' or . > ${strategy_date}",
            constraintMessage: t('After the strategy'),
          },
        ],
      },
    ],
    leftOut: [
      {
        sheet: 'survey',
        row: 40,
        code: 'route',
        reason: 'geotrace: lines and shapes are not supported (only geopoint)',
      },
    ],
  };
}
