import { defineCodeList } from '../../../contract/code-list-definition.ts';

/** Where an action point of a meeting stands. Open ones are reminded to their owner when due. */
export const actionPointState = defineCodeList({
  name: 'action_point_state',
  label: { en: 'Action point status', fr: 'Statut de l’action', de: 'Stand der Maßnahme' },
  codes: [
    { code: 'open', labels: { en: 'Open', fr: 'Ouverte', de: 'Offen' } },
    { code: 'done', labels: { en: 'Done', fr: 'Réalisée', de: 'Erledigt' } },
    { code: 'cancelled', labels: { en: 'Cancelled', fr: 'Annulée', de: 'Gestrichen' } },
  ],
});
