import { defineKind } from '../../definition.ts';
import { arushaFactor, initiativeStage, initiativeType } from './integrity-initiative.codes.ts';

/**
 * A national initiative for integrity in customs (anti-corruption measure, code of conduct, HR
 * strategy …), classed by the key factors of the WCO Revised Arusha Declaration it addresses, with
 * its results and evidence. Documents are attached to the record (every record takes attachments);
 * `evidence` links to those published elsewhere.
 */
export const integrityInitiative = defineKind({
  name: 'integrity_initiative',
  label: { en: 'Integrity initiative', fr: 'Initiative en matière d’intégrité', de: 'Integritätsinitiative' },
  labelPlural: {
    en: 'Integrity initiatives',
    fr: 'Initiatives en matière d’intégrité',
    de: 'Integritätsinitiativen',
  },
  description: {
    en: 'National initiatives for integrity in customs — anti-corruption measures, codes of conduct, accountability tools, HR strategies, training — by the key factors of the WCO Revised Arusha Declaration, with their results and evidence.',
    fr: 'Initiatives nationales en faveur de l’intégrité dans les douanes — mesures de lutte contre la corruption, codes de conduite, outils de redevabilité, stratégies RH, formation — selon les facteurs clés de la Déclaration d’Arusha révisée de l’OMD, avec leurs résultats et leurs justificatifs.',
    de: 'Nationale Initiativen für Integrität im Zoll — Maßnahmen zur Korruptionsbekämpfung, Verhaltenskodizes, Instrumente der Rechenschaftspflicht, Personalstrategien, Schulungen — nach den Schlüsselfaktoren der überarbeiteten Erklärung von Arusha der WZO, mit ihren Ergebnissen und Nachweisen.',
  },
  area: 'resilience',
  network: 'resilience-integrity',
  codeLists: [arushaFactor, initiativeType, initiativeStage],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    summary: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      label: { en: 'Summary', fr: 'Résumé', de: 'Zusammenfassung' },
      required: true,
    },
    factors: {
      type: 'list',
      of: {
        type: 'code',
        codeList: 'arusha_factor',
        label: { en: 'Key factor', fr: 'Facteur clé', de: 'Schlüsselfaktor' },
      },
      maxItems: 10,
      required: true,
      label: { en: 'Arusha key factors', fr: 'Facteurs clés d’Arusha', de: 'Arusha-Schlüsselfaktoren' },
      help: {
        en: 'The key factors of the WCO Revised Arusha Declaration the initiative addresses (at least one).',
        fr: 'Les facteurs clés de la Déclaration d’Arusha révisée de l’OMD auxquels répond l’initiative (au moins un).',
        de: 'Die Schlüsselfaktoren der überarbeiteten Erklärung von Arusha der WZO, auf die die Initiative eingeht (mindestens einer).',
      },
    },
    type: {
      type: 'code',
      codeList: 'integrity_initiative_type',
      label: { en: 'Type', fr: 'Type', de: 'Art' },
      required: true,
    },
    // Not `status`: that name is the records' workflow status in list queries.
    stage: {
      type: 'code',
      codeList: 'integrity_initiative_stage',
      label: { en: 'Status', fr: 'État', de: 'Stand' },
      required: true,
    },
    start_date: { type: 'date', label: { en: 'Start', fr: 'Début', de: 'Beginn' }, required: true },
    end_date: { type: 'date', notBefore: 'start_date', label: { en: 'End', fr: 'Fin', de: 'Ende' } },
    results: {
      type: 'mltext',
      maxLength: 10_000,
      label: {
        en: 'Results and lessons learned',
        fr: 'Résultats et enseignements',
        de: 'Ergebnisse und Erkenntnisse',
      },
    },
    evidence: {
      type: 'list',
      of: { type: 'url', label: { en: 'Link', fr: 'Lien', de: 'Link' } },
      maxItems: 20,
      label: { en: 'Evidence (links)', fr: 'Justificatifs (liens)', de: 'Nachweise (Links)' },
      help: {
        en: 'Links to reports, evaluations or other documents; files can be attached to the record once it is saved.',
        fr: 'Liens vers des rapports, évaluations ou autres documents ; des fichiers peuvent être joints à la fiche une fois enregistrée.',
        de: 'Links zu Berichten, Evaluierungen oder anderen Dokumenten; Dateien können nach dem Speichern an den Eintrag angehängt werden.',
      },
    },
    contact: { type: 'text', maxLength: 300, label: { en: 'Contact', fr: 'Contact', de: 'Kontakt' } },
    // An initiative is its administration's: the country is the owner's (matrix and list agree).
    country: {
      type: 'country',
      label: { en: 'Country', fr: 'Pays', de: 'Land' },
      required: true,
      setBy: 'owner_country',
    },
  },
  example: (token) => ({
    title: `Initiative ${token}`,
    summary: 'Rotation of officers at border crossing points every three years, with merit-based selection.',
    factors: ['hr_management', 'code_of_conduct'],
    type: 'hr_strategy',
    stage: 'ongoing',
    start_date: '2025-01-01',
    end_date: '2027-12-31',
    results: { en: 'Rotation plan adopted for all land border offices.' },
  }),
  titleField: 'title',
  importKey: ['title'],
  searchable: ['title', 'summary', 'results'],
  listColumns: ['title', 'country', 'type', 'stage', 'factors', 'start_date'],
  filters: ['factors', 'type', 'stage', 'country'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [
    { type: 'list', label: { en: 'Initiatives', fr: 'Initiatives', de: 'Initiativen' } },
    {
      type: 'matrix',
      label: {
        en: 'Member State × key factor',
        fr: 'État membre × facteur clé',
        de: 'Mitgliedstaat × Schlüsselfaktor',
      },
      field: 'factors',
      measure: 'count',
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    integrity_initiative: true;
  }
}
