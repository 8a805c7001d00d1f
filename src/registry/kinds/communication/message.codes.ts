import { defineCodeList } from '../../../contract/code-list-definition.ts';

/** What a coordinated message is: how the administrations use it once it is released. */
export const messageType = defineCodeList({
  name: 'message_type',
  label: { en: 'Type of message', fr: 'Type de message', de: 'Art der Nachricht' },
  codes: [
    {
      code: 'press_line',
      labels: { en: 'Press line', fr: 'Élément de langage pour la presse', de: 'Presselinie' },
    },
    {
      code: 'lines_to_take',
      labels: { en: 'Lines to take', fr: 'Éléments de langage', de: 'Sprachregelung' },
    },
    {
      code: 'joint_statement',
      labels: { en: 'Joint statement', fr: 'Déclaration commune', de: 'Gemeinsame Erklärung' },
    },
    { code: 'internal_note', labels: { en: 'Internal note', fr: 'Note interne', de: 'Interner Vermerk' } },
  ],
});
