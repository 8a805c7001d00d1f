import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Validators of the OASIS STIX 2.1 JSON schemas shipped in ../shared/data/schemas/stix-2.1/
 * (draft 2020-12: ajv's Ajv2020). The cyber-observable schemas are not shipped; the bundle schema
 * refers to them, so each is registered as `false` — the platform emits no observables, and a
 * bundle holding one fails.
 */
export const STIX_SCHEMAS = new URL('../../../../shared/data/schemas/stix-2.1/', import.meta.url);
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
const OBSERVABLES = [
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
];

function makeAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  for (const folder of ['common', 'sdos', 'sros']) {
    for (const f of readdirSync(new URL(`${folder}/`, STIX_SCHEMAS)).filter((n) => n.endsWith('.json')))
      ajv.addSchema(JSON.parse(readFileSync(new URL(`${folder}/${f}`, STIX_SCHEMAS), 'utf8')));
  }
  for (const o of OBSERVABLES) ajv.addSchema({ $id: `${BASE}observables/${o}.json`, not: {} });
  return ajv;
}

let ajv: Ajv2020 | undefined;
const SCHEMA_OF: Record<string, string> = {
  'marking-definition': 'common/marking-definition.json',
  'extension-definition': 'common/extension-definition.json',
  'language-content': 'common/language-content.json',
  relationship: 'sros/relationship.json',
  sighting: 'sros/sighting.json',
};

/** The errors of one STIX object against its type's schema (empty when valid). */
export function objectErrors(o: { type: string }): string[] {
  ajv ??= makeAjv();
  const validate = ajv.getSchema(`${BASE}${SCHEMA_OF[o.type] ?? `sdos/${o.type}.json`}`);
  if (!validate) return [`no schema for type ${o.type}`];
  return validate(o) ? [] : (validate.errors ?? []).map((e) => `${o.type} ${e.instancePath} ${e.message}`);
}

/**
 * Types the shipped bundle schema does not list among its objects: they fall to its custom-object
 * branch, `oneOf [core, cyber-observable-core]`, which every valid SDO matches twice (the latter
 * requires only type and id) — a defect of the OASIS snapshot. The bundle is validated without
 * them; each of them is validated against its own schema.
 */
const NOT_IN_BUNDLE_SCHEMA = new Set([
  'location',
  'note',
  'opinion',
  'grouping',
  'incident',
  'extension-definition',
]);

/** The errors of a bundle against common/bundle.json and of each of its objects against its schema. */
export function bundleErrors(b: {
  type: string;
  id: string;
  objects: { type: string; id: string }[];
}): string[] {
  ajv ??= makeAjv();
  const validate = ajv.getSchema(`${BASE}common/bundle.json`)!;
  const listed = { ...b, objects: b.objects.filter((o) => !NOT_IN_BUNDLE_SCHEMA.has(o.type)) };
  const whole = validate(listed)
    ? []
    : (validate.errors ?? []).map((e) => `bundle ${e.instancePath} ${e.message}`);
  return [...whole, ...b.objects.flatMap((o) => objectErrors(o).map((e) => `${o.id}: ${e}`))];
}
