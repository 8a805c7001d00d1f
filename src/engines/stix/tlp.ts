/**
 * TLP 2.0 in STIX 2.1: the five fixed marking-definition objects published by the OASIS CTI TC
 * (cti-stix-common-objects, extension-definition-specifications/tlp-2.0), copied verbatim; a test
 * compares them with ../shared/data/schemas/stix-2.1/tlp-2.0/tlp-2.0-marking-definitions.json.
 * TLP:RED has an object here for completeness of the table, but the platform never exports RED.
 */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

const MARKINGS = {
  clear: {
    id: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
    name: 'TLP:CLEAR',
    value: 'clear',
  },
  green: {
    id: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
    name: 'TLP:GREEN',
    value: 'green',
  },
  amber: {
    id: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
    name: 'TLP:AMBER',
    value: 'amber',
  },
  amber_strict: {
    id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
    name: 'TLP:AMBER+STRICT',
    value: 'amber+strict',
  },
  red: { id: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', name: 'TLP:RED', value: 'red' },
} as const satisfies Record<string, { id: string; name: string; value: string }>;

/** The TLP 2.0 levels (the platform's `tlp` values). */
export type TlpLevel = keyof typeof MARKINGS;

export interface MarkingDefinition {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: string;
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: string }>;
}

/** The marking-definition id of a TLP level. */
export function tlpMarkingId(level: TlpLevel): string {
  return MARKINGS[level].id;
}

/** The TLP level of a marking-definition id (undefined for other markings). */
export function tlpOfMarkingId(id: string): TlpLevel | undefined {
  return (Object.keys(MARKINGS) as TlpLevel[]).find((l) => MARKINGS[l].id === id);
}

/** The marking-definition object of a TLP level, as published. */
export function tlpMarkingObject(level: TlpLevel): MarkingDefinition {
  const m = MARKINGS[level];
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: m.id,
    created: '2022-10-01T00:00:00.000Z',
    name: m.name,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: m.value } },
  };
}

export const TLP_LEVELS = Object.keys(MARKINGS) as TlpLevel[];
