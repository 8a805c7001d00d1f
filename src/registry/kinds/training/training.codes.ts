import { defineCodeList } from '../../../contract/code-list-definition.ts';
import { EU_LANGUAGES } from '../../../contract/languages.ts';

/**
 * The code lists of the training area. `competency` is a starter list after the EU Customs
 * Competency Framework (CustCompEU): its four groups (`meta.group`: core values, professional,
 * operational, management) and the public operational competencies. The official dictionary is
 * not available offline; administrators extend the list (code-list-routes.ts) — codes are stable,
 * labels may be reworded. `proficiency_level` holds the framework's four levels in order
 * (`meta.rank`: 1 aware … 4 expert).
 */
type Words = readonly [code: string, en: string, fr: string, de: string];

const group = (name: 'core_values' | 'professional' | 'operational' | 'management', words: Words[]) =>
  words.map(([code, en, fr, de]) => ({ code, labels: { en, fr, de }, meta: { group: name } }));

export const COMPETENCY_GROUPS = ['core_values', 'professional', 'operational', 'management'] as const;

export const competency = defineCodeList({
  name: 'competency',
  label: { en: 'Competency (CustCompEU)', fr: 'Compétence (CustCompEU)', de: 'Kompetenz (CustCompEU)' },
  codes: [
    ...group('core_values', [
      ['integrity_ethics', 'Integrity and ethics', 'Intégrité et éthique', 'Integrität und Ethik'],
      ['accountability', 'Accountability', 'Redevabilité', 'Rechenschaftspflicht'],
      [
        'service_orientation',
        'Service orientation',
        'Orientation vers le service',
        'Dienstleistungsorientierung',
      ],
    ]),
    ...group('professional', [
      ['communication', 'Communication', 'Communication', 'Kommunikation'],
      [
        'teamwork',
        'Teamwork and cooperation',
        'Travail en équipe et coopération',
        'Teamarbeit und Zusammenarbeit',
      ],
      ['analytical_thinking', 'Analytical thinking', 'Pensée analytique', 'Analytisches Denken'],
      [
        'intercultural',
        'Languages and intercultural skills',
        'Langues et compétences interculturelles',
        'Sprachen und interkulturelle Kompetenz',
      ],
    ]),
    ...group('operational', [
      [
        'customs_business',
        'Customs business understanding',
        'Compréhension des activités douanières',
        'Verständnis des Zollgeschäfts',
      ],
      [
        'tariff_classification',
        'Tariff and classification',
        'Tarif et classement',
        'Zolltarif und Einreihung',
      ],
      ['valuation', 'Customs valuation', 'Valeur en douane', 'Zollwert'],
      ['origin', 'Origin of goods', 'Origine des marchandises', 'Warenursprung'],
      [
        'prohibitions_restrictions',
        'Prohibitions and restrictions',
        'Interdictions et restrictions',
        'Verbote und Beschränkungen',
      ],
      ['risk_analysis', 'Risk analysis', 'Analyse de risque', 'Risikoanalyse'],
      [
        'supply_chain',
        'Supply chain operations',
        'Opérations de la chaîne logistique',
        'Abläufe der Lieferkette',
      ],
      ['customs_procedures', 'Customs procedures', 'Procédures douanières', 'Zollverfahren'],
      ['excise', 'Excise', 'Accises', 'Verbrauchsteuern'],
      ['controls_audit', 'Controls and audit', 'Contrôles et audit', 'Kontrollen und Prüfung'],
      ['investigation', 'Investigation', 'Enquêtes', 'Ermittlungen'],
      [
        'nii_detection',
        'Non-intrusive inspection and detection',
        'Inspection non intrusive et détection',
        'Zerstörungsfreie Kontrolle und Detektion',
      ],
      ['it_systems', 'Customs IT systems', 'Systèmes informatiques douaniers', 'IT-Systeme des Zolls'],
      [
        'ipr_enforcement',
        'Enforcement of intellectual property rights',
        'Protection des droits de propriété intellectuelle',
        'Durchsetzung der Rechte des geistigen Eigentums',
      ],
      ['detector_dogs', 'Detector dog handling', 'Maîtrise des chiens détecteurs', 'Führen von Spürhunden'],
      [
        'e_commerce',
        'E-commerce controls',
        'Contrôles du commerce électronique',
        'Kontrollen des elektronischen Handels',
      ],
      ['safety_security', 'Safety and security', 'Sûreté et sécurité', 'Sicherheit und Gefahrenabwehr'],
    ]),
    ...group('management', [
      ['leadership', 'Leadership', 'Leadership', 'Führung'],
      ['strategic_planning', 'Strategic planning', 'Planification stratégique', 'Strategische Planung'],
      ['people_management', 'People management', 'Gestion des personnes', 'Personalführung'],
      ['change_management', 'Change management', 'Conduite du changement', 'Veränderungsmanagement'],
      ['project_management', 'Project management', 'Gestion de projet', 'Projektmanagement'],
    ]),
  ],
});

export const proficiencyLevel = defineCodeList({
  name: 'proficiency_level',
  label: { en: 'Proficiency level', fr: 'Niveau de maîtrise', de: 'Kompetenzstufe' },
  codes: [
    { code: 'aware', labels: { en: 'Aware', fr: 'Sensibilisé', de: 'Bewusst' }, meta: { rank: 1 } },
    { code: 'trained', labels: { en: 'Trained', fr: 'Formé', de: 'Geschult' }, meta: { rank: 2 } },
    { code: 'advanced', labels: { en: 'Advanced', fr: 'Avancé', de: 'Fortgeschritten' }, meta: { rank: 3 } },
    { code: 'expert', labels: { en: 'Expert', fr: 'Expert', de: 'Experte' }, meta: { rank: 4 } },
  ],
});

export const trainingMode = defineCodeList({
  name: 'training_mode',
  label: { en: 'Training mode', fr: 'Modalité de formation', de: 'Schulungsform' },
  codes: [
    { code: 'classroom', labels: { en: 'Classroom', fr: 'Présentiel', de: 'Präsenz' } },
    { code: 'e_learning', labels: { en: 'E-learning', fr: 'Apprentissage en ligne', de: 'E-Learning' } },
    { code: 'blended', labels: { en: 'Blended', fr: 'Mixte', de: 'Blended Learning' } },
    {
      code: 'on_the_job',
      labels: { en: 'On the job', fr: 'En situation de travail', de: 'Am Arbeitsplatz' },
    },
  ],
});

export const facilityCapability = defineCodeList({
  name: 'facility_capability',
  label: { en: 'Facility capability', fr: 'Capacité de l’installation', de: 'Ausstattung der Einrichtung' },
  codes: [
    {
      code: 'xray_rig',
      labels: {
        en: 'X-ray training rig',
        fr: 'Banc de formation à la radioscopie',
        de: 'Röntgen-Schulungsanlage',
      },
    },
    {
      code: 'k9_school',
      labels: { en: 'Detector dog (K9) school', fr: 'École cynophile', de: 'Diensthundeschule' },
    },
    { code: 'shooting_range', labels: { en: 'Shooting range', fr: 'Stand de tir', de: 'Schießstand' } },
    { code: 'laboratory', labels: { en: 'Laboratory', fr: 'Laboratoire', de: 'Labor' } },
    { code: 'classroom', labels: { en: 'Classroom', fr: 'Salle de cours', de: 'Schulungsraum' } },
    { code: 'simulator', labels: { en: 'Simulator', fr: 'Simulateur', de: 'Simulator' } },
    {
      code: 'container_yard',
      labels: {
        en: 'Container search yard',
        fr: 'Aire de fouille de conteneurs',
        de: 'Containerprüfgelände',
      },
    },
    {
      code: 'vehicle_search',
      labels: { en: 'Vehicle search bay', fr: 'Aire de fouille de véhicules', de: 'Fahrzeugkontrollplatz' },
    },
    {
      code: 'it_lab',
      labels: { en: 'IT training room', fr: 'Salle de formation informatique', de: 'IT-Schulungsraum' },
    },
    { code: 'accommodation', labels: { en: 'Accommodation', fr: 'Hébergement', de: 'Unterkunft' } },
  ],
});

/** The official languages of the EU by their ISO 639-1 codes, named by the platform's Intl data in en, fr and de. */
const languageName = (code: string, lang: 'en' | 'fr' | 'de') => {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
};

export const euLanguage = defineCodeList({
  name: 'eu_language',
  label: { en: 'EU language', fr: 'Langue de l’UE', de: 'EU-Sprache' },
  codes: EU_LANGUAGES.map((code) => ({
    code,
    labels: { en: languageName(code, 'en'), fr: languageName(code, 'fr'), de: languageName(code, 'de') },
  })),
});
