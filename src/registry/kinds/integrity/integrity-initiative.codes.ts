import { defineCodeList } from '../../../contract/code-list-definition.ts';

/**
 * The code lists of integrity initiatives. The key factors are those of the WCO Revised Arusha
 * Declaration (Declaration of the Customs Co-operation Council concerning good governance and
 * integrity in Customs, 2003), numbered as the Declaration numbers them (`meta.number`).
 */
export const arushaFactor = defineCodeList({
  name: 'arusha_factor',
  label: {
    en: 'Key factor of the Revised Arusha Declaration',
    fr: 'Facteur clé de la Déclaration d’Arusha révisée',
    de: 'Schlüsselfaktor der überarbeiteten Erklärung von Arusha',
  },
  codes: [
    {
      code: 'leadership_commitment',
      labels: {
        en: 'Leadership and commitment',
        fr: 'Leadership et engagement',
        de: 'Führung und Engagement',
      },
      meta: { number: 1 },
    },
    {
      code: 'regulatory_framework',
      labels: { en: 'Regulatory framework', fr: 'Cadre réglementaire', de: 'Rechtsrahmen' },
      meta: { number: 2 },
    },
    {
      code: 'transparency',
      labels: { en: 'Transparency', fr: 'Transparence', de: 'Transparenz' },
      meta: { number: 3 },
    },
    {
      code: 'automation',
      labels: { en: 'Automation', fr: 'Automatisation', de: 'Automatisierung' },
      meta: { number: 4 },
    },
    {
      code: 'reform_modernisation',
      labels: {
        en: 'Reform and modernisation',
        fr: 'Réforme et modernisation',
        de: 'Reform und Modernisierung',
      },
      meta: { number: 5 },
    },
    {
      code: 'audit_investigation',
      labels: { en: 'Audit and investigation', fr: 'Audit et enquêtes', de: 'Prüfung und Ermittlung' },
      meta: { number: 6 },
    },
    {
      code: 'code_of_conduct',
      labels: { en: 'Code of conduct', fr: 'Code de conduite', de: 'Verhaltenskodex' },
      meta: { number: 7 },
    },
    {
      code: 'hr_management',
      labels: {
        en: 'Human resource management',
        fr: 'Gestion des ressources humaines',
        de: 'Personalmanagement',
      },
      meta: { number: 8 },
    },
    {
      code: 'morale_culture',
      labels: {
        en: 'Morale and organisational culture',
        fr: 'Moral et culture organisationnelle',
        de: 'Arbeitsmoral und Organisationskultur',
      },
      meta: { number: 9 },
    },
    {
      code: 'private_sector',
      labels: {
        en: 'Relationship with the private sector',
        fr: 'Relations avec le secteur privé',
        de: 'Beziehungen zur Privatwirtschaft',
      },
      meta: { number: 10 },
    },
  ],
});

export const initiativeType = defineCodeList({
  name: 'integrity_initiative_type',
  label: { en: 'Type of initiative', fr: 'Type d’initiative', de: 'Art der Initiative' },
  codes: [
    {
      code: 'anti_corruption',
      labels: {
        en: 'Anti-corruption measure',
        fr: 'Mesure de lutte contre la corruption',
        de: 'Maßnahme zur Korruptionsbekämpfung',
      },
    },
    {
      code: 'code_of_conduct',
      labels: { en: 'Code of conduct', fr: 'Code de conduite', de: 'Verhaltenskodex' },
    },
    {
      code: 'accountability_tool',
      labels: {
        en: 'Accountability tool',
        fr: 'Outil de redevabilité',
        de: 'Instrument der Rechenschaftspflicht',
      },
    },
    {
      code: 'hr_strategy',
      labels: {
        en: 'HR strategy (e.g. rotation, merit-based selection)',
        fr: 'Stratégie RH (p. ex. rotation, sélection au mérite)',
        de: 'Personalstrategie (z. B. Rotation, leistungsbasierte Auswahl)',
      },
    },
    { code: 'training', labels: { en: 'Training', fr: 'Formation', de: 'Schulung' } },
    { code: 'technology', labels: { en: 'Technology', fr: 'Technologie', de: 'Technologie' } },
    { code: 'other', labels: { en: 'Other', fr: 'Autre', de: 'Sonstige' } },
  ],
});

export const initiativeStage = defineCodeList({
  name: 'integrity_initiative_stage',
  label: { en: 'Status of initiative', fr: 'État de l’initiative', de: 'Stand der Initiative' },
  codes: [
    { code: 'planned', labels: { en: 'Planned', fr: 'Prévue', de: 'Geplant' } },
    { code: 'ongoing', labels: { en: 'Ongoing', fr: 'En cours', de: 'Laufend' } },
    { code: 'completed', labels: { en: 'Completed', fr: 'Achevée', de: 'Abgeschlossen' } },
    { code: 'discontinued', labels: { en: 'Discontinued', fr: 'Abandonnée', de: 'Eingestellt' } },
  ],
});
