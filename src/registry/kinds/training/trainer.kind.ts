import { defineKind } from '../../definition.ts';
import { competency, euLanguage } from './training.codes.ts';

/**
 * A trainer: a person, so personal data (`personalData`): held with their recorded consent (or
 * kept by the trainer as a user, `person_user`); read by signed-in users of the national
 * administrations and EUCAB bodies only — never public, never by the Commission's observers, never
 * in bulk exports, feeds, digests or API-key reads unless the trainer opted in (`open_consent`);
 * the trainer reads the record and withdraws their consent. The rule is the policy's
 * (src/access/personal-data-policy.ts).
 */
export const trainer = defineKind({
  name: 'trainer',
  label: { en: 'Trainer', fr: 'Formateur', de: 'Trainer/in' },
  labelPlural: { en: 'Trainers', fr: 'Formateurs', de: 'Trainer/innen' },
  description: {
    en: 'Trainers the administrations can send: competencies, languages, train-the-trainer certification and availability. Personal data, held with the trainer’s consent and read only by signed-in users of the administrations and EUCAB bodies.',
    fr: 'Formateurs que les administrations peuvent mettre à disposition : compétences, langues, certification de formateur de formateurs et disponibilité. Données personnelles, détenues avec le consentement du formateur et lues uniquement par les utilisateurs connectés des administrations et des organes de l’EUCAB.',
    de: 'Trainer/innen, die die Verwaltungen entsenden können: Kompetenzen, Sprachen, Train-the-Trainer-Zertifizierung und Verfügbarkeit. Personenbezogene Daten, mit Einwilligung der Person gespeichert und nur von angemeldeten Nutzenden der Verwaltungen und der EUCAB-Gremien gelesen.',
  },
  formHint: {
    en: 'A trainer is a person: record them only with their consent (date below), and link their user account if they have one, so that they can see the record and withdraw their consent.',
    fr: 'Un formateur est une personne : ne l’enregistrez qu’avec son consentement (date ci-dessous) et liez son compte utilisateur s’il en a un, afin qu’il puisse voir la fiche et retirer son consentement.',
    de: 'Ein/e Trainer/in ist eine Person: nur mit Einwilligung erfassen (Datum unten) und das Benutzerkonto verknüpfen, falls vorhanden, damit die Person den Eintrag sieht und ihre Einwilligung widerrufen kann.',
  },
  area: 'training',
  network: 'training',
  personalData: true,
  codeLists: [competency, euLanguage],
  fields: {
    name: { type: 'text', label: { en: 'Name', fr: 'Nom', de: 'Name' }, required: true, maxLength: 200 },
    competencies: {
      type: 'list',
      of: {
        type: 'code',
        codeList: 'competency',
        label: { en: 'Competency', fr: 'Compétence', de: 'Kompetenz' },
      },
      maxItems: 20,
      required: true,
      label: { en: 'Competencies', fr: 'Compétences', de: 'Kompetenzen' },
    },
    languages: {
      type: 'list',
      of: { type: 'code', codeList: 'eu_language', label: { en: 'Language', fr: 'Langue', de: 'Sprache' } },
      maxItems: 24,
      required: true,
      label: { en: 'Training languages', fr: 'Langues de formation', de: 'Schulungssprachen' },
    },
    ttt_certified: {
      type: 'boolean',
      label: {
        en: 'Train-the-trainer certified',
        fr: 'Certifié formateur de formateurs',
        de: 'Train-the-Trainer-zertifiziert',
      },
    },
    availability: {
      type: 'text',
      multiline: true,
      maxLength: 2000,
      label: { en: 'Availability', fr: 'Disponibilité', de: 'Verfügbarkeit' },
      help: {
        en: 'When the trainer can teach, e.g. “Q2 and Q4 2027, up to 10 days per quarter”.',
        fr: 'Quand le formateur peut enseigner, p. ex. « T2 et T4 2027, jusqu’à 10 jours par trimestre ».',
        de: 'Wann die Person unterrichten kann, z. B. „Q2 und Q4 2027, bis zu 10 Tage je Quartal“.',
      },
    },
    consent_date: {
      type: 'date',
      required: true,
      label: { en: 'Consent recorded on', fr: 'Consentement recueilli le', de: 'Einwilligung erfasst am' },
    },
    person_user: {
      type: 'user',
      label: {
        en: 'The trainer’s user account',
        fr: 'Compte utilisateur du formateur',
        de: 'Benutzerkonto der Person',
      },
      help: {
        en: 'If the trainer uses the platform: they then see this record and can withdraw their consent.',
        fr: 'Si le formateur utilise la plateforme : il voit alors cette fiche et peut retirer son consentement.',
        de: 'Wenn die Person die Plattform nutzt: Sie sieht dann diesen Eintrag und kann ihre Einwilligung widerrufen.',
      },
    },
    open_consent: {
      type: 'boolean',
      label: {
        en: 'The trainer agrees to appear in exports, feeds, digests and API reads',
        fr: 'Le formateur accepte de figurer dans les exports, flux, récapitulatifs et lectures par API',
        de: 'Die Person willigt ein, in Exporten, Feeds, Zusammenfassungen und API-Abrufen zu erscheinen',
      },
    },
  },
  example: (token) => ({
    name: `Trainer ${token}`,
    competencies: ['nii_detection'],
    languages: ['en', 'de'],
    ttt_certified: true,
    availability: 'Q2 and Q4, up to 10 days per quarter.',
    consent_date: '2026-01-15',
  }),
  titleField: 'name',
  importKey: ['name'],
  searchable: ['name'],
  listColumns: ['name', 'competencies', 'languages', 'ttt_certified'],
  filters: ['competencies', 'languages', 'ttt_certified'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: { en: 'Trainers', fr: 'Formateurs', de: 'Trainer/innen' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    trainer: true;
  }
}
