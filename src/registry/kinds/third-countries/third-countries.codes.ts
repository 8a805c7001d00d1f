import { defineCodeList } from '../../../contract/code-list-definition.ts';

/**
 * The platform's own code lists of cooperation with third countries: the seed's status of a project
 * (exported to IATI as activity status 2 when existing, 1 when planned or potential: `meta.iati`),
 * the platform's seven thematic areas, and the priority and status of a support need.
 */
export const cooperationStatus = defineCodeList({
  name: 'cooperation_status',
  label: { en: 'Project status', fr: 'Statut du projet', de: 'Projektstatus' },
  codes: [
    { code: 'existing', labels: { en: 'Existing', fr: 'Existant', de: 'Bestehend' }, meta: { iati: '2' } },
    { code: 'planned', labels: { en: 'Planned', fr: 'Prévu', de: 'Geplant' }, meta: { iati: '1' } },
    { code: 'potential', labels: { en: 'Potential', fr: 'Potentiel', de: 'Möglich' }, meta: { iati: '1' } },
  ],
});

export const eucabTheme = defineCodeList({
  name: 'eucab_theme',
  label: { en: 'EUCAB thematic area', fr: 'Domaine thématique EUCAB', de: 'EUCAB-Themenbereich' },
  codes: [
    { code: 'procurement', labels: { en: 'Procurement', fr: 'Achats', de: 'Beschaffung' } },
    { code: 'risk', labels: { en: 'Risk management', fr: 'Gestion des risques', de: 'Risikomanagement' } },
    {
      code: 'resilience',
      labels: {
        en: 'Resilience and integrity',
        fr: 'Résilience et intégrité',
        de: 'Resilienz und Integrität',
      },
    },
    { code: 'innovation', labels: { en: 'Innovation', fr: 'Innovation', de: 'Innovation' } },
    { code: 'training', labels: { en: 'Training', fr: 'Formation', de: 'Ausbildung' } },
    { code: 'third_countries', labels: { en: 'Third countries', fr: 'Pays tiers', de: 'Drittländer' } },
    { code: 'communication', labels: { en: 'Communication', fr: 'Communication', de: 'Kommunikation' } },
  ],
});

export const supportNeedPriority = defineCodeList({
  name: 'support_need_priority',
  label: { en: 'Priority', fr: 'Priorité', de: 'Priorität' },
  codes: [
    { code: 'high', labels: { en: 'High', fr: 'Haute', de: 'Hoch' } },
    { code: 'medium', labels: { en: 'Medium', fr: 'Moyenne', de: 'Mittel' } },
    { code: 'low', labels: { en: 'Low', fr: 'Basse', de: 'Niedrig' } },
  ],
});

export const supportNeedStatus = defineCodeList({
  name: 'support_need_status',
  label: { en: 'Status of the need', fr: 'Statut du besoin', de: 'Stand des Bedarfs' },
  codes: [
    { code: 'open', labels: { en: 'Open', fr: 'Ouvert', de: 'Offen' } },
    {
      code: 'being_addressed',
      labels: { en: 'Being addressed', fr: 'En cours de traitement', de: 'In Bearbeitung' },
    },
    { code: 'met', labels: { en: 'Met', fr: 'Satisfait', de: 'Gedeckt' } },
    { code: 'withdrawn', labels: { en: 'Withdrawn', fr: 'Retiré', de: 'Zurückgezogen' } },
  ],
});
