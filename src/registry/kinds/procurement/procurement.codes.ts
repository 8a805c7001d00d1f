import { defineCodeList } from '../../../contract/code-list-definition.ts';

/**
 * The procurement taxonomy (version 1), shared by the procurement kinds: each definition lists the
 * ones its fields use (`codeLists`). Labels in English, French and German; administrators extend
 * the lists on the platform (new codes, relabelling, retiring).
 */
const l = (en: string, fr: string, de: string) => ({ en, fr, de });

export const controlPurpose = defineCodeList({
  name: 'control_purpose',
  label: l('Control purpose', 'Finalité du contrôle', 'Kontrollzweck'),
  codes: [
    {
      code: 'nii',
      labels: l('Non-intrusive inspection', 'Inspection non intrusive', 'Nicht-intrusive Kontrolle'),
    },
    {
      code: 'person_detection',
      labels: l('Detection on persons', 'Détection sur les personnes', 'Detektion an Personen'),
    },
    {
      code: 'radiation',
      labels: l(
        'Radiation detection and nuclide identification',
        'Détection des rayonnements et identification des nucléides',
        'Strahlungsdetektion und Nuklididentifikation',
      ),
    },
    { code: 'laboratory', labels: l('Laboratory analysis', 'Analyse de laboratoire', 'Laboranalyse') },
    {
      code: 'field_sampling',
      labels: l(
        'Field sampling and analysis',
        'Prélèvement et analyse sur le terrain',
        'Probenahme und Analyse vor Ort',
      ),
    },
    {
      code: 'handheld_search',
      labels: l('Handheld search', 'Fouille avec appareils portatifs', 'Handgeführte Durchsuchung'),
    },
    { code: 'surveillance', labels: l('Surveillance', 'Surveillance', 'Überwachung') },
    { code: 'field_it', labels: l('Field IT', 'Informatique de terrain', 'Feld-IT') },
  ],
});

export const equipmentTechnology = defineCodeList({
  name: 'equipment_technology',
  label: l('Technology', 'Technologie', 'Technologie'),
  codes: [
    { code: 'xray_high', labels: l('High-energy X-ray', 'Rayons X haute énergie', 'Hochenergie-Röntgen') },
    { code: 'xray_low', labels: l('Low-energy X-ray', 'Rayons X basse énergie', 'Niederenergie-Röntgen') },
    { code: 'backscatter', labels: l('Backscatter X-ray', 'Rayons X rétrodiffusés', 'Rückstreu-Röntgen') },
    { code: 'ct', labels: l('Computed tomography', 'Tomodensitométrie', 'Computertomographie') },
    { code: 'gamma', labels: l('Gamma imaging', 'Imagerie gamma', 'Gamma-Bildgebung') },
    { code: 'neutron', labels: l('Neutron', 'Neutrons', 'Neutronen') },
    {
      code: 'rpm',
      labels: l(
        'Radiation portal monitor',
        'Portique de détection des rayonnements',
        'Strahlungsportalmonitor',
      ),
    },
    {
      code: 'riid',
      labels: l('Radionuclide identifier', 'Identificateur de radionucléides', 'Radionuklid-Identifikator'),
    },
    { code: 'trace', labels: l('Trace detector', 'Détecteur de traces', 'Spurendetektor') },
    { code: 'k9', labels: l('Canine team', 'Équipe cynophile', 'Diensthundeteam') },
    { code: 'drone_aerial', labels: l('Aerial drone', 'Drone aérien', 'Luftdrohne') },
    { code: 'drone_underwater', labels: l('Underwater drone', 'Drone sous-marin', 'Unterwasserdrohne') },
    { code: 'cctv', labels: l('CCTV', 'Vidéosurveillance', 'Videoüberwachung') },
    { code: 'anpr', labels: l('Number-plate recognition', 'Lecture des plaques', 'Kennzeichenerkennung') },
    {
      code: 'rugged_device',
      labels: l('Rugged mobile device', 'Terminal mobile durci', 'Robustes Mobilgerät'),
    },
    {
      code: 'spectrometer',
      labels: l('Spectrometer (Raman, FTIR)', 'Spectromètre (Raman, FTIR)', 'Spektrometer (Raman, FTIR)'),
    },
    {
      code: 'endoscope',
      labels: l('Endoscope / fibrescope', 'Endoscope / fibroscope', 'Endoskop / Fiberskop'),
    },
    { code: 'density_meter', labels: l('Density meter', 'Densimètre', 'Dichtemessgerät') },
  ],
});

export const deployment = defineCodeList({
  name: 'deployment',
  label: l('Deployment', 'Déploiement', 'Einsatzform'),
  codes: [
    { code: 'fixed', labels: l('Fixed', 'Fixe', 'Stationär') },
    { code: 'relocatable', labels: l('Relocatable', 'Relocalisable', 'Umsetzbar') },
    { code: 'mobile', labels: l('Mobile', 'Mobile', 'Mobil') },
    { code: 'portable', labels: l('Portable', 'Portatif', 'Tragbar') },
  ],
});

export const borderType = defineCodeList({
  name: 'border_type',
  label: l('Border type', 'Type de frontière', 'Grenzart'),
  codes: [
    { code: 'sea', labels: l('Sea', 'Maritime', 'See') },
    { code: 'land', labels: l('Land', 'Terrestre', 'Land') },
    { code: 'air', labels: l('Air', 'Aérienne', 'Luft') },
    { code: 'postal', labels: l('Postal', 'Postale', 'Post') },
    { code: 'rail', labels: l('Rail', 'Ferroviaire', 'Schiene') },
  ],
});

export const satisfaction = defineCodeList({
  name: 'satisfaction',
  label: l('Satisfaction', 'Satisfaction', 'Zufriedenheit'),
  codes: [
    { code: '1', labels: l('1 – very poor', '1 – très insuffisant', '1 – sehr schlecht') },
    { code: '2', labels: l('2 – poor', '2 – insuffisant', '2 – schlecht') },
    { code: '3', labels: l('3 – adequate', '3 – correct', '3 – ausreichend') },
    { code: '4', labels: l('4 – good', '4 – bon', '4 – gut') },
    { code: '5', labels: l('5 – very good', '5 – très bon', '5 – sehr gut') },
  ],
});

export const maintenanceArrangement = defineCodeList({
  name: 'maintenance_arrangement',
  label: l('Maintenance arrangement', 'Modalité de maintenance', 'Wartungsregelung'),
  codes: [
    { code: 'in_house', labels: l('In-house', 'En interne', 'Eigenwartung') },
    { code: 'manufacturer', labels: l('Manufacturer contract', 'Contrat fabricant', 'Herstellervertrag') },
    { code: 'third_party', labels: l('Third-party contract', 'Contrat tiers', 'Drittanbietervertrag') },
    { code: 'none', labels: l('None', 'Aucune', 'Keine') },
  ],
});

export const requirementKind = defineCodeList({
  name: 'requirement_kind',
  label: l('Requirement kind', 'Type d’exigence', 'Anforderungsart'),
  codes: [
    { code: 'performance', labels: l('Performance', 'Performance', 'Leistung') },
    {
      code: 'officer_safety',
      labels: l('Officer safety', 'Sécurité des agents', 'Sicherheit der Bediensteten'),
    },
    { code: 'maintenance', labels: l('Maintenance', 'Maintenance', 'Wartung') },
    { code: 'data', labels: l('Data', 'Données', 'Daten') },
  ],
});

export const comparison = defineCodeList({
  name: 'comparison',
  label: l('Comparison', 'Comparaison', 'Vergleich'),
  codes: [
    { code: 'min', labels: l('at least', 'au moins', 'mindestens') },
    { code: 'max', labels: l('at most', 'au plus', 'höchstens') },
  ],
});

export const procedureType = defineCodeList({
  name: 'procedure_type',
  label: l('Procedure type', 'Type de procédure', 'Verfahrensart'),
  codes: [
    { code: 'open', labels: l('Open', 'Ouverte', 'Offenes Verfahren') },
    { code: 'restricted', labels: l('Restricted', 'Restreinte', 'Nichtoffenes Verfahren') },
    {
      code: 'competitive_dialogue',
      labels: l('Competitive dialogue', 'Dialogue compétitif', 'Wettbewerblicher Dialog'),
    },
    { code: 'negotiated', labels: l('Negotiated', 'Négociée', 'Verhandlungsverfahren') },
    { code: 'framework', labels: l('Framework agreement', 'Accord-cadre', 'Rahmenvereinbarung') },
    { code: 'joint', labels: l('Joint procurement', 'Marché conjoint', 'Gemeinsame Beschaffung') },
  ],
});

export const tenderStatus = defineCodeList({
  name: 'tender_status',
  label: l('Tender status', 'Statut du marché', 'Ausschreibungsstatus'),
  codes: [
    { code: 'planned', labels: l('Planned', 'Prévu', 'Geplant') },
    { code: 'open', labels: l('Open', 'Ouvert', 'Offen') },
    { code: 'evaluation', labels: l('In evaluation', 'En évaluation', 'In Bewertung') },
    { code: 'awarded', labels: l('Awarded', 'Attribué', 'Vergeben') },
    { code: 'cancelled', labels: l('Cancelled', 'Annulé', 'Aufgehoben') },
  ],
});

export const testOutcome = defineCodeList({
  name: 'test_outcome',
  label: l('Outcome', 'Résultat', 'Ergebnis'),
  codes: [
    { code: 'passed', labels: l('Passed', 'Réussi', 'Bestanden') },
    {
      code: 'passed_with_reservations',
      labels: l('Passed with reservations', 'Réussi avec réserves', 'Mit Vorbehalten bestanden'),
    },
    { code: 'failed', labels: l('Failed', 'Échoué', 'Nicht bestanden') },
    { code: 'inconclusive', labels: l('Inconclusive', 'Non concluant', 'Nicht eindeutig') },
  ],
});

export const equipmentMetric = defineCodeList({
  name: 'equipment_metric',
  label: l('Metric', 'Mesure', 'Messgröße'),
  codes: [
    {
      code: 'penetration_steel',
      labels: l('Steel penetration', 'Pénétration acier', 'Stahldurchdringung'),
    },
    { code: 'wire_resolution', labels: l('Wire resolution', 'Résolution de fil', 'Drahtauflösung') },
    { code: 'throughput', labels: l('Throughput', 'Débit', 'Durchsatz') },
    { code: 'scan_speed', labels: l('Scan speed', 'Vitesse de balayage', 'Scangeschwindigkeit') },
    { code: 'dose_per_scan', labels: l('Dose per scan', 'Dose par balayage', 'Dosis pro Scan') },
    {
      code: 'dose_rate_boundary',
      labels: l(
        'Dose rate at the exclusion boundary',
        'Débit de dose à la limite d’exclusion',
        'Dosisleistung an der Sperrgrenze',
      ),
    },
    { code: 'energy', labels: l('Source energy', 'Énergie de la source', 'Quellenenergie') },
    { code: 'detection_rate', labels: l('Detection rate', 'Taux de détection', 'Detektionsrate') },
    { code: 'false_alarm_rate', labels: l('False alarm rate', 'Taux de fausses alarmes', 'Fehlalarmrate') },
    { code: 'flight_time', labels: l('Flight time', 'Autonomie de vol', 'Flugzeit') },
    { code: 'range', labels: l('Range', 'Portée', 'Reichweite') },
    { code: 'depth_rating', labels: l('Depth rating', 'Profondeur maximale', 'Tauchtiefe') },
    { code: 'weight', labels: l('Weight', 'Poids', 'Gewicht') },
    { code: 'battery_life', labels: l('Battery life', 'Autonomie de la batterie', 'Akkulaufzeit') },
    {
      code: 'ingress_protection',
      labels: l('Ingress protection (IP)', 'Indice de protection (IP)', 'Schutzart (IP)'),
    },
  ],
});

export const unit = defineCodeList({
  name: 'unit',
  label: l('Unit', 'Unité', 'Einheit'),
  codes: [
    { code: 'mm', labels: l('mm', 'mm', 'mm'), meta: { dimension: 'length', factor: 0.001 } },
    { code: 'cm', labels: l('cm', 'cm', 'cm'), meta: { dimension: 'length', factor: 0.01 } },
    { code: 'm', labels: l('m', 'm', 'm'), meta: { dimension: 'length', factor: 1 } },
    { code: 'km', labels: l('km', 'km', 'km'), meta: { dimension: 'length', factor: 1000 } },
    { code: 'g', labels: l('g', 'g', 'g'), meta: { dimension: 'mass', factor: 0.001 } },
    { code: 'kg', labels: l('kg', 'kg', 'kg'), meta: { dimension: 'mass', factor: 1 } },
    { code: 't', labels: l('t', 't', 't'), meta: { dimension: 'mass', factor: 1000 } },
    { code: 's', labels: l('s', 's', 's'), meta: { dimension: 'time', factor: 1 } },
    { code: 'min', labels: l('min', 'min', 'min'), meta: { dimension: 'time', factor: 60 } },
    { code: 'h', labels: l('h', 'h', 'h'), meta: { dimension: 'time', factor: 3600 } },
    { code: 'm_s', labels: l('m/s', 'm/s', 'm/s'), meta: { dimension: 'speed', factor: 1 } },
    { code: 'km_h', labels: l('km/h', 'km/h', 'km/h'), meta: { dimension: 'speed', factor: 1 / 3.6 } },
    { code: 'usv', labels: l('µSv', 'µSv', 'µSv'), meta: { dimension: 'dose', factor: 1 } },
    { code: 'usv_h', labels: l('µSv/h', 'µSv/h', 'µSv/h'), meta: { dimension: 'dose_rate', factor: 1 } },
    { code: 'msv_h', labels: l('mSv/h', 'mSv/h', 'mSv/h'), meta: { dimension: 'dose_rate', factor: 1000 } },
    { code: 'kev', labels: l('keV', 'keV', 'keV'), meta: { dimension: 'energy', factor: 1 } },
    { code: 'mev', labels: l('MeV', 'MeV', 'MeV'), meta: { dimension: 'energy', factor: 1000 } },
    { code: 'pct', labels: l('%', '%', '%'), meta: { dimension: 'percent', factor: 1 } },
    {
      code: 'per_h',
      labels: l('per hour', 'par heure', 'pro Stunde'),
      meta: { dimension: 'rate', factor: 1 },
    },
    { code: 'ip', labels: l('IP code', 'code IP', 'IP-Code'), meta: { dimension: 'ip', factor: 1 } },
  ],
});

export const cpv = defineCodeList({
  name: 'cpv',
  label: l(
    'CPV code (equipment-relevant starter list)',
    'Code CPV (liste de départ)',
    'CPV-Code (Startliste)',
  ),
  codes: [
    {
      code: '38580000-3',
      labels: l(
        'Non-medical radiological equipment',
        'Équipements radiologiques non médicaux',
        'Nicht medizinische Radiologiegeräte',
      ),
    },
    {
      code: '38581000-0',
      labels: l(
        'Baggage-scanning equipment',
        'Équipements de contrôle des bagages',
        'Gepäckdurchleuchtungsgeräte',
      ),
    },
    {
      code: '38582000-7',
      labels: l('X-ray inspection equipment', 'Équipements d’inspection à rayons X', 'Röntgenprüfgeräte'),
    },
    {
      code: '38430000-8',
      labels: l(
        'Detection and analysis apparatus',
        'Appareils de détection et d’analyse',
        'Detektions- und Analysegeräte',
      ),
    },
    { code: '38433000-9', labels: l('Spectrometers', 'Spectromètres', 'Spektrometer') },
    { code: '35125300-2', labels: l('Security cameras', 'Caméras de sécurité', 'Sicherheitskameras') },
    {
      code: '35613000-4',
      labels: l('Unmanned aerial vehicles', 'Véhicules aériens sans pilote', 'Unbemannte Luftfahrzeuge'),
    },
    {
      code: '34711200-6',
      labels: l('Non-piloted aircraft', 'Aéronefs sans pilote', 'Unbemannte Luftfahrzeuge'),
    },
    {
      code: '35113400-3',
      labels: l(
        'Protective and safety clothing',
        'Vêtements de protection et de sécurité',
        'Schutz- und Sicherheitskleidung',
      ),
    },
    { code: '30213200-7', labels: l('Tablet computer', 'Tablettes', 'Tablet-Computer') },
    {
      code: '32323500-8',
      labels: l('Video-surveillance system', 'Système de vidéosurveillance', 'Videoüberwachungssystem'),
    },
    { code: '03321000-6', labels: l('Dogs (K9)', 'Chiens', 'Hunde') },
  ],
});
