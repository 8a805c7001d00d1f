import { defineCodeList } from '../../../contract/code-list-definition.ts';

/**
 * The bodies of EUCAB that hold meetings: the Steering Committee, the Management Board, the units
 * and the seven networks (`meta.organisation`: the body's or unit's organisation code;
 * `meta.network`: the network's code).
 */
export const meetingBody = defineCodeList({
  name: 'meeting_body',
  label: { en: 'Meeting body', fr: 'Instance de réunion', de: 'Sitzungsgremium' },
  codes: [
    {
      code: 'steering_committee',
      labels: { en: 'Steering Committee', fr: 'Comité de pilotage', de: 'Lenkungsausschuss' },
      meta: { organisation: 'EUCAB-SC' },
    },
    {
      code: 'management_board',
      labels: { en: 'Management Board', fr: 'Conseil de direction', de: 'Verwaltungsrat' },
      meta: { organisation: 'EUCAB-MB' },
    },
    {
      code: 'support_unit',
      labels: { en: 'Support unit', fr: 'Unité d’appui', de: 'Unterstützungsreferat' },
      meta: { organisation: 'EUCAB-SU' },
    },
    {
      code: 'air_post_unit',
      labels: { en: 'Air & Post unit', fr: 'Unité Aérien et postal', de: 'Referat Luft und Post' },
      meta: { organisation: 'EUCAB-AIRPOST' },
    },
    {
      code: 'maritime_unit',
      labels: { en: 'Maritime unit', fr: 'Unité maritime', de: 'Referat See' },
      meta: { organisation: 'EUCAB-MARITIME' },
    },
    {
      code: 'land_unit',
      labels: { en: 'Land unit', fr: 'Unité terrestre', de: 'Referat Land' },
      meta: { organisation: 'EUCAB-LAND' },
    },
    {
      code: 'mobile_unit',
      labels: {
        en: 'Mobile Cooperation unit',
        fr: 'Unité de coopération mobile',
        de: 'Referat Mobile Zusammenarbeit',
      },
      meta: { organisation: 'EUCAB-MOBILE' },
    },
    {
      code: 'coordination_unit',
      labels: { en: 'Coordination unit', fr: 'Unité de coordination', de: 'Koordinierungsreferat' },
      meta: { organisation: 'EUCAB-COORD' },
    },
    {
      code: 'network_risk_management',
      labels: {
        en: 'Risk management network',
        fr: 'Réseau Gestion des risques',
        de: 'Netzwerk Risikomanagement',
      },
      meta: { network: 'risk-management' },
    },
    {
      code: 'network_procurement',
      labels: { en: 'Procurement network', fr: 'Réseau Marchés publics', de: 'Netzwerk Beschaffung' },
      meta: { network: 'procurement' },
    },
    {
      code: 'network_resilience_integrity',
      labels: {
        en: 'Resilience and integrity network',
        fr: 'Réseau Résilience et intégrité',
        de: 'Netzwerk Resilienz und Integrität',
      },
      meta: { network: 'resilience-integrity' },
    },
    {
      code: 'network_innovation',
      labels: { en: 'Innovation network', fr: 'Réseau Innovation', de: 'Netzwerk Innovation' },
      meta: { network: 'innovation' },
    },
    {
      code: 'network_training',
      labels: { en: 'Training network', fr: 'Réseau Formation', de: 'Netzwerk Ausbildung' },
      meta: { network: 'training' },
    },
    {
      code: 'network_third_countries',
      labels: {
        en: 'Cooperation with third countries network',
        fr: 'Réseau Coopération avec les pays tiers',
        de: 'Netzwerk Zusammenarbeit mit Drittländern',
      },
      meta: { network: 'third-countries' },
    },
    {
      code: 'network_communication',
      labels: { en: 'Communication network', fr: 'Réseau Communication', de: 'Netzwerk Kommunikation' },
      meta: { network: 'communication' },
    },
  ],
});
