import type { FieldDef } from '../../../contract/registry-kinds.ts';
import { defineKind } from '../../definition.ts';
import { riskFamily } from './risk-family.codes.ts';
import { riskRule } from './risk-rule.kind.ts';

/** A field of the risk rule's format (recommended rules are written like `risk_rule` records). */
function ruleField(
  name: 'rule_id' | 'name' | 'weight' | 'mandatory' | 'conditions',
): FieldDef<'risk_family'> {
  const f = riskRule.fields[name];
  if (!f) throw new Error(`risk_rule has no field ${name}`);
  return f as FieldDef<'risk_family'>;
}

const PERCENT = { type: 'number', min: 0, max: 100 } as const;
const AMOUNT = { type: 'number', min: 0 } as const;

/**
 * A recommendation for a risk profile (issue 17): an administration proposes one or more rules
 * (the risk engine's rule format, built from common risk factors), a selection budget and the
 * period with its review date. Before it is submitted, the backtest job of src/modules/risk-sharing
 * runs it on the proposer's own history and attaches the figures (`backtest`); a coordinator of
 * the risk-management network reviews and publishes it. Recipients' adoption and control feedback
 * are rows of `recommendation_responses`.
 */
export const profileRecommendation = defineKind({
  name: 'profile_recommendation',
  label: {
    en: 'Profile recommendation',
    fr: 'Recommandation de profil',
    de: 'Profilempfehlung',
  },
  labelPlural: {
    en: 'Profile recommendations',
    fr: 'Recommandations de profil',
    de: 'Profilempfehlungen',
  },
  description: {
    en: 'Risk profiles one administration recommends to the others, backtested on its own history, reviewed by the risk network’s coordinator; recipients report adoption and the results of their controls.',
    fr: 'Profils de risque qu’une administration recommande aux autres, testés sur son propre historique, examinés par le coordinateur du réseau ; les destinataires indiquent leur adoption et les résultats de leurs contrôles.',
    de: 'Risikoprofile, die eine Verwaltung den anderen empfiehlt, an ihrer eigenen Historie rückgetestet und vom Koordinator des Risikonetzes geprüft; die Empfänger melden die Übernahme und die Ergebnisse ihrer Kontrollen.',
  },
  area: 'risk',
  network: 'risk-management',
  codeLists: [riskFamily],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    family: {
      type: 'code',
      codeList: 'risk_family',
      label: { en: 'Risk family', fr: 'Famille de risque', de: 'Risikofamilie' },
      required: true,
    },
    factors: {
      type: 'list',
      maxItems: 20,
      label: { en: 'Common risk factors', fr: 'Facteurs de risque communs', de: 'Gemeinsame Risikofaktoren' },
      of: {
        type: 'ref',
        kind: 'risk_factor',
        label: { en: 'Risk factor', fr: 'Facteur de risque', de: 'Risikofaktor' },
      },
    },
    rules: {
      type: 'list',
      required: true,
      maxItems: 20,
      label: { en: 'Rules', fr: 'Règles', de: 'Regeln' },
      of: {
        type: 'object',
        label: { en: 'Rule', fr: 'Règle', de: 'Regel' },
        fields: {
          rule_id: ruleField('rule_id'),
          name: ruleField('name'),
          weight: ruleField('weight'),
          mandatory: ruleField('mandatory'),
          conditions: ruleField('conditions'),
        },
      },
    },
    selection_budget: {
      ...PERCENT,
      required: true,
      label: {
        en: 'Selection budget (% of declarations)',
        fr: 'Budget de sélection (% des déclarations)',
        de: 'Auswahlbudget (% der Anmeldungen)',
      },
    },
    valid_from: {
      type: 'date',
      required: true,
      label: { en: 'Valid from', fr: 'Valable du', de: 'Gültig ab' },
    },
    valid_to: {
      type: 'date',
      required: true,
      notBefore: 'valid_from',
      label: { en: 'Valid to', fr: "Valable jusqu'au", de: 'Gültig bis' },
    },
    review_date: {
      type: 'date',
      notBefore: 'valid_from',
      label: { en: 'Review date', fr: 'Date de réexamen', de: 'Überprüfungsdatum' },
    },
    backtest: {
      type: 'object',
      label: {
        en: 'Backtest on the proposer’s history',
        fr: 'Test rétrospectif sur l’historique du proposant',
        de: 'Rücktest an der Historie des Vorschlagenden',
      },
      help: {
        en: 'Attached by the backtest job; not typed in.',
        fr: 'Joint par le test rétrospectif ; pas de saisie.',
        de: 'Vom Rücktest angehängt; keine Eingabe.',
      },
      fields: {
        rows: { type: 'number', min: 0, integer: true, label: { en: 'Rows', fr: 'Lignes', de: 'Zeilen' } },
        selection_rate: {
          ...PERCENT,
          label: { en: 'Selection rate (%)', fr: 'Taux de sélection (%)', de: 'Auswahlquote (%)' },
        },
        hit_rate: {
          ...PERCENT,
          label: { en: 'Hit rate (%)', fr: 'Taux de résultat (%)', de: 'Trefferquote (%)' },
        },
        revenue: {
          ...AMOUNT,
          label: { en: 'Revenue found', fr: 'Recettes constatées', de: 'Festgestellte Einnahmen' },
        },
        baseline_rows: {
          type: 'number',
          min: 0,
          integer: true,
          label: {
            en: 'Rows the active model did not train on',
            fr: 'Lignes non utilisées par le modèle actif',
            de: 'Vom aktiven Modell nicht trainierte Zeilen',
          },
        },
        baseline_selection_rate: {
          ...PERCENT,
          label: {
            en: 'Active model: selection rate (%)',
            fr: 'Modèle actif : taux de sélection (%)',
            de: 'Aktives Modell: Auswahlquote (%)',
          },
        },
        baseline_hit_rate: {
          ...PERCENT,
          label: {
            en: 'Active model: hit rate (%)',
            fr: 'Modèle actif : taux de résultat (%)',
            de: 'Aktives Modell: Trefferquote (%)',
          },
        },
        baseline_revenue: {
          ...AMOUNT,
          label: {
            en: 'Active model: revenue found',
            fr: 'Modèle actif : recettes constatées',
            de: 'Aktives Modell: festgestellte Einnahmen',
          },
        },
        computed_at: { type: 'datetime', label: { en: 'Computed at', fr: 'Calculé le', de: 'Berechnet am' } },
      },
    },
  },
  example: (token) => ({
    title: `Recommendation ${token}`,
    family: 'financial',
    rules: [
      {
        rule_id: `rec-${token}`,
        name: 'Undervalued cars',
        weight: 1,
        conditions: [{ op: 'hsPrefix', prefixes: ['8703'] }],
      },
    ],
    selection_budget: 2,
    valid_from: '2026-01-01',
    valid_to: '2026-06-30',
    review_date: '2026-05-31',
  }),
  titleField: 'title',
  importKey: ['title'],
  searchable: ['title'],
  listColumns: ['title', 'family', 'selection_budget', 'valid_from', 'valid_to', 'review_date'],
  filters: ['family'],
  access: {
    distribution: 'network',
    tlp: 'amber',
    createdBy: { network: true, orgRoles: ['risk_analyst'] },
  },
  // The risk network's coordinator reviews and publishes (four eyes across administrations).
  workflow: { approval: [{ by: 'network_coordinator' }] },
  views: [
    {
      type: 'list',
      label: { en: 'Profile recommendations', fr: 'Recommandations de profil', de: 'Profilempfehlungen' },
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    profile_recommendation: true;
  }
}
