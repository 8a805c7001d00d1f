import { defineCodeList } from '../../../contract/code-list-definition.ts';

/** The roles of the administrations in a common initiative, and the states of its milestones. */
export const participantRole = defineCodeList({
  name: 'common_initiative_role',
  label: { en: 'Role in the initiative', fr: 'Rôle dans l’initiative', de: 'Rolle in der Initiative' },
  codes: [
    { code: 'co_lead', labels: { en: 'Co-lead', fr: 'Codirection', de: 'Mitleitung' } },
    { code: 'partner', labels: { en: 'Partner', fr: 'Partenaire', de: 'Partner' } },
    { code: 'pilot_site', labels: { en: 'Pilot site', fr: 'Site pilote', de: 'Pilotstandort' } },
    { code: 'observer', labels: { en: 'Observer', fr: 'Observateur', de: 'Beobachter' } },
  ],
});

export const milestoneStatus = defineCodeList({
  name: 'milestone_status',
  label: { en: 'Milestone status', fr: 'État du jalon', de: 'Stand des Meilensteins' },
  codes: [
    { code: 'planned', labels: { en: 'Planned', fr: 'Prévu', de: 'Geplant' } },
    { code: 'in_progress', labels: { en: 'In progress', fr: 'En cours', de: 'In Arbeit' } },
    { code: 'reached', labels: { en: 'Reached', fr: 'Atteint', de: 'Erreicht' } },
    { code: 'delayed', labels: { en: 'Delayed', fr: 'Retardé', de: 'Verzögert' } },
    { code: 'dropped', labels: { en: 'Dropped', fr: 'Abandonné', de: 'Entfallen' } },
  ],
});
