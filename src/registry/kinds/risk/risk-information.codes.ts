import { defineCodeList } from '../../../contract/code-list-definition.ts';

/** How urgently the recipients of a risk information should act (`risk_information.urgency`). */
export const riskInformationUrgency = defineCodeList({
  name: 'risk_information_urgency',
  label: { en: 'Urgency', fr: 'Urgence', de: 'Dringlichkeit' },
  codes: [
    { code: 'low', labels: { en: 'Low', fr: 'Faible', de: 'Niedrig' } },
    { code: 'medium', labels: { en: 'Medium', fr: 'Moyenne', de: 'Mittel' } },
    { code: 'high', labels: { en: 'High', fr: 'Élevée', de: 'Hoch' } },
    { code: 'immediate', labels: { en: 'Immediate', fr: 'Immédiate', de: 'Sofort' } },
  ],
});
