import { defineKind } from '../../definition.ts';
import { milestoneStatus, participantRole } from './common-initiative.codes.ts';
import { innovationDomain } from './innovation-initiative.codes.ts';

/**
 * A common initiative of several administrations: the lead administration owns the record (its
 * writers edit it and name the participants' people as co-editors, the core's record_editors), the
 * participating administrations with their roles, the national initiatives it brings together, its
 * milestones (dates and status; co-editors add them), its documents (the record's attachments) and
 * its discussion (the record's thread, the same mechanism as a network's discussions).
 */
export const commonInitiative = defineKind({
  name: 'common_initiative',
  label: { en: 'Common initiative', fr: 'Initiative commune', de: 'Gemeinsame Initiative' },
  labelPlural: { en: 'Common initiatives', fr: 'Initiatives communes', de: 'Gemeinsame Initiativen' },
  description: {
    en: 'Innovation initiatives that several administrations carry out together: the lead administration, the participants and their roles, milestones, documents and a discussion.',
    fr: 'Initiatives d’innovation menées ensemble par plusieurs administrations : l’administration chef de file, les participants et leurs rôles, les jalons, les documents et une discussion.',
    de: 'Innovationsinitiativen, die mehrere Verwaltungen gemeinsam durchführen: die federführende Verwaltung, die Beteiligten und ihre Rollen, Meilensteine, Dokumente und eine Diskussion.',
  },
  interest: {
    en: 'Register interest in joining',
    fr: 'Manifester l’intérêt de participer',
    de: 'Interesse an einer Teilnahme bekunden',
  },
  area: 'innovation',
  network: 'innovation',
  codeLists: [innovationDomain, participantRole, milestoneStatus],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    objective: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      required: true,
      label: { en: 'Objective', fr: 'Objectif', de: 'Ziel' },
    },
    domain: {
      type: 'code',
      codeList: 'innovation_domain',
      required: true,
      label: { en: 'Domain', fr: 'Domaine', de: 'Bereich' },
    },
    // The lead administration is the owner: its country, set by the server (map and matrix agree).
    lead_country: {
      type: 'country',
      required: true,
      setBy: 'owner_country',
      label: { en: 'Lead administration', fr: 'Administration chef de file', de: 'Federführende Verwaltung' },
    },
    participants: {
      // The lead decides who takes part (join requests, src/modules/innovation); participants see it.
      editableBy: 'owner',
      type: 'list',
      maxItems: 27,
      label: { en: 'Participants', fr: 'Participants', de: 'Beteiligte' },
      of: {
        type: 'object',
        label: { en: 'Participant', fr: 'Participant', de: 'Beteiligte Verwaltung' },
        fields: {
          country: {
            type: 'country',
            required: true,
            label: { en: 'Administration', fr: 'Administration', de: 'Verwaltung' },
          },
          role: {
            type: 'code',
            codeList: 'common_initiative_role',
            required: true,
            label: { en: 'Role', fr: 'Rôle', de: 'Rolle' },
          },
        },
      },
    },
    initiatives: {
      type: 'list',
      maxItems: 50,
      of: {
        type: 'ref',
        kind: 'innovation_initiative',
        label: { en: 'Initiative', fr: 'Initiative', de: 'Initiative' },
      },
      label: { en: 'National initiatives', fr: 'Initiatives nationales', de: 'Nationale Initiativen' },
    },
    start_date: { type: 'date', label: { en: 'Start', fr: 'Début', de: 'Beginn' } },
    end_date: { type: 'date', notBefore: 'start_date', label: { en: 'End', fr: 'Fin', de: 'Ende' } },
    milestones: {
      type: 'list',
      maxItems: 100,
      label: { en: 'Milestones', fr: 'Jalons', de: 'Meilensteine' },
      of: {
        type: 'object',
        label: { en: 'Milestone', fr: 'Jalon', de: 'Meilenstein' },
        fields: {
          title: {
            type: 'text',
            maxLength: 300,
            required: true,
            label: { en: 'What is reached', fr: 'Ce qui est atteint', de: 'Was erreicht wird' },
          },
          due_date: {
            type: 'date',
            required: true,
            label: { en: 'Due date', fr: 'Échéance', de: 'Fällig am' },
          },
          status: {
            type: 'code',
            codeList: 'milestone_status',
            required: true,
            label: { en: 'Status', fr: 'État', de: 'Stand' },
          },
        },
      },
    },
  },
  example: (token, ref) => ({
    title: `Common initiative ${token}`,
    objective: 'Share a training set of annotated X-ray images of containers between administrations.',
    domain: 'ai_image_recognition',
    participants: [{ country: 'FR', role: 'partner' }],
    initiatives: [ref('innovation_initiative')],
    start_date: '2026-01-01',
    milestones: [{ title: 'Annotation guide agreed', due_date: '2026-03-31', status: 'planned' }],
  }),
  titleField: 'title',
  importKey: ['title'],
  searchable: ['title', 'objective'],
  listColumns: ['title', 'lead_country', 'domain', 'start_date', 'end_date'],
  filters: ['domain', 'lead_country'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [
    {
      type: 'list',
      label: { en: 'Common initiatives', fr: 'Initiatives communes', de: 'Gemeinsame Initiativen' },
    },
    {
      type: 'map',
      label: {
        en: 'Lead administrations',
        fr: 'Administrations chefs de file',
        de: 'Federführende Verwaltungen',
      },
      field: 'lead_country',
      measure: 'count',
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    common_initiative: true;
  }
}
