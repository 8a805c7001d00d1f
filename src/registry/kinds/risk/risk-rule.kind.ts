import { defineKind } from '../../definition.ts';
import { riskFamily } from './risk-family.codes.ts';

const ROLE_HINT = {
  en: 'A column role: direction, hs, origin, departure, destination, importer, exporter, consignor, consignee, declarant, office, value, mass, quantity (or cat:<column> / num:<column>).',
  fr: 'Un rôle de colonne : direction, hs, origin, departure, destination, importer, exporter, consignor, consignee, declarant, office, value, mass, quantity (ou cat:<colonne> / num:<colonne>).',
  de: 'Eine Spaltenrolle: direction, hs, origin, departure, destination, importer, exporter, consignor, consignee, declarant, office, value, mass, quantity (oder cat:<Spalte> / num:<Spalte>).',
};
const ROLE = {
  type: 'text',
  maxLength: 80,
  pattern: '^[a-z0-9:_ .-]{1,80}$',
  patternHint: ROLE_HINT,
} as const;

/**
 * A risk profile written against column roles (not column names), so a rule written by one
 * administration runs on another's declarations. Mirrors the risk engine's rule model
 * (`src/engines/risk/rules.ts`): every condition must hold and the declaration date must be within
 * the validity dates; a hit adds the weight (log-odds) to the score; a mandatory rule selects the
 * declaration outside the inspection budget.
 */
export const riskRule = defineKind({
  name: 'risk_rule',
  label: { en: 'Risk rule', fr: 'Règle de risque', de: 'Risikoregel' },
  labelPlural: { en: 'Risk rules', fr: 'Règles de risque', de: 'Risikoregeln' },
  description: {
    en: 'Risk profiles written against column roles, so that a rule written by one administration runs on another’s declarations.',
    fr: 'Profils de risque écrits sur des rôles de colonnes, afin qu’une règle écrite par une administration s’applique aux déclarations d’une autre.',
    de: 'Risikoprofile auf der Grundlage von Spaltenrollen, damit die Regel einer Verwaltung auf die Anmeldungen einer anderen anwendbar ist.',
  },
  area: 'risk',
  network: 'risk-management',
  codeLists: [riskFamily],
  fields: {
    rule_id: {
      type: 'text',
      label: { en: 'Rule id', fr: 'Identifiant de la règle', de: 'Regelkennung' },
      required: true,
      maxLength: 60,
      pattern: '^[a-z0-9][a-z0-9_.-]{0,59}$',
      patternHint: {
        en: 'Lower-case letters, digits, dot, dash and underscore, e.g. undervalued-cars.',
        fr: 'Lettres minuscules, chiffres, point, tiret et tiret bas, p. ex. undervalued-cars.',
        de: 'Kleinbuchstaben, Ziffern, Punkt, Bindestrich und Unterstrich, z. B. undervalued-cars.',
      },
    },
    name: { type: 'text', label: { en: 'Name', fr: 'Nom', de: 'Name' }, required: true, maxLength: 200 },
    family: {
      type: 'code',
      codeList: 'risk_family',
      label: { en: 'Risk family', fr: 'Famille de risque', de: 'Risikofamilie' },
      required: true,
    },
    weight: {
      type: 'number',
      label: {
        en: 'Weight (log-odds added on a hit)',
        fr: 'Poids (log-odds ajoutés en cas de concordance)',
        de: 'Gewicht (Log-Odds bei einem Treffer)',
      },
      required: true,
      min: -10,
      max: 10,
    },
    rationale: {
      type: 'text',
      label: { en: 'Rationale', fr: 'Justification', de: 'Begründung' },
      required: true,
      multiline: true,
      maxLength: 2000,
    },
    valid_from: { type: 'date', label: { en: 'Valid from', fr: 'Valable du', de: 'Gültig ab' } },
    valid_to: { type: 'date', label: { en: 'Valid to', fr: "Valable jusqu'au", de: 'Gültig bis' } },
    factor: {
      type: 'ref',
      kind: 'risk_factor',
      label: {
        en: 'Common risk factor it was made from',
        fr: 'Facteur de risque commun d’origine',
        de: 'Gemeinsamer Risikofaktor, aus dem sie entstand',
      },
    },
    mandatory: {
      type: 'boolean',
      label: {
        en: 'Mandatory (selected outside the budget)',
        fr: 'Obligatoire (sélectionné hors budget)',
        de: 'Verpflichtend (außerhalb des Budgets ausgewählt)',
      },
    },
    conditions: {
      type: 'list',
      label: {
        en: 'Conditions (all must hold)',
        fr: 'Conditions (toutes doivent être remplies)',
        de: 'Bedingungen (alle müssen erfüllt sein)',
      },
      required: true,
      maxItems: 20,
      of: {
        type: 'object',
        label: { en: 'Condition', fr: 'Condition', de: 'Bedingung' },
        fields: {
          op: {
            type: 'text',
            label: { en: 'Operator', fr: 'Opérateur', de: 'Operator' },
            required: true,
            pattern: '^(equals|in|hsPrefix|range|ratio|inList)$',
            patternHint: {
              en: 'equals (role = value), in (role in values), hsPrefix (HS code starts with a prefix), range (numeric role between min and max), ratio (numerator / denominator against a reference table), inList (role in a party list).',
              fr: 'equals (rôle = valeur), in (rôle parmi les valeurs), hsPrefix (le code SH commence par un préfixe), range (rôle numérique entre minimum et maximum), ratio (numérateur / dénominateur comparé à une table de référence), inList (rôle dans une liste de parties).',
              de: 'equals (Rolle = Wert), in (Rolle unter den Werten), hsPrefix (HS-Code beginnt mit einem Präfix), range (numerische Rolle zwischen Minimum und Maximum), ratio (Zähler / Nenner gegenüber einer Referenztabelle), inList (Rolle in einer Beteiligtenliste).',
            },
          },
          role: { ...ROLE, label: { en: 'Role', fr: 'Rôle', de: 'Rolle' } },
          value: { type: 'text', label: { en: 'Value', fr: 'Valeur', de: 'Wert' }, maxLength: 200 },
          values: {
            type: 'list',
            label: { en: 'Values', fr: 'Valeurs', de: 'Werte' },
            maxItems: 500,
            of: { type: 'text', maxLength: 200 },
          },
          prefixes: {
            type: 'list',
            label: { en: 'HS prefixes', fr: 'Préfixes SH', de: 'HS-Präfixe' },
            maxItems: 500,
            of: {
              type: 'text',
              maxLength: 10,
              pattern: '^\\d{1,10}$',
              patternHint: { en: 'Digits only.', fr: 'Chiffres uniquement.', de: 'Nur Ziffern.' },
            },
          },
          min: { type: 'number', label: { en: 'Minimum', fr: 'Minimum', de: 'Minimum' } },
          max: { type: 'number', label: { en: 'Maximum', fr: 'Maximum', de: 'Maximum' } },
          numerator: {
            ...ROLE,
            label: { en: 'Numerator role', fr: 'Rôle du numérateur', de: 'Rolle des Zählers' },
          },
          denominator: {
            ...ROLE,
            label: { en: 'Denominator role', fr: 'Rôle du dénominateur', de: 'Rolle des Nenners' },
          },
          table: {
            type: 'text',
            label: {
              en: 'Reference table id',
              fr: 'Identifiant de la table de référence',
              de: 'Kennung der Referenztabelle',
            },
            maxLength: 60,
          },
          key_role: {
            ...ROLE,
            label: {
              en: 'Key role (default: HS prefix)',
              fr: 'Rôle de la clé (par défaut : préfixe SH)',
              de: 'Rolle des Schlüssels (Standard: HS-Präfix)',
            },
          },
          below: {
            type: 'number',
            label: {
              en: 'Hit below (× reference)',
              fr: 'Concordance en dessous de (× référence)',
              de: 'Treffer unter (× Referenz)',
            },
            min: 0,
          },
          above: {
            type: 'number',
            label: {
              en: 'Hit above (× reference)',
              fr: 'Concordance au-dessus de (× référence)',
              de: 'Treffer über (× Referenz)',
            },
            min: 0,
          },
          list: {
            type: 'text',
            label: {
              en: 'Party list id',
              fr: 'Identifiant de la liste de parties',
              de: 'Kennung der Beteiligtenliste',
            },
            maxLength: 60,
          },
        },
      },
    },
  },
  example: (token) => ({
    rule_id: `r-${token}`,
    name: `Rule ${token}`,
    family: 'financial',
    weight: 1,
    rationale: 'Undervalued cars',
    conditions: [{ op: 'hsPrefix', prefixes: ['8703'] }],
  }),
  titleField: 'name',
  importKey: ['rule_id'],
  searchable: ['name', 'rationale'],
  listColumns: ['name', 'rule_id', 'family', 'weight', 'mandatory'],
  filters: ['family'],
  // Risk rules, tables, party lists and goods measures steer selections (goods measures those of
  // every administration): added by risk analysts and the risk-management network only.
  access: {
    distribution: 'network',
    tlp: 'amber',
    createdBy: { network: true, orgRoles: ['risk_analyst'] },
  },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: { en: 'Risk rules', fr: 'Règles de risque', de: 'Risikoregeln' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    risk_rule: true;
  }
}
