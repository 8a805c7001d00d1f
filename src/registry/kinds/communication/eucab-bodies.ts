import type { CodeDefinition } from '../../../contract/code-list-definition.ts';
import type { NetworkCode } from '../../../reference/networks.ts';

/**
 * The bodies, units and networks of EUCAB with their words in EN/FR/DE: one source for every code
 * list that names them (meeting bodies, document libraries), so a body reads the same everywhere.
 * `organisation`: the code of the body's or unit's organisation (src/seed/reference-data.ts);
 * `network`: the network's code. Each list keeps its own stable codes (records store them).
 */
export interface EucabBody {
  /** The code the meeting bodies list stores. */
  key: string;
  labels: CodeDefinition['labels'];
  organisation?: string;
  network?: NetworkCode;
  /** A unit of EUCAB (Air & Post, Maritime…), rather than a governing body or a network. */
  unit?: true;
}

export const EUCAB_BODIES: readonly EucabBody[] = [
  {
    key: 'steering_committee',
    organisation: 'EUCAB-SC',
    labels: { en: 'Steering Committee', fr: 'Comité de pilotage', de: 'Lenkungsausschuss' },
  },
  {
    key: 'management_board',
    organisation: 'EUCAB-MB',
    labels: { en: 'Management Board', fr: 'Conseil d’administration', de: 'Verwaltungsrat' },
  },
  {
    key: 'support_unit',
    organisation: 'EUCAB-SU',
    labels: { en: 'Support unit', fr: 'Unité d’appui', de: 'Unterstützungsreferat' },
  },
  {
    key: 'air_post_unit',
    organisation: 'EUCAB-AIRPOST',
    unit: true,
    labels: { en: 'Air & Post unit', fr: 'Unité Aérien et postal', de: 'Referat Luft und Post' },
  },
  {
    key: 'maritime_unit',
    organisation: 'EUCAB-MARITIME',
    unit: true,
    labels: { en: 'Maritime unit', fr: 'Unité maritime', de: 'Referat See' },
  },
  {
    key: 'land_unit',
    organisation: 'EUCAB-LAND',
    unit: true,
    labels: { en: 'Land unit', fr: 'Unité terrestre', de: 'Referat Land' },
  },
  {
    key: 'mobile_unit',
    organisation: 'EUCAB-MOBILE',
    unit: true,
    labels: {
      en: 'Mobile Cooperation unit',
      fr: 'Unité de coopération mobile',
      de: 'Referat Mobile Zusammenarbeit',
    },
  },
  {
    key: 'coordination_unit',
    organisation: 'EUCAB-COORD',
    unit: true,
    labels: { en: 'Coordination unit', fr: 'Unité de coordination', de: 'Koordinierungsreferat' },
  },
  {
    key: 'network_risk_management',
    network: 'risk-management',
    labels: {
      en: 'Risk management network',
      fr: 'Réseau Gestion des risques',
      de: 'Netzwerk Risikomanagement',
    },
  },
  {
    key: 'network_procurement',
    network: 'procurement',
    labels: { en: 'Procurement network', fr: 'Réseau Marchés publics', de: 'Netzwerk Beschaffung' },
  },
  {
    key: 'network_resilience_integrity',
    network: 'resilience-integrity',
    labels: {
      en: 'Resilience and integrity network',
      fr: 'Réseau Résilience et intégrité',
      de: 'Netzwerk Resilienz und Integrität',
    },
  },
  {
    key: 'network_innovation',
    network: 'innovation',
    labels: { en: 'Innovation network', fr: 'Réseau Innovation', de: 'Netzwerk Innovation' },
  },
  {
    key: 'network_training',
    network: 'training',
    labels: { en: 'Training network', fr: 'Réseau Formation', de: 'Netzwerk Ausbildung' },
  },
  {
    key: 'network_third_countries',
    network: 'third-countries',
    labels: {
      en: 'Cooperation with third countries network',
      fr: 'Réseau Coopération avec les pays tiers',
      de: 'Netzwerk Zusammenarbeit mit Drittländern',
    },
  },
  {
    key: 'network_communication',
    network: 'communication',
    labels: { en: 'Communication network', fr: 'Réseau Communication', de: 'Netzwerk Kommunikation' },
  },
];
