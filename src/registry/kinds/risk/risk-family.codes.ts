import { defineCodeList } from '../../../contract/code-list-definition.ts';

/**
 * The risk families, one list shared by risk rules, common risk factors, profile recommendations
 * and risk information (issue 17). The codes are the risk engine's (`FAMILIES` in
 * src/engines/risk/rules.ts); `security_safety` replaced the rules' former `safety_security`
 * (migration 0076 moved the stored rules).
 */
export const riskFamily = defineCodeList({
  name: 'risk_family',
  label: { en: 'Risk family', fr: 'Famille de risque', de: 'Risikofamilie' },
  codes: [
    { code: 'financial', labels: { en: 'Financial', fr: 'Financier', de: 'Finanziell' } },
    {
      code: 'security_safety',
      labels: {
        en: 'Security and safety (including health, environment, consumers)',
        fr: 'Sécurité et sûreté (y compris santé, environnement, consommateurs)',
        de: 'Sicherheit (einschließlich Gesundheit, Umwelt, Verbraucher)',
      },
    },
    {
      code: 'prohibitions_restrictions',
      labels: {
        en: 'Prohibitions and restrictions (IPR, cash, cultural goods …)',
        fr: 'Interdictions et restrictions (DPI, argent liquide, biens culturels …)',
        de: 'Verbote und Beschränkungen (geistiges Eigentum, Barmittel, Kulturgüter …)',
      },
    },
    {
      code: 'sanctions',
      labels: {
        en: 'Sanctions and restrictive measures',
        fr: 'Sanctions et mesures restrictives',
        de: 'Sanktionen und restriktive Maßnahmen',
      },
    },
  ],
});
