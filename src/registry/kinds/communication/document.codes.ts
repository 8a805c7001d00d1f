import { defineCodeList } from '../../../contract/code-list-definition.ts';

/**
 * The document libraries: one per EUCAB network (the codes are the networks' codes) and per EUCAB
 * body, and one for all of EUCAB. A library groups documents; who reads a document is decided by
 * its distribution and marking like any record (a network's library is usually distributed to the
 * network).
 */
export const documentLibrary = defineCodeList({
  name: 'document_library',
  label: { en: 'Document library', fr: 'Bibliothèque de documents', de: 'Dokumentenbibliothek' },
  codes: [
    {
      code: 'eucab',
      labels: { en: 'EUCAB (all members)', fr: 'EUCAB (tous les membres)', de: 'EUCAB (alle Mitglieder)' },
      meta: { body: 'all' },
    },
    {
      code: 'EUCAB-SC',
      labels: { en: 'Steering Committee', fr: 'Comité de pilotage', de: 'Lenkungsausschuss' },
      meta: { body: 'EUCAB-SC' },
    },
    {
      code: 'EUCAB-MB',
      labels: { en: 'Management Board', fr: 'Conseil de gestion', de: 'Verwaltungsrat' },
      meta: { body: 'EUCAB-MB' },
    },
    {
      code: 'EUCAB-SU',
      labels: { en: 'Support unit', fr: 'Unité de soutien', de: 'Unterstützungseinheit' },
      meta: { body: 'EUCAB-SU' },
    },
    {
      code: 'risk-management',
      labels: {
        en: 'Risk management network',
        fr: 'Réseau Gestion des risques',
        de: 'Netzwerk Risikomanagement',
      },
      meta: { network: 'risk-management' },
    },
    {
      code: 'procurement',
      labels: { en: 'Procurement network', fr: 'Réseau Marchés publics', de: 'Netzwerk Beschaffung' },
      meta: { network: 'procurement' },
    },
    {
      code: 'resilience-integrity',
      labels: {
        en: 'Resilience and integrity network',
        fr: 'Réseau Résilience et intégrité',
        de: 'Netzwerk Resilienz und Integrität',
      },
      meta: { network: 'resilience-integrity' },
    },
    {
      code: 'innovation',
      labels: { en: 'Innovation network', fr: 'Réseau Innovation', de: 'Netzwerk Innovation' },
      meta: { network: 'innovation' },
    },
    {
      code: 'training',
      labels: { en: 'Training network', fr: 'Réseau Formation', de: 'Netzwerk Ausbildung' },
      meta: { network: 'training' },
    },
    {
      code: 'third-countries',
      labels: {
        en: 'Cooperation with third countries network',
        fr: 'Réseau Coopération avec les pays tiers',
        de: 'Netzwerk Zusammenarbeit mit Drittländern',
      },
      meta: { network: 'third-countries' },
    },
    {
      code: 'communication',
      labels: { en: 'Communication network', fr: 'Réseau Communication', de: 'Netzwerk Kommunikation' },
      meta: { network: 'communication' },
    },
  ],
});

export const documentType = defineCodeList({
  name: 'document_type',
  label: { en: 'Type of document', fr: 'Type de document', de: 'Art des Dokuments' },
  codes: [
    { code: 'agenda', labels: { en: 'Agenda', fr: 'Ordre du jour', de: 'Tagesordnung' } },
    { code: 'minutes', labels: { en: 'Minutes', fr: 'Procès-verbal', de: 'Protokoll' } },
    { code: 'report', labels: { en: 'Report', fr: 'Rapport', de: 'Bericht' } },
    { code: 'guidance', labels: { en: 'Guidance', fr: 'Orientations', de: 'Leitfaden' } },
    { code: 'presentation', labels: { en: 'Presentation', fr: 'Présentation', de: 'Präsentation' } },
    { code: 'template', labels: { en: 'Template', fr: 'Modèle', de: 'Vorlage' } },
    { code: 'other', labels: { en: 'Other', fr: 'Autre', de: 'Sonstiges' } },
  ],
});
