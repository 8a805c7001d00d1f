import { defineKind } from '../../definition.ts';

const ROLE_HINT =
  'A column role: direction, hs, origin, departure, destination, importer, exporter, consignor, consignee, declarant, office, value, mass, quantity (or cat:<column> / num:<column>).';
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
  label: 'Risk rule',
  labelPlural: 'Risk rules',
  area: 'risk',
  network: 'risk-management',
  fields: {
    rule_id: {
      type: 'text',
      label: 'Rule id',
      required: true,
      maxLength: 60,
      pattern: '^[a-z0-9][a-z0-9_.-]{0,59}$',
      patternHint: 'Lower-case letters, digits, dot, dash and underscore, e.g. undervalued-cars.',
    },
    name: { type: 'text', label: 'Name', required: true, maxLength: 200 },
    family: {
      type: 'text',
      label: 'Risk family',
      required: true,
      pattern: '^(financial|safety_security|prohibitions_restrictions|sanctions)$',
      patternHint: 'One of financial, safety_security, prohibitions_restrictions, sanctions.',
    },
    weight: { type: 'number', label: 'Weight (log-odds added on a hit)', required: true, min: -10, max: 10 },
    rationale: { type: 'text', label: 'Rationale', required: true, multiline: true, maxLength: 2000 },
    valid_from: { type: 'date', label: 'Valid from' },
    valid_to: { type: 'date', label: 'Valid to' },
    mandatory: { type: 'boolean', label: 'Mandatory (selected outside the budget)' },
    conditions: {
      type: 'list',
      label: 'Conditions (all must hold)',
      required: true,
      maxItems: 20,
      of: {
        type: 'object',
        label: 'Condition',
        fields: {
          op: {
            type: 'text',
            label: 'Operator',
            required: true,
            pattern: '^(equals|in|hsPrefix|range|ratio|inList)$',
            patternHint:
              'equals (role = value), in (role in values), hsPrefix (HS code starts with a prefix), range (numeric role between min and max), ratio (numerator / denominator against a reference table), inList (role in a party list).',
          },
          role: { ...ROLE, label: 'Role' },
          value: { type: 'text', label: 'Value', maxLength: 200 },
          values: { type: 'list', label: 'Values', maxItems: 500, of: { type: 'text', maxLength: 200 } },
          prefixes: {
            type: 'list',
            label: 'HS prefixes',
            maxItems: 500,
            of: { type: 'text', maxLength: 10, pattern: '^\\d{1,10}$', patternHint: 'Digits only.' },
          },
          min: { type: 'number', label: 'Minimum' },
          max: { type: 'number', label: 'Maximum' },
          numerator: { ...ROLE, label: 'Numerator role' },
          denominator: { ...ROLE, label: 'Denominator role' },
          table: { type: 'text', label: 'Reference table id', maxLength: 60 },
          key_role: { ...ROLE, label: 'Key role (default: HS prefix)' },
          below: { type: 'number', label: 'Hit below (× reference)', min: 0 },
          above: { type: 'number', label: 'Hit above (× reference)', min: 0 },
          list: { type: 'text', label: 'Party list id', maxLength: 60 },
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
  views: [{ type: 'list', label: 'Risk rules' }],
});
