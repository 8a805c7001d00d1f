import { stixId } from './ids.ts';

/**
 * The platform's own STIX objects: its identity (the author of its extension definitions) and the
 * property extension *customs risk information* (goods by CN code, customs routes, family, urgency,
 * recommended control, validity) — an extension definition, not `x_` properties.
 */
export const PLATFORM_IDENTITY = {
  type: 'identity',
  spec_version: '2.1',
  id: stixId('identity', 'platform'),
  created: '2026-12-01T00:00:00.000Z',
  modified: '2026-12-01T00:00:00.000Z',
  name: 'EUCAB Cooperation Platform',
  identity_class: 'system',
} as const;

/** The JSON schema of the extension's properties (the definition's `schema`, as plain text). */
export const CUSTOMS_RISK_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'customs risk information (property extension)',
  type: 'object',
  required: ['extension_type'],
  additionalProperties: false,
  properties: {
    extension_type: { const: 'property-extension' },
    family: { enum: ['financial', 'security_safety', 'prohibitions_restrictions', 'sanctions'] },
    risk_area: { type: 'string' },
    urgency: { enum: ['low', 'medium', 'high', 'immediate'] },
    goods: {
      type: 'array',
      items: {
        type: 'object',
        required: ['cn_code'],
        additionalProperties: false,
        properties: {
          cn_code: { type: 'string', pattern: '^[0-9]{2,10}$' },
          description: { type: 'string' },
        },
      },
    },
    route: {
      type: 'object',
      additionalProperties: false,
      properties: {
        countries: { type: 'array', items: { type: 'string', pattern: '^[A-Z]{2}$' } },
        places: { type: 'array', items: { type: 'string' } },
        transport_mode: { type: 'string' },
        container: { type: 'string' },
        vessel_imo: { type: 'string', pattern: '^[0-9]{7}$' },
      },
    },
    recommended_action: { type: 'string' },
    valid_from: { type: 'string', format: 'date' },
    valid_to: { type: 'string', format: 'date' },
    selection_budget: { type: 'number' },
    review_date: { type: 'string', format: 'date' },
    rules: { type: 'array' },
    platform_kind: { type: 'string' },
    platform_id: { type: 'string' },
    platform_version: { type: 'integer' },
  },
} as const;

export const CUSTOMS_RISK_EXTENSION = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: stixId('extension-definition', 'customs-risk-information/1.0'),
  created_by_ref: PLATFORM_IDENTITY.id,
  created: '2026-12-01T00:00:00.000Z',
  modified: '2026-12-01T00:00:00.000Z',
  name: 'Customs risk information',
  description:
    'Customs risk information of the EUCAB Cooperation Platform: goods by CN/HS code, the route (countries, places, mode of transport, container, vessel IMO number), risk family, urgency, the recommended control action and validity; for profile recommendations their rules, selection budget and review date.',
  schema: JSON.stringify(CUSTOMS_RISK_SCHEMA),
  version: '1.0.0',
  extension_types: ['property-extension'],
} as const;

export const CUSTOMS_RISK_EXTENSION_ID = CUSTOMS_RISK_EXTENSION.id;
