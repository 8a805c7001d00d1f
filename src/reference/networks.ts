/**
 * The seven national expert networks of EUCAB. Their codes are names the code refers to (a
 * registry kind's network, network-restricted creation): a typo is a type error, not a 500.
 */
export const NETWORKS = [
  {
    code: 'risk-management',
    name: 'Risk management',
    description: 'Common risk factors, risk-profile recommendations and the exchange of risk information.',
  },
  {
    code: 'procurement',
    name: 'Procurement',
    description: 'Customs control equipment, minimum requirements, tenders and field tests.',
  },
  {
    code: 'resilience-integrity',
    name: 'Resilience and integrity',
    description: 'National initiatives, anti-corruption measures, codes of conduct and lessons learned.',
  },
  { code: 'innovation', name: 'Innovation', description: 'Innovation initiatives and common initiatives.' },
  {
    code: 'training',
    name: 'Training',
    description: 'Training needs, curricula, trainers, facilities and centres of excellence.',
  },
  {
    code: 'third-countries',
    name: 'Cooperation with third countries',
    description: 'Existing, planned and potential projects with third countries.',
  },
  {
    code: 'communication',
    name: 'Communication',
    description: 'Coordinated messaging and information flow between administrations.',
  },
] as const;

export type NetworkCode = (typeof NETWORKS)[number]['code'];
