import { defineKind } from '../../definition.ts';
import { actionPointState } from './action-point.codes.ts';

/**
 * An action point of a meeting or a follow-up action of a lesson learned (one of the two is
 * named): what is to be done, by whom (a person on the platform) and by when, and where it stands. Its owner is reminded when it is due and once more when it is
 * overdue (src/modules/meetings, `meetings.action-point-reminders`), and sees it among their home tasks.
 */
export const actionPoint = defineKind({
  name: 'action_point',
  label: { en: 'Action point', fr: 'Action', de: 'Maßnahme' },
  labelPlural: { en: 'Action points', fr: 'Actions', de: 'Maßnahmen' },
  description: {
    en: 'What a meeting decided someone will do: the task, its owner, its due date and its status.',
    fr: 'Ce qu’une réunion a confié à une personne : la tâche, son responsable, son échéance et son statut.',
    de: 'Was eine Sitzung jemandem aufgetragen hat: die Aufgabe, die verantwortliche Person, die Frist und der Stand.',
  },
  area: 'communication',
  network: 'communication',
  codeLists: [actionPointState],
  fields: {
    meeting: {
      type: 'ref',
      kind: 'meeting',
      label: { en: 'Meeting', fr: 'Réunion', de: 'Sitzung' },
      requiredUnless: 'lesson',
      help: {
        en: 'The meeting that decided it; for a follow-up action of a lesson learned, the lesson instead.',
        fr: 'La réunion qui l’a décidée ; pour une action de suivi d’un enseignement tiré, l’enseignement à la place.',
        de: 'Die Sitzung, die es beschlossen hat; für eine Folgemaßnahme einer Erkenntnis stattdessen die Erkenntnis.',
      },
    },
    lesson: {
      type: 'ref',
      kind: 'lesson_learned',
      label: { en: 'Lesson learned', fr: 'Enseignement tiré', de: 'Erkenntnis' },
      requiredUnless: 'meeting',
      help: {
        en: 'For a follow-up action of a lesson learned: the lesson it follows up.',
        fr: 'Pour une action de suivi d’un enseignement tiré : l’enseignement qu’elle met en œuvre.',
        de: 'Für eine Folgemaßnahme einer Erkenntnis: die Erkenntnis, die sie umsetzt.',
      },
    },
    what: {
      type: 'text',
      multiline: true,
      maxLength: 2000,
      label: { en: 'What', fr: 'Quoi', de: 'Was' },
      required: true,
    },
    responsible: {
      type: 'user',
      label: { en: 'Owner', fr: 'Responsable', de: 'Verantwortlich' },
      help: {
        en: 'The person who will do it; they are reminded when it is due and when it is overdue.',
        fr: 'La personne qui s’en charge ; elle reçoit un rappel à l’échéance et en cas de retard.',
        de: 'Die Person, die es erledigt; sie wird bei Fälligkeit und bei Verzug erinnert.',
      },
      required: true,
    },
    due_date: { type: 'date', label: { en: 'Due', fr: 'Échéance', de: 'Fällig am' }, required: true },
    // Not `status`: that name is the records' workflow status in list queries.
    state: {
      type: 'code',
      codeList: 'action_point_state',
      label: { en: 'Status', fr: 'Statut', de: 'Stand' },
      required: true,
    },
  },
  example: (token, ref) => ({
    meeting: ref('meeting'),
    what: `Circulate the draft work programme ${token}`,
    responsible: ref('user'),
    due_date: '2026-04-01',
    state: 'open',
  }),
  titleField: 'what',
  importKey: ['meeting', 'what'],
  searchable: ['what'],
  listColumns: ['what', 'meeting', 'responsible', 'due_date', 'state'],
  filters: ['meeting', 'lesson', 'responsible', 'state'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: { en: 'Action points', fr: 'Actions', de: 'Maßnahmen' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    action_point: true;
  }
}
