import { defineCodeList } from '../../../contract/code-list-definition.ts';

/**
 * The code lists of innovation initiatives. The technology readiness levels are those of the
 * Horizon Europe General Annexes (Annex B, "Technology readiness levels"), in the wording of the
 * annexes' English, French and German versions; `meta.level` is the number, `meta.band` the band
 * "who else works on this" compares (1–3 research, 4–6 development, 7–9 deployment).
 */
export const innovationDomain = defineCodeList({
  name: 'innovation_domain',
  label: { en: 'Innovation domain', fr: 'Domaine d’innovation', de: 'Innovationsbereich' },
  codes: [
    {
      code: 'ai_image_recognition',
      labels: {
        en: 'AI-based image recognition',
        fr: 'Reconnaissance d’images par l’IA',
        de: 'KI-gestützte Bilderkennung',
      },
    },
    {
      code: 'smart_seals',
      labels: {
        en: 'Smart seals and container security devices',
        fr: 'Scellés intelligents et dispositifs de sécurité des conteneurs',
        de: 'Intelligente Plomben und Containersicherungsgeräte',
      },
    },
    {
      code: 'non_intrusive_inspection',
      labels: {
        en: 'Non-intrusive inspection',
        fr: 'Inspection non intrusive',
        de: 'Nicht-intrusive Kontrolle',
      },
    },
    {
      code: 'mobile_apps',
      labels: { en: 'Mobile apps', fr: 'Applications mobiles', de: 'Mobile Anwendungen' },
    },
    {
      code: 'data_analytics_risk',
      labels: {
        en: 'Data analytics and AI for risk',
        fr: 'Analyse de données et IA pour le risque',
        de: 'Datenanalyse und KI für das Risikomanagement',
      },
    },
    {
      code: 'drones_robotics',
      labels: { en: 'Drones and robotics', fr: 'Drones et robotique', de: 'Drohnen und Robotik' },
    },
    {
      code: 'detection_technology',
      labels: {
        en: 'Detection technology',
        fr: 'Technologies de détection',
        de: 'Detektionstechnik',
      },
    },
    {
      code: 'blockchain_edocuments',
      labels: {
        en: 'Blockchain and e-documents',
        fr: 'Chaîne de blocs et documents électroniques',
        de: 'Blockchain und elektronische Dokumente',
      },
    },
    { code: 'other', labels: { en: 'Other', fr: 'Autre', de: 'Sonstiges' } },
  ],
});

const band = (level: number) => (level <= 3 ? 'research' : level <= 6 ? 'development' : 'deployment');
const trl = (level: number, en: string, fr: string, de: string) => ({
  code: `trl_${level}`,
  labels: { en: `TRL ${level} – ${en}`, fr: `NMT ${level} – ${fr}`, de: `TRL ${level} – ${de}` },
  meta: { level, band: band(level) },
});

export const technologyReadinessLevel = defineCodeList({
  name: 'technology_readiness_level',
  label: {
    en: 'Technology readiness level (Horizon Europe)',
    fr: 'Niveau de maturité technologique (Horizon Europe)',
    de: 'Technologie-Reifegrad (Horizon Europa)',
  },
  codes: [
    trl(
      1,
      'basic principles observed',
      'principes de base observés',
      'Beobachtung der grundlegenden Prinzipien',
    ),
    trl(
      2,
      'technology concept formulated',
      'formulation du concept technologique',
      'Formulierung des Technologiekonzepts',
    ),
    trl(
      3,
      'experimental proof of concept',
      'preuve expérimentale du concept',
      'experimenteller Nachweis des Konzepts',
    ),
    trl(
      4,
      'technology validated in lab',
      'validation de la technologie en laboratoire',
      'Validierung der Technologie im Labor',
    ),
    trl(
      5,
      'technology validated in relevant environment',
      'validation de la technologie dans un environnement pertinent',
      'Validierung der Technologie in einer relevanten Umgebung',
    ),
    trl(
      6,
      'technology demonstrated in relevant environment',
      'démonstration de la technologie dans un environnement pertinent',
      'Demonstration der Technologie in einer relevanten Umgebung',
    ),
    trl(
      7,
      'system prototype demonstration in operational environment',
      'démonstration d’un prototype de système dans un environnement opérationnel',
      'Demonstration eines Systemprototyps in einer Einsatzumgebung',
    ),
    trl(
      8,
      'system complete and qualified',
      'système complet et qualifié',
      'System vollständig und qualifiziert',
    ),
    trl(
      9,
      'actual system proven in operational environment',
      'système réel prouvé dans un environnement opérationnel',
      'Tatsächliches System hat sich in einer Einsatzumgebung bewährt',
    ),
  ],
});

export const innovationStage = defineCodeList({
  name: 'innovation_stage',
  label: { en: 'Status of initiative', fr: 'État de l’initiative', de: 'Stand der Initiative' },
  codes: [
    { code: 'idea', labels: { en: 'Idea', fr: 'Idée', de: 'Idee' } },
    { code: 'planned', labels: { en: 'Planned', fr: 'Prévue', de: 'Geplant' } },
    { code: 'ongoing', labels: { en: 'Ongoing', fr: 'En cours', de: 'Laufend' } },
    { code: 'pilot', labels: { en: 'Pilot', fr: 'Projet pilote', de: 'Pilotbetrieb' } },
    { code: 'deployed', labels: { en: 'Deployed', fr: 'Déployée', de: 'Im Einsatz' } },
    { code: 'completed', labels: { en: 'Completed', fr: 'Achevée', de: 'Abgeschlossen' } },
    { code: 'discontinued', labels: { en: 'Discontinued', fr: 'Abandonnée', de: 'Eingestellt' } },
  ],
});

export const fundingSource = defineCodeList({
  name: 'innovation_funding_source',
  label: { en: 'Funding source', fr: 'Source de financement', de: 'Finanzierungsquelle' },
  codes: [
    {
      code: 'ccei',
      labels: {
        en: 'Customs Control Equipment Instrument (CCEI)',
        fr: 'Instrument relatif aux équipements de contrôle douanier (CCEI)',
        de: 'Instrument für Zollkontrollausrüstung (CCEI)',
      },
    },
    { code: 'horizon_europe', labels: { en: 'Horizon Europe', fr: 'Horizon Europe', de: 'Horizont Europa' } },
    {
      code: 'customs_programme',
      labels: { en: 'Customs programme', fr: 'Programme «Douane»', de: 'Programm „Zoll“' },
    },
    {
      code: 'isf',
      labels: {
        en: 'Internal Security Fund',
        fr: 'Fonds pour la sécurité intérieure',
        de: 'Fonds für die innere Sicherheit',
      },
    },
    { code: 'national', labels: { en: 'National budget', fr: 'Budget national', de: 'Nationaler Haushalt' } },
    { code: 'other', labels: { en: 'Other', fr: 'Autre', de: 'Sonstige' } },
  ],
});

/** What an initiative uses or builds: the codes "who else works on this" compares beside the domain. */
export const innovationTechnology = defineCodeList({
  name: 'innovation_technology',
  label: { en: 'Technology', fr: 'Technologie', de: 'Technologie' },
  codes: [
    { code: 'xray', labels: { en: 'X-ray imaging', fr: 'Imagerie par rayons X', de: 'Röntgenbildgebung' } },
    {
      code: 'machine_learning',
      labels: { en: 'Machine learning', fr: 'Apprentissage automatique', de: 'Maschinelles Lernen' },
    },
    {
      code: 'computer_vision',
      labels: { en: 'Computer vision', fr: 'Vision par ordinateur', de: 'Maschinelles Sehen' },
    },
    { code: 'rfid', labels: { en: 'RFID', fr: 'RFID', de: 'RFID' } },
    {
      code: 'gnss_tracking',
      labels: { en: 'GNSS tracking', fr: 'Géolocalisation GNSS', de: 'GNSS-Ortung' },
    },
    {
      code: 'radiation_detection',
      labels: {
        en: 'Radiation detection',
        fr: 'Détection des rayonnements',
        de: 'Strahlungsdetektion',
      },
    },
    {
      code: 'trace_detection',
      labels: {
        en: 'Trace and vapour detection',
        fr: 'Détection de traces et de vapeurs',
        de: 'Spuren- und Dampfdetektion',
      },
    },
    {
      code: 'spectroscopy',
      labels: { en: 'Spectroscopy', fr: 'Spectroscopie', de: 'Spektroskopie' },
    },
    {
      code: 'ocr_anpr',
      labels: {
        en: 'OCR / number plate reading',
        fr: 'OCR / lecture de plaques',
        de: 'OCR / Kennzeichenerkennung',
      },
    },
    {
      code: 'blockchain',
      labels: { en: 'Distributed ledger', fr: 'Registre distribué', de: 'Verteiltes Register' },
    },
    {
      code: 'mobile',
      labels: { en: 'Smartphone or tablet', fr: 'Smartphone ou tablette', de: 'Smartphone oder Tablet' },
    },
    {
      code: 'uav',
      labels: { en: 'Unmanned aerial vehicle', fr: 'Aéronef sans équipage', de: 'Unbemanntes Luftfahrzeug' },
    },
    { code: 'robotics', labels: { en: 'Robotics', fr: 'Robotique', de: 'Robotik' } },
    { code: 'iot_sensors', labels: { en: 'IoT sensors', fr: 'Capteurs IoT', de: 'IoT-Sensoren' } },
    {
      code: 'nlp',
      labels: { en: 'Language processing', fr: 'Traitement du langage', de: 'Sprachverarbeitung' },
    },
  ],
});

export const partnerType = defineCodeList({
  name: 'innovation_partner_type',
  label: { en: 'Type of partner', fr: 'Type de partenaire', de: 'Art des Partners' },
  codes: [
    { code: 'administration', labels: { en: 'Administration', fr: 'Administration', de: 'Verwaltung' } },
    {
      code: 'research',
      labels: { en: 'Research body', fr: 'Organisme de recherche', de: 'Forschungseinrichtung' },
    },
    { code: 'company', labels: { en: 'Company', fr: 'Entreprise', de: 'Unternehmen' } },
    { code: 'eu_body', labels: { en: 'EU body', fr: 'Organe de l’UE', de: 'EU-Einrichtung' } },
  ],
});
